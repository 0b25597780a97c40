using System.Text.Json;
using System.Xml.Linq;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Reports;

/// <summary>Suppressions in wa-onboard.yaml and the baseline: accepted findings are marked in every format, never dropped, and do not fail.</summary>
public class SuppressionTests
{
    private const string NamespaceSuppression = """
        suppressions:
          - rule: hsm-namespace-format
            path: hsm[*].namespace
            reason: "Legacy namespace, fixed by the provider"
        """;

    [Fact]
    public void ASuppressedFindingIsMarkedWithItsReasonInTheJsonReport()
    {
        using var repository = ManyMistakes(NamespaceSuppression);
        var (exit, output, _) = repository.Run("validate", "p", "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var finding = Findings(json).Single(f => f.GetProperty("ruleId").GetString() == "hsm-namespace-format");
        Assert.True(finding.GetProperty("suppressed").GetBoolean());
        Assert.Equal("inSource", finding.GetProperty("suppression").GetProperty("kind").GetString());
        Assert.Equal("Legacy namespace, fixed by the provider", finding.GetProperty("suppression").GetProperty("reason").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.All(Findings(json).Where(f => f.GetProperty("ruleId").GetString() != "hsm-namespace-format"), f => Assert.False(f.TryGetProperty("suppressed", out _)));
    }

    [Fact]
    public void ASuppressedFindingAppearsInEveryOtherFormat()
    {
        using var repository = ManyMistakes(NamespaceSuppression);
        var (_, text, _) = repository.Run("validate", "p", "--format", "text");
        Assert.Contains("(line 16) [suppressed: Legacy namespace, fixed by the provider]", text, StringComparison.Ordinal);
        Assert.Contains("1 suppressed", text, StringComparison.Ordinal);

        var (_, sarif, _) = repository.Run("validate", "p", "--format", "sarif");
        using var log = JsonDocument.Parse(sarif);
        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "hsm-namespace-format");
        var suppression = result.GetProperty("suppressions").EnumerateArray().Single();
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("Legacy namespace, fixed by the provider", suppression.GetProperty("justification").GetString());

        var (_, junit, _) = repository.Run("validate", "p", "--format", "junit");
        var testCase = XDocument.Parse(junit).Descendants("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("hsm-namespace-format:", StringComparison.Ordinal));
        Assert.Null(testCase.Element("failure"));
        Assert.Contains("warning (suppressed: Legacy namespace, fixed by the provider)", testCase.Element("system-out")!.Value, StringComparison.Ordinal);

        var (_, github, _) = repository.Run("validate", "p", "--format", "github");
        Assert.Contains("::notice file=p/packet.yaml,line=16,col=16,title=hsm-namespace-format (suppressed%3A Legacy namespace%2C fixed by the provider)::", github, StringComparison.Ordinal);
    }

    [Fact]
    public void SuppressingEveryErrorMakesThePacketPass()
    {
        var (_, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "json");
        using var report = JsonDocument.Parse(output);
        var rules = Findings(report).Where(f => f.GetProperty("severity").GetString() == "error").Select(f => f.GetProperty("ruleId").GetString()).Distinct();
        using var repository = ManyMistakes("suppressions:\n" + string.Concat(rules.Select(r => $"  - {{ rule: {r}, reason: accepted for the test }}\n")));
        var (exit, json, _) = repository.Run("validate", "p", "--format", "json");
        Assert.Equal(0, exit);
        using var after = JsonDocument.Parse(json);
        Assert.True(after.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(Findings(report).Count(f => f.GetProperty("severity").GetString() == "error"), after.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.Equal(Findings(report).Count, Findings(after).Count);
    }

    [Fact]
    public void PathAndPacketsGlobsLimitASuppression()
    {
        using var repository = new TempRepository();
        repository.CopyExample("many-mistakes", "legacy/a");
        repository.CopyExample("many-mistakes", "new/b");
        repository.Write("wa-onboard.yaml", """
            suppressions:
              - rule: hsm-namespace-format
                packets: "legacy/**"
                reason: legacy packets keep their old namespace
              - rule: profile-website-url
                path: profile.websites[1]
                reason: only the second site
            """);
        var (_, output, _) = repository.Run("validate", ".", "--format", "json");
        using var json = JsonDocument.Parse(output);
        var packets = json.RootElement.GetProperty("packets").EnumerateArray().ToDictionary(p => p.GetProperty("packet").GetString()!);
        bool Suppressed(string packet, string rule) => packets[packet].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == rule).TryGetProperty("suppressed", out _);
        Assert.True(Suppressed("legacy/a", "hsm-namespace-format"));
        Assert.False(Suppressed("new/b", "hsm-namespace-format"));
        Assert.False(Suppressed("legacy/a", "profile-website-url"));
        var unused = packets["legacy/a"].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "suppression-unused");
        Assert.Equal("suppressions[1]", unused.GetProperty("path").GetString());
        Assert.Equal("wa-onboard.yaml", unused.GetProperty("file").GetString());
        Assert.Equal(5, unused.GetProperty("line").GetInt32());
    }

    [Fact]
    public void ASuppressionWithoutReasonOrPastItsDateDoesNotApplyAndSaysSo()
    {
        using var repository = ManyMistakes("""
            suppressions:
              - rule: hsm-namespace-format
              - rule: business-id-format
                reason: the ID is being corrected
                until: 2001-01-31
              - rule: profile-email-format
                reason: still in time
                until: 2999-12-31
            """);
        var (exit, output, _) = repository.Run("validate", "p", "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var findings = Findings(json);
        Assert.False(findings.Single(f => f.GetProperty("ruleId").GetString() == "hsm-namespace-format").TryGetProperty("suppressed", out _));
        Assert.False(findings.Single(f => f.GetProperty("ruleId").GetString() == "business-id-format").TryGetProperty("suppressed", out _));
        Assert.True(findings.Single(f => f.GetProperty("ruleId").GetString() == "profile-email-format").GetProperty("suppressed").GetBoolean());
        var missing = findings.Single(f => f.GetProperty("ruleId").GetString() == "suppression-reason-missing");
        Assert.Equal("warning", missing.GetProperty("severity").GetString());
        var expired = findings.Single(f => f.GetProperty("ruleId").GetString() == "suppression-expired");
        Assert.Contains("ended on 2001-01-31", expired.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "suppression-unused");
    }

    [Fact]
    public void FindingsAboutTheConfigurationPointAtItInSarifAndAnnotations()
    {
        using var repository = ManyMistakes("suppressions:\n  - rule: hsm-namespace-format\n");
        var (_, sarif, _) = repository.Run("validate", "p", "--format", "sarif");
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "suppression-reason-missing");
        Assert.Equal("wa-onboard.yaml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "suppression-reason-missing");
        var (_, github, _) = repository.Run("validate", "p", "--format", "github");
        Assert.Contains("::warning file=wa-onboard.yaml,line=2,col=5,title=suppression-reason-missing::", github, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("failSeverity: warning\n", new string[0], 1)]
    [InlineData("failSeverity: warning\n", new[] { "--fail-severity", "error" }, 0)]
    [InlineData("failSeverity: none\n", new string[0], 0)]
    [InlineData("", new string[0], 0)]
    public void TheConfigurationsFailSeverityAppliesUnlessTheCommandLineSaysOtherwise(string config, string[] options, int expected)
    {
        using var repository = ValidateCiOptionsTests.WarningOnlyPacket();
        repository.Write("wa-onboard.yaml", config);
        var (exit, _, _) = repository.Run(["validate", "p", "--format", "json", .. options]);
        Assert.Equal(expected, exit);
    }

    [Fact]
    public void TheNearestConfigurationAppliesAndTheSearchStopsAtTheRepositoryRoot()
    {
        using var repository = new TempRepository();
        repository.Write("wa-onboard.yaml", "failSeverity: none\n");
        repository.CopyExample("many-mistakes", "a/p");
        repository.Write("a/wa-onboard.yaml", "failSeverity: error\n");
        repository.CopyExample("many-mistakes", "b/p");
        repository.CopyExample("many-mistakes", "nested/p");
        Directory.CreateDirectory(Path.Combine(repository.Root, "nested", ".git"));
        Assert.Equal(1, repository.Run("validate", "a/p", "--format", "json").Exit);
        Assert.Equal(0, repository.Run("validate", "b/p", "--format", "json").Exit);
        Assert.Equal(1, repository.Run("validate", "nested/p", "--format", "json").Exit);
    }

    [Theory]
    [InlineData("failSeverity: fatal\n", "wa-onboard.yaml:1: failSeverity must be one of error, warning, info, none")]
    [InlineData("suppresions: []\n", "wa-onboard.yaml:1: 'suppresions' is not a setting; use failSeverity, profiles or suppressions")]
    [InlineData("suppressions:\n  - reason: no rule\n", "wa-onboard.yaml:2: suppressions[0] needs the rule id it suppresses")]
    [InlineData("suppressions:\n  - rule: x\n    reason: y\n    until: next week\n", "wa-onboard.yaml:4: suppressions[0].until must be a date written yyyy-mm-dd")]
    [InlineData("suppressions: [\n", "wa-onboard.yaml:2: The configuration is not valid YAML")]
    public void ABrokenConfigurationIsAUsageErrorWithFileAndLine(string config, string expected)
    {
        using var repository = ManyMistakes(config);
        var (exit, output, error) = repository.Run("validate", "p", "--format", "json");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABaselineAcceptsTodaysFindingsAndFailsOnlyOnNewOnes()
    {
        using var repository = ManyMistakes("");
        var (exit, _, _) = repository.Run("validate", "p", "--format", "json", "--write-baseline", "baseline.json");
        Assert.Equal(0, exit);
        using (var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository.Root, "baseline.json"))))
        {
            Assert.Equal(1, baseline.RootElement.GetProperty("version").GetInt32());
            Assert.Contains(baseline.RootElement.GetProperty("findings").EnumerateArray(), f =>
                f.GetProperty("ruleId").GetString() == "business-id-format" && f.GetProperty("file").GetString() == "p/packet.yaml");
        }

        (exit, var sarif, _) = repository.Run("validate", "p", "--format", "sarif", "--baseline", "baseline.json");
        Assert.Equal(0, exit);
        using (var log = JsonDocument.Parse(sarif))
        {
            Assert.All(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r =>
            {
                var suppression = r.GetProperty("suppressions")[0];
                Assert.Equal("external", suppression.GetProperty("kind").GetString());
                Assert.Equal("baseline", suppression.GetProperty("justification").GetString());
            });
        }

        var file = Path.Combine(repository.Root, "p", "packet.yaml");
        File.WriteAllText(file, "# moved down\n" + File.ReadAllText(file).Replace("provider: engage-digital", "provider: engage-digital\nschemaVersion: 7", StringComparison.Ordinal));
        (exit, var json, _) = repository.Run("validate", "p", "--format", "json", "--baseline", "baseline.json");
        Assert.Equal(1, exit);
        using var report = JsonDocument.Parse(json);
        var unsuppressed = Findings(report).Where(f => !f.TryGetProperty("suppressed", out _)).Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(["schema-version"], unsuppressed);
    }

    [Theory]
    [InlineData("missing.json", "wa-onboard: cannot read the baseline 'missing.json'")]
    [InlineData("p/packet.yaml", "wa-onboard: 'p/packet.yaml' is not a wa-onboard baseline")]
    public void AnUnusableBaselineIsAUsageError(string baseline, string expected)
    {
        using var repository = ManyMistakes("");
        var (exit, _, error) = repository.Run("validate", "p", "--baseline", baseline);
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static TempRepository ManyMistakes(string config)
    {
        var repository = new TempRepository();
        repository.CopyExample("many-mistakes", "p");
        repository.Write("wa-onboard.yaml", config);
        return repository;
    }

    private static List<JsonElement> Findings(JsonDocument report) => [.. report.RootElement.GetProperty("findings").EnumerateArray()];
}
