using System.Text;
using System.Text.RegularExpressions;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>
/// What start-up no longer does for the rule files shipped in the assembly (decision 1203): validating each rule's fields,
/// and building its pattern on the non-backtracking engine. These tests do it instead, for every built-in file.
/// </summary>
public class BuiltInRuleFileTests
{
    private static List<RawRule> BuiltInRawRules()
    {
        var assembly = typeof(RuleSet).Assembly;
        var rules = new List<RawRule>();
        var errors = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal) || n.StartsWith("profiles/", StringComparison.Ordinal)))
        {
            if (name.Contains("texts-", StringComparison.Ordinal) || !(name.StartsWith("rules/", StringComparison.Ordinal) || name.EndsWith("/rules.yaml", StringComparison.Ordinal)))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            RuleFileReader.Read(name, buffer.ToArray(), rules, [], errors, builtIn: true);
        }
        Assert.Empty(errors);
        return rules;
    }

    [Fact]
    public void EveryBuiltInRuleSaysWhatARuleMust()
    {
        var rules = BuiltInRawRules();
        Assert.True(rules.Count > 50, $"only {rules.Count} built-in rules were read");
        var errors = new List<string>();
        Assert.All(rules, rule => Assert.True(RuleSet.IsValid(rule, errors), string.Join("\n", errors)));
    }

    [Fact]
    public void TheValidatorTheBuiltInRulesSkipStillCatchesAGapInAUsersRule()
    {
        var rule = BuiltInRawRules()[0] with { Title = null, BuiltIn = false };
        var errors = new List<string>();

        Assert.False(RuleSet.IsValid(rule, errors));
        Assert.Contains(errors, e => e.EndsWith($"rule '{rule.Id}' has no 'title'", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBuiltInPatternIsARegularExpressionTheLinearEngineAccepts()
    {
        // No backreference, no lookaround: each built-in pattern could run on the non-backtracking engine, as a user's does.
        var patterns = BuiltInRawRules().Where(r => r.Parameters.ContainsKey("pattern")).Select(r => ((ScalarNode)r.Parameters["pattern"]).Text).ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, pattern => _ = new Regex(TextSafety.AsciiPattern(pattern, out _), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
    }

    [Fact]
    public void AUsersPatternRunsOnTheLinearEngineAndABuiltInOneOnTheInterpreter()
    {
        var user = new PatternCheck(new CheckParameters(Pattern("^(a|aa)+$"), []), forbid: false);
        var builtIn = new PatternCheck(new CheckParameters(Pattern("^(a|aa)+$"), []) { BuiltIn = true }, forbid: false);

        Assert.True(user.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.False(builtIn.Options.HasFlag(RegexOptions.NonBacktracking));
    }

    [Fact]
    public void ABuiltInPatternThatRunsOutOfTimeIsAFindingNotAHang()
    {
        // (a|aa)+ against 4,000 a's and a '!' backtracks through every way of splitting the a's: far more than the timeout.
        var check = new PatternCheck(new CheckParameters(Pattern("^(a|aa)+$"), []) { BuiltIn = true }, forbid: false);
        var definition = new RuleDefinition("slow-pattern", "t", Severity.Error, ["all"], Selector.TryParse("business.verifiedName", out _)!,
            "pattern", Pattern("^(a|aa)+$"), "m", "h", "s", null, "test", 1);
        var value = new string('a', 4000) + "!";
        var document = PacketLoader.Load(Encoding.UTF8.GetBytes($"business:\n  verifiedName: {value}\n"), PacketFormat.Yaml, "packet.yaml", InMemoryPacketFiles.None);
        var run = new RuleRun(document, new ValidationOptions());
        var node = ((MapNode)document.Root!["business"]!)["verifiedName"];

        check.Run(node, new CheckScope(new Rule(definition, check), run, [], node));

        var finding = Assert.Single(run.Findings());
        Assert.Equal("slow-pattern", finding.RuleId);
        Assert.Contains("took more than 1 s", finding.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, PacketNode> Pattern(string pattern) => new() { ["pattern"] = new ScalarNode(pattern, ScalarKind.String, 1, 1) };
}
