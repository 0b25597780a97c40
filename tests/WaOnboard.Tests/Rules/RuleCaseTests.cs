using System.Text.Json.Nodes;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>Every rule of rules/ fires on a packet that breaks it and stays quiet on one that keeps it (rule-cases.yaml).</summary>
public class RuleCaseTests
{
    /// <summary>Rules whose cases need more than a changed field (a registry, an image); each has its own test class.</summary>
    private static readonly HashSet<string> TestedElsewhere = ["phone-number-not-onboarded", "hsm-count-limit"]; // RegistryRuleTests; HostileCliTests (6,001 templates); profile-avatar-* in AvatarRuleTests

    private static readonly Lazy<List<RuleCase>> Cases = new(ReadCases);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value)
        {
            data.Add(c.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RuleFiresOnThePacketThatBreaksIt(string name)
    {
        var c = Cases.Value.Single(x => x.Name == name);
        var report = Validate(c, c.Fires);
        var hits = report.Findings.Where(f => f.RuleId == c.Rule).ToList();
        Assert.True(hits.Count > 0, $"{c.Rule} did not fire; findings: {string.Join("; ", report.Findings.Select(f => f.RuleId + " " + f.Message))}");
        if (c.At is not null)
        {
            Assert.Contains(hits, f => f.Path == c.At);
        }
        var rule = RuleSet.BuiltIn.RulesFor(report.Profile).Single(r => r.Id == c.Rule);
        Assert.All(hits, f => Assert.Equal(rule.Severity, f.Severity));
        Assert.All(hits, f => Assert.DoesNotContain("{", f.Message.Replace("{{", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RuleStaysQuietOnThePacketThatKeepsIt(string name)
    {
        var c = Cases.Value.Single(x => x.Name == name);
        var report = Validate(c, c.Passes);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == c.Rule);
    }

    [Fact]
    public void EveryBuiltInRuleHasACase()
    {
        var covered = Cases.Value.Select(c => c.Rule).ToHashSet();
        var rules = RuleSet.BuiltIn.Profiles.SelectMany(p => RuleSet.BuiltIn.RulesFor(p.Name)).Select(r => r.Id).Distinct();
        var missing = rules.Where(id => !covered.Contains(id) && !TestedElsewhere.Contains(id) && !id.StartsWith("profile-avatar-", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "rules without a case in rule-cases.yaml: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("engage-digital")]
    [InlineData("8x8")]
    [InlineData("generic")]
    public void ExamplePacketOfEachProfileIsValidWithNoWarning(string example)
    {
        var report = RuleSet.BuiltIn.Validate(PacketLoader.LoadPath(Repo.PathOf("examples", example)));
        Assert.Equal(example, report.Profile);
        Assert.True(report.Valid, string.Join("\n", report.Findings.Select(f => f.Message)));
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Warning);
    }

    private static ValidationReport Validate(RuleCase c, IReadOnlyDictionary<string, JsonNode?> changes)
    {
        var packet = Repo.ExampleAsJson(c.Example);
        foreach (var (path, value) in changes)
        {
            Repo.Set(packet, path, value?.DeepClone());
        }
        return RuleSet.BuiltIn.Validate(Repo.Load(packet, c.Example));
    }

    private sealed record RuleCase(string Name, string Rule, string Example, string? At,
        IReadOnlyDictionary<string, JsonNode?> Fires, IReadOnlyDictionary<string, JsonNode?> Passes);

    private static List<RuleCase> ReadCases()
    {
        var document = PacketLoader.LoadPath(Repo.PathOf("tests", "WaOnboard.Tests", "Rules", "rule-cases.yaml"));
        var cases = new List<RuleCase>();
        foreach (var item in ((ListNode)document.Root!["cases"]!).Items.Cast<MapNode>())
        {
            string Text(string key) => item[key] is ScalarNode s ? s.Text : "";
            var rule = Text("rule");
            cases.Add(new RuleCase($"{rule} #{cases.Count(c => c.Rule == rule) + 1} (line {item.Line})", rule, Text("example"),
                item["at"] is ScalarNode at ? at.Text : null, Changes(item["fires"]), Changes(item["passes"])));
        }
        return cases;
    }

    private static Dictionary<string, JsonNode?> Changes(PacketNode? node) =>
        node is MapNode map ? map.Entries.ToDictionary(e => e.Key, e => Repo.FromCase(e.Value)) : [];
}
