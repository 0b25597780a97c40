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
        var checkedPacket = TestPackets.Check(packet);
        var report = checkedPacket.Report;
        var text = Encoding.UTF8.GetString(ChecklistRenderer.Render(checkedPacket, new ChecklistOptions { Language = language }).Content);
        var other = text.IndexOf(language == "fr" ? "Autres points" : "Other points", StringComparison.Ordinal);
        var elements = other < 0 ? text : text[..other];
        // Findings about the file itself (unknown fields) are not about an element; every rule finding is (infos are not listed).
        // The customer reads them without their packet paths.
        foreach (var finding in report.Findings.Where(f => f.Severity != Severity.Info && !RuleDocs.LoaderFindings.Any(l => l.Id == f.RuleId)))
        {
            Assert.Contains(CustomerText.WithoutPaths(finding.Message), elements, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnErrorOutsideEveryElementNeverLetsTheChecklistSayReady()
    {
        // Every element of the generic profile is done, but the file has an unknown-field warning and a schema error.
        var json = File.ReadAllText(Repo.PathOf("examples", "generic", "packet.json"));
        var files = new FolderPacketFiles(Repo.PathOf("examples", "generic"));
        var valid = ChecklistRenderer.Render(TestPackets.Check(PacketLoader.Load(Encoding.UTF8.GetBytes(json), PacketFormat.Json, "inline", files)), new ChecklistOptions()).Text;
        Assert.Contains("send the packet as it is", valid, StringComparison.Ordinal);
        var broken = PacketLoader.Load(Encoding.UTF8.GetBytes("{\"schemaVersion\": 2," + json.TrimStart()[1..]), PacketFormat.Json, "inline", files);
        var checkedBroken = TestPackets.Check(broken);
        Assert.False(checkedBroken.Report.Valid);
        var text = ChecklistRenderer.Render(checkedBroken, new ChecklistOptions()).Text;
        Assert.DoesNotContain("send the packet as it is", text, StringComparison.Ordinal);
        Assert.Contains("Fix the errors listed above first", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidPacketHasNoElementToFix()
    {
        var packet = PacketLoader.LoadPath(Repo.PathOf("examples", "engage-digital"));
        var checkedPacket = TestPackets.Check(packet);
        var report = checkedPacket.Report;
        Assert.True(report.Valid);
        var text = Encoding.UTF8.GetString(ChecklistRenderer.Render(checkedPacket, new ChecklistOptions()).Content);
        Assert.DoesNotContain("[to fix]", text, StringComparison.Ordinal);
        Assert.Contains("[done]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error);
    }
}
