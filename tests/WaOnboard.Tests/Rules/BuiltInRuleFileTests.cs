using System.Text.RegularExpressions;
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
    public void AUsersPatternRunsOnTheLinearEngineABuiltInOneOnTheInterpreterOrCompiledForAServer()
    {
        using var file = new TempFile("rules:\n  - id: my-pattern\n    title: t\n    severity: error\n    path: business.verifiedName\n    check: pattern\n    pattern: '^(a|aa)+$'\n    message: m\n    help: h\n    source: s\n");
        var user = (PatternCheck)RuleSet.Load([file.Path]).RuleSet!.RulesFor("generic").Single(r => r.Id == "my-pattern").Check;
        var builtIn = (PatternCheck)RuleSet.BuiltIn.RulesFor("generic").Single(r => r.Id == "verified-name-generic-term").Check;
        var compiled = (PatternCheck)RuleSet.Load([], [], compilePatterns: true).RuleSet!.RulesFor("generic").Single(r => r.Id == "verified-name-generic-term").Check;

        Assert.True(user.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.False(builtIn.Options.HasFlag(RegexOptions.NonBacktracking) || builtIn.Options.HasFlag(RegexOptions.Compiled));
        Assert.True(compiled.Options.HasFlag(RegexOptions.Compiled));
    }

    [Fact]
    public void NoBuiltInPatternRepeatsAGroupThatItselfRepeats()
    {
        // A built-in pattern runs on the backtracking interpreter: (a+)+ or (a|aa)* would backtrack exponentially.
        var patterns = BuiltInRawRules().Where(r => r.Parameters.ContainsKey("pattern")).Select(r => ((ScalarNode)r.Parameters["pattern"]).Text).ToList();
        Assert.Equal([], patterns.Where(RepeatsARepeatingGroup));
        Assert.True(RepeatsARepeatingGroup("^(a+)+$"));
        Assert.True(RepeatsARepeatingGroup(@"^(\w|\d\w{2,})*\z"));
        Assert.False(RepeatsARepeatingGroup(@"^\s*(the\s+)?(shop|bank)\s*$"));
    }

    /// <summary>True when a group that holds a quantifier or an alternation is itself followed by <c>*</c>, <c>+</c> or <c>{n,}</c>.</summary>
    private static bool RepeatsARepeatingGroup(string pattern)
    {
        var opens = new Stack<(int At, bool Repeats)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    opens.Push((i, false));
                    break;
                case '*' or '+' or '{' or '|' when opens.Count > 0:
                    opens.Push(opens.Pop() with { Repeats = true });
                    break;
                case ')' when opens.Count > 0:
                    var group = opens.Pop();
                    var next = i + 1 < pattern.Length ? pattern[i + 1] : ' ';
                    var repeated = next is '*' or '+' || (next == '{' && pattern.IndexOf('}', i) is var close && close > 0 && pattern[(i + 2)..close].Contains(','));
                    if (group.Repeats && repeated)
                    {
                        return true;
                    }
                    if (group.Repeats && opens.Count > 0)
                    {
                        opens.Push(opens.Pop() with { Repeats = true });
                    }
                    break;
            }
        }
        return false;
    }
}
