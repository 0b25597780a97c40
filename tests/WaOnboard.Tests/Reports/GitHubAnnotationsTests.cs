using System.Text.Json;
using System.Text.RegularExpressions;
using WaOnboard.Reports;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Reports;

/// <summary>The workflow commands, parsed back with the runner's syntax, and the job summary.</summary>
public partial class GitHubAnnotationsTests
{
    [Fact]
    public void EveryLineIsAWorkflowCommandThatReadsBackAsTheFinding()
    {
        var (exit, text, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "github");
        var (_, json, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "json");
        Assert.Equal(1, exit);
        using var report = JsonDocument.Parse(json);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(findings.Count, lines.Length);
        foreach (var (line, finding) in lines.Zip(findings))
        {
            var match = Command().Match(line);
            Assert.True(match.Success, line);
            var severity = finding.GetProperty("severity").GetString();
            Assert.Equal(severity == "info" ? "notice" : severity, match.Groups["command"].Value);
            Assert.Equal("examples/many-mistakes/packet.yaml", Unescape(match.Groups["file"].Value));
            Assert.Equal(finding.GetProperty("line").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["line"].Value);
            Assert.Equal(finding.GetProperty("column").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["col"].Value);
            Assert.Equal(finding.GetProperty("ruleId").GetString(), Unescape(match.Groups["title"].Value));
            var message = Unescape(match.Groups["message"].Value);
            Assert.Contains(finding.GetProperty("message").GetString()!, message, StringComparison.Ordinal);
            Assert.Contains(finding.GetProperty("help").GetString()!, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plain", "plain", "plain")]
    [InlineData("100% sure", "100%25 sure", "100%25 sure")]
    [InlineData("a\r\nb", "a%0D%0Ab", "a%0D%0Ab")]
    [InlineData("hsm[0]: a, b", "hsm[0]: a, b", "hsm[0]%3A a%2C b")]
    [InlineData("%0A", "%250A", "%250A")]
    public void ValuesAreEscapedAsTheRunnerRequires(string value, string data, string property)
    {
        Assert.Equal(data, GitHubAnnotations.Data(value));
        Assert.Equal(property, GitHubAnnotations.Property(value));
        Assert.Equal(value, Unescape(GitHubAnnotations.Property(value)));
    }

    [Fact]
    public void AFileNameWithACommaOrAColonStaysOneProperty()
    {
        using var repository = new TempRepository();
        repository.CopyExample("many-mistakes", "a,b:c");
        var (_, text, _) = repository.Run("validate", "a,b:c", "--format", "github");
        var match = Command().Match(text.Split('\n')[0]);
        Assert.True(match.Success);
        Assert.Equal("a,b:c/packet.yaml", Unescape(match.Groups["file"].Value));
    }

    [Fact]
    public void JobSummaryIsAppendedToTheFileGitHubNames()
    {
        using var repository = new TempRepository();
        repository.CopyExample("many-mistakes", "packets/acme");
        repository.CopyExample("engage-digital", "packets/good");
        var summary = repository.Write("summary.md", "# earlier step\n");
        var (exit, _, _) = repository.RunIn("", ["validate", "packets", "--format", "github"], new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });
        Assert.Equal(1, exit);
        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("# earlier step\n## wa-onboard: 2 packets, 1 failing", markdown, StringComparison.Ordinal);
        Assert.Contains("### ❌ `packets/acme/packet.yaml` (profile engage-digital)", markdown, StringComparison.Ordinal);
        Assert.Contains("### ✅ `packets/good/packet.yaml` (profile engage-digital)", markdown, StringComparison.Ordinal);
        Assert.Contains("| error | `business-id-format` | packet | `business.facebookBusinessId` | 5 | The Business ID '12345' is not a number of 15 or 16 digits. |", markdown, StringComparison.Ordinal);
    }

    private static string Unescape(string value) => value
        .Replace("%2C", ",", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal)
        .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    // The runner's syntax: ::command key=value,key=value::message, with no raw ',' or ':' inside a value and no raw newline anywhere.
    [GeneratedRegex("^::(?<command>error|warning|notice) file=(?<file>[^,:\r\n]+)(,line=(?<line>[0-9]+)(,col=(?<col>[0-9]+))?)?,title=(?<title>[^,:\r\n]+)::(?<message>[^\r\n]*)$")]
    private static partial Regex Command();
}
