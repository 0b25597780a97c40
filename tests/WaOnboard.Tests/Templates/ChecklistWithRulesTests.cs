using System.Text;
using WaOnboard.Checklists;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Templates;

/// <summary>The checklist over the real rule set: every finding of the rules lands under a requested element.</summary>
public class ChecklistWithRulesTests
{
    [Theory]
    [InlineData("many-mistakes", "en")]
    [InlineData("many-mistakes", "fr")]
    [InlineData("8x8", "en")]
    public void EveryRuleFindingIsListedUnderARequestedElement(string example, string language)
    {
        var packet = PacketLoader.LoadPath(Repo.PathOf("examples", example));
        var report = RuleSet.BuiltIn.Validate(packet);
        var text = Encoding.UTF8.GetString(ChecklistRenderer.Render(packet, report, new ChecklistOptions { Language = language }).Content);
        var other = text.IndexOf(language == "fr" ? "Autres points" : "Other points", StringComparison.Ordinal);
        var elements = other < 0 ? text : text[..other];
        // Findings about the file itself (unknown fields) are not about an element; every rule finding is.
        foreach (var finding in report.Findings.Where(f => !RuleDocs.LoaderFindings.Any(l => l.Id == f.RuleId)))
        {
            Assert.Contains(finding.Message, elements, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ValidPacketHasNoElementToFix()
    {
        var packet = PacketLoader.LoadPath(Repo.PathOf("examples", "engage-digital"));
        var report = RuleSet.BuiltIn.Validate(packet);
        Assert.True(report.Valid);
        var text = Encoding.UTF8.GetString(ChecklistRenderer.Render(packet, report, new ChecklistOptions()).Content);
        Assert.DoesNotContain("[to fix]", text, StringComparison.Ordinal);
        Assert.Contains("[done]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error);
    }
}
