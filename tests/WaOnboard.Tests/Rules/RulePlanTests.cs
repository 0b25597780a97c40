using System.Text;
using System.Text.Json.Nodes;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;
using WaOnboard.Tests.Hostile;

namespace WaOnboard.Tests.Rules;

/// <summary>
/// The rule plan walks each place once for all its rules; its reports are the ones a rule-by-rule run makes (the engine
/// before the plan, kept here as the reference): same findings, same order, same truncation.
/// </summary>
public class RulePlanTests
{
    private static readonly IPacketFiles ExampleFiles = new FolderPacketFiles(Repo.PathOf("examples", "many-mistakes"));

    [Fact]
    public void EveryExampleUnderEveryProfileGivesTheReportOfARuleByRuleRun()
    {
        foreach (var example in PacketMutator.Examples)
        {
            var document = PacketLoader.LoadPath(Repo.PathOf("examples", example));
            foreach (var profile in RuleSet.BuiltIn.Profiles)
            {
                AssertSameAsRuleByRule(RuleSet.BuiltIn, document, profile.Name);
            }
        }
    }

    [Fact]
    public void MutatedExamplesGiveTheReportOfARuleByRuleRun()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var packet = PacketMutator.Mutate(seed);
            var document = PacketLoader.Load(Encoding.UTF8.GetBytes(packet.ToJsonString()), PacketFormat.Json, "mutant", ExampleFiles);
            AssertSameAsRuleByRule(RuleSet.BuiltIn, document, document.Provider is { } p && RuleSet.BuiltIn.HasProfile(p) ? p : RuleSet.BuiltIn.Default.Name);
        }
    }

    [Fact]
    public void AReportTruncatedWhileRulesInterleaveListsTheFirstFindingsInRuleOrder()
    {
        var document = ManyBadTemplates(600);

        var report = RuleSet.BuiltIn.Validate(document);

        Assert.Equal(RuleRun.MaxFindings + 1, report.Findings.Count);
        Assert.Equal("findings-truncated", report.Findings[^1].RuleId);
        // Each rule's findings are together, and the rules come in rule-file order, though the plan met them item by item.
        var order = RuleSet.BuiltIn.RulesFor(report.Profile).Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ranks = report.Findings.SkipLast(1).Select(f => order[f.RuleId]).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.True(ranks.Distinct().Count() >= 2, "the packet must fail several rules on each item");
        AssertSameAsRuleByRule(RuleSet.BuiltIn, document, report.Profile);
    }

    [Fact]
    public void RulesRepeatedUnderOtherIdsRunInFileOrderWithTheirConditions()
    {
        // a, c and d check the same place, b a deeper one; c and d only when their condition holds.
        using var rules = new TempFile("rules:\n"
            + TestRule("a", "error", "hsm[*].elementName", "pattern", "pattern: '^[a-z]+\\z'")
            + TestRule("b", "warning", "hsm[*].translations[*].body", "length", "max: 3")
            + TestRule("c", "info", "hsm[*].elementName", "pattern", "pattern: '^[a-z]+\\z'\n    when: { path: phone.currentlyOn, equals: \"none\" }")
            + TestRule("d", "info", "hsm[*].elementName", "pattern", "pattern: '^[a-z]+\\z'\n    when: { path: phone.currentlyOn, missing: true }"));
        var ruleSet = RuleSet.Load([rules.Path]).RuleSet!;
        var document = ManyBadTemplates(3);

        var ours = ruleSet.Validate(document).Findings.Where(f => f.RuleId.StartsWith("test-", StringComparison.Ordinal)).Select(f => f.Message);

        // The packet says phone.currentlyOn is none: c runs, d does not.
        Assert.Equal(
            ["a hsm[0].elementName", "a hsm[1].elementName", "a hsm[2].elementName",
             "b hsm[0].translations[0].body", "b hsm[1].translations[0].body", "b hsm[2].translations[0].body",
             "c hsm[0].elementName", "c hsm[1].elementName", "c hsm[2].elementName"],
            ours);
        AssertSameAsRuleByRule(ruleSet, document, "engage-digital");
    }

    [Fact]
    public void AValueTooLongIsReportedOnceWhereItsFirstRuleWouldHaveMetIt()
    {
        var packet = Repo.ExampleAsJson("engage-digital");
        Repo.Set(packet, "hsm[0].elementName", new string('x', RuleRun.MaxCheckedLength + 1));
        Repo.Set(packet, "profile.about", new string('y', RuleRun.MaxCheckedLength + 1));
        var document = Repo.Load(packet, "engage-digital");

        var report = RuleSet.BuiltIn.Validate(document);

        Assert.Equal(2, report.Findings.Count(f => f.RuleId == "value-too-long"));
        AssertSameAsRuleByRule(RuleSet.BuiltIn, document, "engage-digital");
    }

    /// <summary>A rule of a user rule file, named test-<paramref name="name"/>, whose message is its name and the path it reached.</summary>
    private static string TestRule(string name, string severity, string path, string check, string parameters) => $$"""
          - id: test-{{name}}
            title: {{name}}
            severity: {{severity}}
            profiles: [engage-digital]
            path: {{path}}
            check: {{check}}
            {{parameters}}
            message: "{{name}} {path}"
            help: "{{name}}"
            source: "test"

        """;

    /// <summary>The engage-digital example with <paramref name="count"/> templates that each fail several rules.</summary>
    private static PacketDocument ManyBadTemplates(int count)
    {
        var packet = Repo.ExampleAsJson("engage-digital");
        var templates = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            templates.Add(new JsonObject
            {
                ["elementName"] = "Bad Name " + i,
                ["approved"] = false,
                ["translations"] = new JsonArray(new JsonObject { ["language"] = "xx-unknown", ["body"] = "Hi {{1}} " + i }),
            });
        }
        packet["hsm"] = templates;
        return Repo.Load(packet, "engage-digital");
    }

    private static void AssertSameAsRuleByRule(RuleSet ruleSet, PacketDocument document, string profile)
    {
        var report = ruleSet.Validate(document, new ValidationOptions { Profile = profile });
        var (findings, unlisted) = RuleByRule(ruleSet, document, profile);
        var listed = unlisted is null ? report.Findings : report.Findings.SkipLast(1).ToList();
        Assert.Equal(findings.Select(Describe), listed.Select(Describe));
        if (unlisted is not null)
        {
            // The same listed findings and the same unlisted counts give the same summary.
            Assert.Equal("findings-truncated", report.Findings[^1].RuleId);
            Assert.Equal(new ValidationReport(report.Packet, profile, report.Findings, unlisted).Summary, report.Summary);
        }
    }

    private static string Describe(Finding f) => $"{f.RuleId} {f.Severity} {f.Path} {f.Line}:{f.Column} {f.Message} | {f.Help}";

    /// <summary>The engine before the plan: rule after rule, each walking its own selector over the whole packet.</summary>
    private static (IReadOnlyList<Finding> Findings, Summary? Unlisted) RuleByRule(RuleSet ruleSet, PacketDocument document, string profile)
    {
        var run = new RuleRun(document, new ValidationOptions { Profile = profile });
        foreach (var finding in document.LoadFindings)
        {
            run.Add(finding);
        }
        var rules = ruleSet.RulesFor(profile);
        for (var i = 0; i < rules.Count && document.Root is { } root; i++)
        {
            if (rules[i].Definition.When is { } when && !when.Holds(root, run.Indices))
            {
                continue;
            }
            run.RuleIndex = i;
            var visitor = new OneRule(rules[i], run);
            rules[i].Definition.Path.Visit(root, run.Indices, ref visitor);
        }
        return (run.Findings(), run.Unlisted);
    }

    private readonly struct OneRule(Rule rule, RuleRun run) : ISelectorVisitor
    {
        public void Visit(PacketNode? node, PacketNode? nearest, ReadOnlySpan<int> indices)
        {
            if (run.IsCheckable(node, rule.Definition.Path, indices))
            {
                rule.Check.Run(node, new CheckScope(rule, run, indices, nearest));
            }
        }
    }
}
