using WaOnboard.Checking;
using WaOnboard.Checklists;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>Every built-in rule speaks English and French (rules/texts-fr.yaml, a profile's texts-fr.yaml); --lang chooses.</summary>
public class RuleTextTests
{
    [Fact]
    public void EveryBuiltInRuleHasAFrenchMessageAndHelpThatAreNotTheEnglishOnes()
    {
        var problems = new List<string>();
        foreach (var profile in RuleSet.BuiltIn.Profiles)
        {
            foreach (var rule in RuleSet.BuiltIn.RulesFor(profile.Name))
            {
                if (!rule.Texts.TryGetValue("fr", out var fr))
                {
                    problems.Add($"{profile.Name}/{rule.Id}: no French text");
                    continue;
                }
                if (fr.Message == rule.Message || fr.Help == rule.Help)
                {
                    problems.Add($"{profile.Name}/{rule.Id}: the French text is the English one");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void AProfileThatRewordsARuleRewordsItInFrenchToo()
    {
        // Engage Digital's override of the avatar size names its 640x640 in both languages.
        var rule = RuleSet.BuiltIn.RulesFor("engage-digital").Single(r => r.Id == "profile-avatar-dimensions");
        Assert.Contains("Engage Digital", rule.Message, StringComparison.Ordinal);
        Assert.Contains("Engage Digital", rule.Texts["fr"].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Engage Digital", RuleSet.BuiltIn.RulesFor("generic").Single(r => r.Id == "profile-avatar-dimensions").Texts["fr"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFrenchTextNamesARule()
    {
        var ids = RuleSet.BuiltIn.Profiles.SelectMany(p => RuleSet.BuiltIn.RulesFor(p.Name)).Select(r => r.Id).ToHashSet();
        foreach (var file in new[] { "rules/texts-fr.yaml", "profiles/8x8/texts-fr.yaml", "profiles/engage-digital/texts-fr.yaml" })
        {
            var root = PacketLoader.LoadPath(Repo.PathOf(file)).Root!;
            Assert.All(root.Entries, e => Assert.True(ids.Contains(e.Key), $"{file}: '{e.Key}' is not a rule id"));
        }
    }

    [Fact]
    public async Task ValidateInFrenchKeepsTheRuleIdsAndPathsAndChangesTheWords()
    {
        var document = PacketLoader.LoadPath(Repo.PathOf("examples", "many-mistakes"));
        var checker = new PacketChecker(RuleSet.BuiltIn);
        var en = (await checker.CheckAsync(document, null, "en")).Report;
        var fr = (await checker.CheckAsync(document, null, "fr")).Report;
        Assert.Equal(en.Findings.Select(f => (f.RuleId, f.Path, f.Severity)), fr.Findings.Select(f => (f.RuleId, f.Path, f.Severity)));
        var businessId = fr.Findings.Single(f => f.RuleId == "business-id-format");
        Assert.Equal("L'identifiant Business « 12345 » n'est pas un nombre de 15 ou 16 chiffres.", businessId.Message);
    }

    [Fact]
    public async Task TheFrenchCustomerChecklistOfManyMistakesQuotesNoEnglishFinding()
    {
        var document = PacketLoader.LoadPath(Repo.PathOf("examples", "many-mistakes"));
        var checker = new PacketChecker(RuleSet.BuiltIn);
        var english = (await checker.CheckAsync(document, null, "en")).Report;
        var french = await checker.CheckAsync(document, null, "fr");
        var text = ChecklistRenderer.Render(french, new() { Language = "fr" }).Text;
        foreach (var finding in english.Findings)
        {
            Assert.DoesNotContain(CustomerText.WithoutPaths(finding.Message), text, StringComparison.Ordinal);
            Assert.DoesNotContain(CustomerText.WithoutPaths(finding.Help!), text, StringComparison.Ordinal);
        }
        foreach (var word in new[] { " the ", " is not ", " must ", "How to fix", " missing" })
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }
    }
}
