using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

public class RuleDocsTests
{
    [Fact]
    public void RulesMarkdownIsUpToDateWithTheRuleFiles()
    {
        var path = Repo.PathOf("docs", "rules.md");
        var expected = RuleDocs.Markdown(RuleSet.BuiltIn);
        if (Repo.UpdateGolden)
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/rules.md is out of date: run 'dotnet run --project src/WaOnboard.Cli -- rules --format markdown > docs/rules.md'.");
    }

    [Fact]
    public void EveryBuiltInRuleCitesItsSourceAndSaysWhatToDo()
    {
        foreach (var rule in RuleSet.BuiltIn.Profiles.SelectMany(p => RuleSet.BuiltIn.RulesFor(p.Name)))
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Help), rule.Id);
            Assert.True(rule.Source.Contains("seed", StringComparison.Ordinal) || rule.Source.Contains("facts", StringComparison.Ordinal)
                || rule.Source.Contains("spec", StringComparison.Ordinal) || rule.Source.Contains("issue", StringComparison.Ordinal), $"{rule.Id}: {rule.Source}");
        }
    }
}
