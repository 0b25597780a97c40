using System.Text.Json;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Reports;

/// <summary>The SARIF log, read back as JSON: what GitHub code scanning needs of each result and rule (tests/sarif/run.sh runs the real validator).</summary>
public class SarifReportTests
{
    [Fact]
    public void EveryResultNamesARuleOfTheDriverAndAFindingOfTheJsonReport()
    {
        var (_, sarif, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "sarif");
        var (_, json, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "json");
        using var log = JsonDocument.Parse(sarif);
        using var report = JsonDocument.Parse(json);
        var run = log.RootElement.GetProperty("runs").EnumerateArray().Single();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();

        Assert.Equal(findings.Count, results.Count);
        foreach (var (result, finding) in results.Zip(findings))
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(finding.GetProperty("ruleId").GetString(), ruleId);
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var level = finding.GetProperty("severity").GetString() == "info" ? "note" : finding.GetProperty("severity").GetString();
            Assert.Equal(level, result.GetProperty("level").GetString());
            Assert.StartsWith(finding.GetProperty("message").GetString()!, result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("examples/many-mistakes/packet.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.Equal(finding.GetProperty("line").GetInt32(), location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(finding.GetProperty("column").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32());
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty("waOnboardFinding/v1").GetString());
        }
    }

    [Fact]
    public void DriverListsEveryRuleOfTheProfileWithHelpAndAnAnchorInTheRuleCatalogue()
    {
        var (_, sarif, _) = CliRunner.Run("validate", "examples/engage-digital", "--format", "sarif");
        using var log = JsonDocument.Parse(sarif);
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var catalogue = File.ReadAllText(Repo.PathOf("docs", "rules.md"));
        var profileRules = WaOnboard.Rules.RuleSet.BuiltIn.RulesFor("engage-digital").Select(r => r.Id).ToList();

        Assert.Superset(profileRules.ToHashSet(), rules.Select(r => r.GetProperty("id").GetString()!).ToHashSet());
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.Contains($"#{id})", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.EndsWith($"docs/rules.md#{id}", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Contains($"<a id=\"{id}\"></a>", catalogue, StringComparison.Ordinal);
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        }
    }

    [Fact]
    public void FingerprintsSurviveAnUnrelatedEditThatMovesEveryLine()
    {
        using var repository = new TempRepository();
        var folder = repository.CopyExample("many-mistakes", "packets/acme");
        var before = Fingerprints(repository);
        var file = Path.Combine(folder, "packet.yaml");
        File.WriteAllText(file, "# a comment that moves every line down\n\n" + File.ReadAllText(file));
        var after = Fingerprints(repository);

        Assert.Equal(before.Select(b => b.Fingerprint), after.Select(a => a.Fingerprint));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Line + 2, pair.Second.Line));
        Assert.Equal(before.Count, before.Select(b => b.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void ArtifactUriIsRelativeToTheRepositoryRootWhateverTheCurrentDirectory()
    {
        using var repository = new TempRepository();
        repository.CopyExample("many-mistakes", "teams/sales/acme");
        var (_, sarif, _) = repository.RunIn("teams", ["validate", "sales/acme", "--format", "sarif"]);
        using var log = JsonDocument.Parse(sarif);
        var uri = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.Equal("teams/sales/acme/packet.yaml", uri);
    }

    private static List<(string Fingerprint, int Line)> Fingerprints(TempRepository repository)
    {
        var (_, sarif, _) = repository.Run("validate", "packets/acme", "--format", "sarif");
        using var log = JsonDocument.Parse(sarif);
        return [.. log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("partialFingerprints").GetProperty("waOnboardFinding/v1").GetString()!,
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))];
    }
}
