using System.CommandLine;
using System.Text;
using WaOnboard.Findings;
using WaOnboard.Reports;
using WaOnboard.Repository;
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

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Report the findings this baseline holds as suppressed; only new findings fail",
        HelpName = "FILE",
    };

    public Option<string?> WriteBaseline { get; } = new("--write-baseline")
    {
        Description = "Record this run's findings in a baseline file (then report them as suppressed by it)",
        HelpName = "FILE",
    };

    public Option<bool> Explain { get; } = new("--explain")
    {
        Description = "After the text report, say for each finding the rule, its source, the value it looked at, its parameters and the fact it relied on (the number's classification, the avatar's inspection, the registry's answer)",
    };

    public IEnumerable<Option> Options => [Format, OutputFile, FailSeverity, Baseline, WriteBaseline, Explain];

    /// <summary>
    /// Applies the repository's <c>wa-onboard.yaml</c> (suppressions, failing severity) and the baseline to the reports;
    /// null (after one line per problem on stderr) when a configuration or baseline file is unusable.
    /// </summary>
    public IReadOnlyList<ReportedPacket>? Prepare(ParseResult parse, IReadOnlyList<ValidationReport> reports, RuleSet ruleSet)
    {
        var io = parse.InvocationConfiguration;
        var currentDirectory = Environment.CurrentDirectory;
        var suppressions = new Suppressions(DateOnly.FromDateTime(DateTime.UtcNow), currentDirectory);
        var errors = new List<string>();
        var configured = reports.Select(r =>
        {
            var file = ReportedPacket.PacketFile(r.Packet, currentDirectory);
            return new ConfiguredReport(r, file, suppressions.ConfigFor(file, errors));
        }).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors.Distinct())
            {
                io.Error.WriteLine(error);
            }
            return null;
        }
        var applied = suppressions.Apply(configured);
        var cliThreshold = FailPolicy.Parse(parse.GetValue(FailSeverity));
        List<ReportedPacket> packets = [.. applied.Select((r, i) =>
            ReportedPacket.Create(r, ruleSet, currentDirectory, cliThreshold ?? configured[i].Config?.FailSeverity ?? Reports.FailSeverity.Error))];

        var baselineFile = parse.GetValue(Baseline);
        if (parse.GetValue(WriteBaseline) is { } written)
        {
            if (!TryWrite(io, written, Repository.Baseline.Write(packets), append: false))
            {
                return null;
            }
            baselineFile = written;
        }
        if (baselineFile is not null)
        {
            var baseline = Repository.Baseline.Load(baselineFile, out var problem);
            if (baseline is null)
            {
                CliApp.Fail(io, problem!);
                return null;
            }
            packets = [.. packets.Select(p => p.With(baseline.Apply(p)))];
        }
        return packets;
    }

    /// <summary>Writes the reports (of <paramref name="documents"/>, in the same order) in the chosen format to the chosen place; false (after one line on stderr) when the file cannot be written.</summary>
    public bool Write(ParseResult parse, IReadOnlyList<ReportedPacket> packets, IReadOnlyList<Packets.PacketDocument> documents, bool several, RuleSet ruleSet)
    {
        var io = parse.InvocationConfiguration;
        var file = parse.GetValue(OutputFile);
        var explain = parse.GetValue(Explain);
        // --explain is for people reading a terminal: it implies text, and is refused with a machine format.
        var format = parse.GetValue(Format) ?? (explain || (file is null && CliApp.IsTerminal(io.Output)) ? "text" : "json");
        if (explain && format != "text")
        {
            CliApp.Fail(io, $"--explain writes text; it cannot be combined with --format {format}.");
            return false;
        }
        var reports = packets.Select(p => p.Report).ToList();
        string document;
        switch (format)
        {
            case "json":
                document = (several ? ReportJson.Write(reports) : ReportJson.Write(reports[0])) + "\n";
                break;
            case "sarif":
                document = SarifReport.Write(packets, ToolVersion) + "\n";
                break;
            case "junit":
                document = JUnitReport.Write(packets);
                break;
            case "github":
                document = GitHubAnnotations.Write(packets);
                if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary
                    && !TryWrite(io, summary, GitHubAnnotations.Summary(packets), append: true))
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
                if (explain)
                {
                    ExplainText.Write(writer, packets, documents, ruleSet);
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
