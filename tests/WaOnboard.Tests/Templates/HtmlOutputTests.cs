using System.Text;
using WaOnboard.Snippets;

namespace WaOnboard.Tests.Templates;

/// <summary>Every HTML snippet and e-mail parses without a single parse error.</summary>
public class HtmlOutputTests
{
    public static TheoryData<string> HtmlCases()
    {
        var cases = new TheoryData<string>();
        foreach (var name in GoldenFileTests.Names())
        {
            if (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".eml", StringComparison.Ordinal)
                || SnippetKinds.Find(name.Split('.').Last())?.MediaType == "text/html")
            {
                cases.Add(name);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(HtmlCases))]
    public void HtmlOutputParsesWithoutErrors(string name)
    {
        var rendered = GoldenFileTests.Render(name);
        if (name.StartsWith("snippet", StringComparison.Ordinal))
        {
            var document = Html.ParseSnippet(rendered);
            Assert.NotEmpty(document.QuerySelectorAll("a[href^='https://wa.me/']"));
        }
        else
        {
            var html = name.EndsWith(".eml", StringComparison.Ordinal) ? MailParts.Decode(rendered).Html : rendered;
            var document = Html.ParseDocument(html);
            Assert.False(string.IsNullOrWhiteSpace(document.Title));
        }
    }

    [Fact]
    public void EveryClickToChatLinkOpensSafelyInANewTab()
    {
        foreach (var kind in new[] { "button", "floating-button", "contact-page", "email-signature" })
        {
            var document = Html.ParseSnippet(SnippetRenderer.Render(kind, "+33 1 42 00 00 00", "Hi"));
            var link = Assert.Single(document.QuerySelectorAll("a[href^='https:']"));
            Assert.Equal("_blank", link.GetAttribute("target"));
            Assert.Contains("noopener", link.GetAttribute("rel") ?? "", StringComparison.Ordinal);
            Assert.StartsWith("Chat on WhatsApp", link.GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.Equal("https://wa.me/33142000000?text=Hi", link.GetAttribute("href"));
            // Any other link dials the same number.
            Assert.All(document.QuerySelectorAll("a:not([href^='https:'])"), other => Assert.Equal("tel:+33142000000", other.GetAttribute("href")));
            Assert.Empty(document.QuerySelectorAll("script"));
        }
    }

    [Fact]
    public void ContactPageAndSignatureShowTheNumberAsATelLink()
    {
        foreach (var kind in new[] { "contact-page", "email-signature" })
        {
            var document = Html.ParseSnippet(SnippetRenderer.Render(kind, "+33 1 42 00 00 00"));
            var tel = Assert.Single(document.QuerySelectorAll("a[href^='tel:']"));
            Assert.Equal("tel:+33142000000", tel.GetAttribute("href"));
            // No-break spaces: a number never wraps in the middle.
            Assert.Equal("+33\u00A01\u00A042\u00A000\u00A000\u00A000", tel.TextContent);
        }
    }

    [Fact]
    public void SignatureButtonIsABulletproofTableCell()
    {
        var document = Html.ParseSnippet(SnippetRenderer.Render("email-signature", "+33 1 42 00 00 00"));
        var link = document.QuerySelector("a[href^='https://wa.me/']")!;
        // Outlook drops padding and background on a link: the cell carries them, the link only its colour.
        var cell = link.ParentElement!;
        Assert.Equal("TD", cell.TagName);
        Assert.Contains("background-color:#25D366", cell.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("padding:8px 16px", cell.GetAttribute("style"), StringComparison.Ordinal);
        Assert.DoesNotContain("padding", link.GetAttribute("style"), StringComparison.Ordinal);
        Assert.DoesNotContain("background", link.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("button", ".wa-chat-button:focus-visible{")]
    [InlineData("floating-button", ".wa-float:focus-visible{")]
    public void FocusRingHasTwoTonesSoItShowsOnLightAndDarkPages(string kind, string selector)
    {
        var css = SnippetRenderer.Render(kind, "+33 1 42 00 00 00");
        var rule = css[css.IndexOf(selector, StringComparison.Ordinal)..];
        rule = rule[..rule.IndexOf('}', StringComparison.Ordinal)];
        // A dark ring inside a white one (box-shadow wider than the outline and its offset): one of the two is 3:1 or
        // more against any page colour, dark or light (the former single #075E54 ring was 2.4:1 on #0B141A).
        var inner = Colour(rule, "outline:3px solid #");
        var outer = Colour(rule, "box-shadow:0 0 0 8px #");
        foreach (var page in new[] { "FFFFFF", "F6F8FA", "777777", "1F1F1F", "121212", "0B141A", "000000" })
        {
            var best = Math.Max(Contrast(inner, page), Contrast(outer, page));
            Assert.True(best >= 3, $"{kind}: focus ring {best:F2}:1 on a #{page} page");
        }
        Assert.True(Contrast("075E54", "0B141A") < 3);
    }

    [Fact]
    public void FloatingButtonKeepsClearOfThePhonesSafeAreas()
    {
        var css = SnippetRenderer.Render("floating-button", "+33 1 42 00 00 00");
        Assert.Contains("bottom:calc(1rem + env(safe-area-inset-bottom, 0px))", css, StringComparison.Ordinal);
        Assert.Contains("right:calc(1rem + env(safe-area-inset-right, 0px))", css, StringComparison.Ordinal);
    }

    [Fact]
    public void ButtonColoursMeetWcagAaContrastAndFocusIsVisible()
    {
        var css = SnippetRenderer.Render("button", "+33 1 42 00 00 00");
        var rule = css[css.IndexOf(".wa-chat-button{", StringComparison.Ordinal)..];
        var background = Colour(rule, "background:#");
        var text = Colour(rule, "color:#");
        Assert.True(Contrast(background, text) >= 4.5, $"contrast {Contrast(background, text):F2} of #{text} on #{background}");
        Assert.Contains(":focus-visible{outline:3px solid", css, StringComparison.Ordinal);
        // The reason the text is dark: white on the brand green fails AA.
        Assert.True(Contrast("25D366", "FFFFFF") < 4.5);
    }

    private static string Colour(string css, string property)
    {
        var at = css.IndexOf(property, StringComparison.Ordinal) + property.Length;
        return css.Substring(at, 6);
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = Convert.ToInt32(hex.Substring(offset, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}

/// <summary>Splits an eml written by MailMessage into its headers and decoded parts.</summary>
internal sealed record MailParts(IReadOnlyDictionary<string, string> Headers, string Text, string Html)
{
    public static MailParts Decode(string eml)
    {
        var headerEnd = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in eml[..headerEnd].Split("\r\n"))
        {
            if (line.StartsWith(' ') && last is not null)
            {
                headers[last] += "\r\n" + line;
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            last = line[..colon];
            headers[last] = line[(colon + 2)..];
        }
        var boundary = headers["Content-Type"].Split("boundary=\"")[1].TrimEnd('"');
        var parts = eml.Split("--" + boundary).Skip(1).Take(2).Select(part =>
        {
            var body = part[(part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "", StringComparison.Ordinal);
            return Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }).ToArray();
        return new MailParts(headers, parts[0], parts[1]);
    }
}
