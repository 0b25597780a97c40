using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WaOnboard.Checklists;
using WaOnboard.Findings;
using WaOnboard.Snippets;

namespace WaOnboard.Tests.Templates;

/// <summary>Whatever a packet or a report holds, it comes out as inert text and the HTML stays well-formed.</summary>
public class HostileValueTests
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "</a></td></tr></table></section><p>",
        "{{T.greeting}} {{{Link}}}",
        "&amp; &lt; &#x3C;",
        "مرحبا بك في WhatsApp",
        "\u202Egnp.exe\u202C",
        "😀👍🏽👨‍👩‍👧",
        "\u0000\u0001\u007F\uFFFE\uD800",
        new string('x', 10_000),
        string.Concat(Enumerable.Repeat("<b>\"'&", 2_000)),
    ];

    private static Arbitrary<string> Values() =>
        Gen.OneOf(
            Gen.Elements(Hostile),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Gen.Elements(Hostile).Two().Select(pair => pair.Item1 + pair.Item2))
        .ToArbitrary();

    [Property]
    public Property HostileBusinessNameStaysInertInEveryHtmlSnippet()
    {
        var expected = Shape("Acme");
        return Prop.ForAll(Values(), name =>
        {
            foreach (var (kind, shape) in expected)
            {
                var html = SnippetRenderer.Render(kind, new SnippetRequest("+33 1 42 00 00 00", name) { BusinessName = name });
                var document = Html.ParseSnippet(html);
                Assert.Equal(shape, Html.ElementNames(document));
                var link = document.QuerySelector("a:not([href^='tel:'])")!;
                Assert.StartsWith("https://wa.me/33142000000", link.GetAttribute("href"), StringComparison.Ordinal);
                Assert.DoesNotContain(' ', link.GetAttribute("href")!);
            }
        });
    }

    [Property]
    public Property HostileFindingsAndPacketValuesStayInertInTheChecklistEmail()
    {
        var packet = TestPackets.Load("engage-digital");
        var benign = Html.ElementNames(Html.ParseDocument(RenderHtml(packet, "plain")));
        return Prop.ForAll(Values(), value =>
        {
            var html = RenderHtml(packet, value);
            var document = Html.ParseDocument(html);
            Assert.Equal(benign, Html.ElementNames(document));
            Assert.Empty(document.QuerySelectorAll("script, img"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        });
    }

    [Fact]
    public void HostilePacketValuesKeepTheirTextInTheHtmlAndNeverBecomeMarkup()
    {
        var name = "<script>alert('x')</script> & \"Acme\"";
        var packet = TestPackets.FromYaml($"provider: engage-digital\nbusiness:\n  verifiedName: '{name.Replace("'", "''", StringComparison.Ordinal)}'\n");
        var html = ChecklistRenderer.Render(TestPackets.Check(packet, "engage-digital"), new() { Format = ChecklistFormat.Html, Audience = ChecklistAudience.ProjectManager }).Text;
        var document = Html.ParseDocument(html);
        Assert.Contains(name, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TextChecklistCarriesValuesAsWrittenWithoutHtmlEntities()
    {
        var packet = TestPackets.FromYaml("provider: generic\nbusiness:\n  verifiedName: 'Tom & Jerry <\"Café\">'\n");
        var text = ChecklistRenderer.Render(TestPackets.Check(packet, "generic"), new() { Audience = ChecklistAudience.ProjectManager }).Text;
        Assert.Contains("Tom & Jerry <\"Café\">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateLookingValueIsNeverCompiled()
    {
        var packet = TestPackets.FromYaml("provider: generic\nbusiness:\n  verifiedName: '{{T.greeting}} {{#each Steps}}x{{/each}}'\n");
        var text = ChecklistRenderer.Render(TestPackets.Check(packet, "generic"), new() { Audience = ChecklistAudience.ProjectManager }).Text;
        Assert.Contains("{{T.greeting}} {{#each Steps}}x{{/each}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AWebsiteThatIsNotHttpNeverReachesTheSheet()
    {
        var packet = TestPackets.FromYaml("provider: engage-digital\nprofile:\n  websites: ['javascript:alert(1)', 'https://ok.example']\n  facebookPage: 'data:text/html,<b>x</b>'\n");
        foreach (var format in new[] { ChecklistFormat.Text, ChecklistFormat.Html })
        {
            // No report: the rules quote the bad address in their findings, and the point here is the sheet's own table.
            var output = ChecklistRenderer.Render(TestPackets.Check(packet, "engage-digital") with { Report = new ValidationReport("inline", "engage-digital", []) }, new() { Format = format, Audience = ChecklistAudience.ProjectManager }).Text;
            Assert.DoesNotContain("javascript:", output, StringComparison.Ordinal);
            Assert.DoesNotContain("data:text", output, StringComparison.Ordinal);
            Assert.Contains("https://ok.example", output, StringComparison.Ordinal);
        }
    }

    private static string RenderHtml(WaOnboard.Packets.PacketDocument packet, string value)
    {
        var report = new ValidationReport(packet.Source, "engage-digital",
        [
            // Help is prefixed so that an empty value does not drop the help line and change the page's shape.
            new Finding("r1", Severity.Error, "business.verifiedName", value, "Help " + value),
            new Finding("r2", Severity.Warning, "phone.number", value, null),
            new Finding("r3", Severity.Error, "", value, "Help " + value),
            new Finding("r4", Severity.Warning, "extra.field", value, "Help " + value),
        ]);
        // A report made by hand: its messages carry the hostile value, which no rule would echo so completely.
        var checkedPacket = TestPackets.Check(packet, "engage-digital") with { Report = report };
        return ChecklistRenderer.Render(checkedPacket, new() { Format = ChecklistFormat.Html }).Text;
    }

    private static Dictionary<string, IReadOnlyList<string>> Shape(string name) =>
        new[] { "button", "floating-button", "contact-page", "email-signature" }.ToDictionary(
            kind => kind,
            kind => Html.ElementNames(Html.ParseSnippet(SnippetRenderer.Render(kind, new SnippetRequest("+33 1 42 00 00 00", name) { BusinessName = name }))));
}
