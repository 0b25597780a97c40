using System.CommandLine;
using System.Text;
using WaOnboard.Findings;
using WaOnboard.Reports;
using WaOnboard.Rules;

namespace WaOnboard.Cli;

/// <summary>The output options of <c>validate</c> (format, file, failing severity) and the writing of its reports.</summary>
/// <remarks>Kept apart from <see cref="ValidateCommand"/>, which loads and checks packets: the formats only read finished reports.</remarks>
internal sealed class ValidateOutput
{
    public static readonly string[] Formats = ["text", "json", "sarif", "junit", "github"];

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "text (for people; the default on a terminal), json (spec/packet.md; the default otherwise), sarif (SARIF 2.1.0), junit (JUnit XML) or github (workflow annotations and job summary)",
    };

    public Option<string?> OutputFile { get; } = new("--output", "-o") { Description = "Write the report to this file instead of standard output", HelpName = "FILE" };

    public Option<string?> FailSeverity { get; } = new("--fail-severity")
    {
        Description = "The least serious finding that makes the exit code 1: error (default), warning, info or none",
        HelpName = "LEVEL",
    };

    public ValidateOutput()
    {
        Format.AcceptOnlyFromAmong(Formats);
        FailSeverity.AcceptOnlyFromAmong([.. FailPolicy.Names]);
    }

    public IEnumerable<Option> Options => [Format, OutputFile, FailSeverity];

    /// <summary>The threshold from the command line, else the configuration's, else errors.</summary>
    public FailSeverity Threshold(ParseResult parse, FailSeverity? configured) =>
        FailPolicy.Parse(parse.GetValue(FailSeverity)) ?? configured ?? Reports.FailSeverity.Error;

    /// <summary>Writes the reports in the chosen format to the chosen place; false (after one line on stderr) when the file cannot be written.</summary>
    public bool Write(ParseResult parse, IReadOnlyList<ValidationReport> reports, bool several, RuleSet ruleSet, FailSeverity threshold)
    {
        var io = parse.InvocationConfiguration;
        var file = parse.GetValue(OutputFile);
        var format = parse.GetValue(Format) ?? (file is null && CliApp.IsTerminal(io.Output) ? "text" : "json");
        var currentDirectory = Environment.CurrentDirectory;
        IReadOnlyList<ReportedPacket> Described() => [.. reports.Select(r => ReportedPacket.Create(r, ruleSet, currentDirectory))];
        string document;
        switch (format)
        {
            case "json":
                document = (several ? ReportJson.Write(reports) : ReportJson.Write(reports[0])) + "\n";
                break;
            case "sarif":
                document = SarifReport.Write(Described(), ToolVersion) + "\n";
                break;
            case "junit":
                document = JUnitReport.Write(Described(), threshold);
                break;
            case "github":
                var described = Described();
                document = GitHubAnnotations.Write(described);
                if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary
                    && !TryWrite(io, summary, GitHubAnnotations.Summary(described, threshold), append: true))
                {
                    return false;
                }
                break;
            default:
                var writer = new StringWriter();
                var text = new TextReport(writer, file is null && CliApp.UseColour(io.Output));
                foreach (var report in reports)
                {
                    text.Write(report);
                }
                document = writer.ToString();
                break;
        }
        if (file is null)
        {
            io.Output.Write(document);
            return true;
        }
        return TryWrite(io, file, document, append: false);
    }

    /// <summary>The tool's version, as the package and the SARIF driver state it.</summary>
    public static string ToolVersion => typeof(ValidateOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static bool TryWrite(InvocationConfiguration io, string path, string text, bool append)
    {
        try
        {
            if (append)
            {
                File.AppendAllText(path, text, new UTF8Encoding(false));
            }
            else
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            CliApp.Fail(io, $"cannot write '{path}': {e.Message}");
            return false;
        }
    }
}
