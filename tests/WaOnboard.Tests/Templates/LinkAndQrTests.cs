using WaOnboard.Snippets;

namespace WaOnboard.Tests.Templates;

public class LinkAndQrTests
{
    [Theory]
    [InlineData("Hello, World!", "Hello%2C%20World!")]
    [InlineData("a&b=c?d#e/f", "a%26b%3Dc%3Fd%23e%2Ff")]
    [InlineData("-_.!~*'()", "-_.!~*'()")]
    [InlineData("é😀", "%C3%A9%F0%9F%98%80")]
    [InlineData("+ \n", "%2B%20%0A")]
    public void PrefilledTextIsPercentEncodedLikeEncodeUriComponent(string text, string expected) =>
        Assert.Equal(expected, WaLinks.EncodeUriComponent(text));

    [Fact]
    public void ALoneSurrogateIsEncodedAsTheReplacementCharacter() =>
        Assert.Equal("a%EF%BF%BDb", WaLinks.EncodeUriComponent("a\uD800b"));

    [Fact]
    public void WaMeLinkHoldsOnlyCountryCodeAndNumberDigits() =>
        Assert.Equal("https://wa.me/33142000000?text=Bonjour%20!", SnippetRenderer.Link("+33 1 42 00 00 00", "Bonjour !"));

    [Fact]
    public void WaMeLinkWithoutTextHasNoQuery() =>
        Assert.Equal("https://wa.me/14155550100", SnippetRenderer.Link("+1 (415) 555-0100"));

    [Theory]
    [InlineData("12345")]
    [InlineData("01 42 00 00 00")]
    [InlineData("call me")]
    public void ANumberThatIsNotValidIsRefusedWithTheNumberInTheMessage(string phone)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => SnippetRenderer.Render("button", phone));
        Assert.Contains(phone, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("33142000000x")]
    [InlineData("033142000000")]
    [InlineData("")]
    public void WaMeRefusesAnythingButInternationalDigits(string digits) =>
        Assert.Throws<ArgumentException>(() => WaLinks.WaMe(digits));

    [Fact]
    public void UnknownSnippetKindIsRefusedNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => SnippetRenderer.Render("banner", "+33 1 42 00 00 00"));
        Assert.Contains("floating-button", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QrPngIsAPngWithAQuietZone()
    {
        var png = QrCodes.Png("https://wa.me/33142000000", size: 1);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        // Width in the IHDR chunk: version 3 (29 modules) + 2 x 4 quiet-zone modules.
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(29 + 8, width);
    }

    [Fact]
    public void QrSvgIsAnSvgDocumentOfTheLink()
    {
        var svg = SnippetRenderer.Render("qr", "+33 1 42 00 00 00");
        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
    }

    [Fact]
    public void QrCodesAreOnlyMadeOfWaMeLinks() =>
        Assert.Throws<ArgumentException>(() => QrCodes.Svg("javascript:alert(1)"));

    [Fact]
    public void IvrPromptsComeInThePacketsTemplateLanguagesOnly()
    {
        var ivr = SnippetRenderer.Render("ivr", new SnippetRequest("+33 1 42 00 00 00") { Languages = ["de", "es-ES"] });
        Assert.Contains("[de]", ivr, StringComparison.Ordinal);
        Assert.Contains("drücken Sie die 5", ivr, StringComparison.Ordinal);
        Assert.Contains("[es]", ivr, StringComparison.Ordinal);
        Assert.DoesNotContain("[en]", ivr, StringComparison.Ordinal);
        Assert.DoesNotContain("[fr]", ivr, StringComparison.Ordinal);
        Assert.True(ivr.IndexOf("[de]", StringComparison.Ordinal) < ivr.IndexOf("[es]", StringComparison.Ordinal));
    }

    [Fact]
    public void IvrPromptInALanguageWithoutWordsSaysSoInsteadOfSpeakingAnother()
    {
        var ivr = SnippetRenderer.Render("ivr", new SnippetRequest("+33 1 42 00 00 00") { Languages = ["ja"] });
        Assert.Contains("[ja]", ivr, StringComparison.Ordinal);
        Assert.Contains("No prompt in this language yet", ivr, StringComparison.Ordinal);
        Assert.DoesNotContain("Prompt:", ivr, StringComparison.Ordinal);
    }

    [Fact]
    public void IvrKeyAndLanguageComeFromTheRequest()
    {
        var ivr = SnippetRenderer.Render("ivr", new SnippetRequest("+33 1 42 00 00 00") { Language = "fr", Key = "9" });
        Assert.Contains("[fr]", ivr, StringComparison.Ordinal);
        Assert.Contains("tapez 9", ivr, StringComparison.Ordinal);
        Assert.False(SnippetRenderer.IsIvrKey("10"));
        Assert.True(SnippetRenderer.IsIvrKey("#"));
    }

    [Theory]
    [InlineData("en", "Chat on WhatsApp", "Brand resources")]
    [InlineData("fr", "Discuter sur WhatsApp", "Ressources de la marque")]
    public void EverySnippetSpeaksTheLanguageAskedForAndCarriesTheBrandRules(string language, string words, string brand)
    {
        foreach (var kind in SnippetRenderer.Kinds.Where(k => k.Name != "wa-link"))
        {
            var snippet = SnippetRenderer.Render(kind.Name, new SnippetRequest("+33 1 42 00 00 00") { Language = language });
            Assert.Contains(brand, snippet, StringComparison.Ordinal);
            Assert.Contains("https://www.whatsappbrand.com/", snippet, StringComparison.Ordinal);
            if (kind.MediaType == "text/html")
            {
                Assert.Contains(words, snippet, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AppLinkWithoutTextIsNotABareDeepLink()
    {
        var app = SnippetRenderer.Render("app-link", "+33 1 42 00 00 00");
        Assert.DoesNotMatch(@"(?m)^whatsapp://send\s*$", app);
        Assert.Contains("https://wa.me/33142000000", app, StringComparison.Ordinal);
    }

    [Fact]
    public void GoogleBusinessProfileSnippetGivesTheUrlWhatsAppAttribute()
    {
        var google = SnippetRenderer.Render("google-business", "+33 1 42 00 00 00");
        Assert.Contains("attributeMask=attributes/url_whatsapp", google, StringComparison.Ordinal);
        var json = google.Split('\n').Single(l => l.StartsWith('{'));
        using var body = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("https://wa.me/33142000000", body.RootElement.GetProperty("attributes")[0].GetProperty("uriValues")[0].GetProperty("uri").GetString());
    }

    [Fact]
    public void QrSvgHasATitleAndACaptionWhenAskedAndItsSizeIsPrintReady()
    {
        var svg = System.Xml.Linq.XDocument.Parse(SnippetRenderer.Render("qr", new SnippetRequest("+33 1 42 00 00 00") { QrCaption = true }));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("QR code: chat on WhatsApp with +33 1 42 00 00 00", svg.Root!.Element(ns + "title")!.Value);
        Assert.Equal(["Scan to chat on WhatsApp", "+33 1 42 00 00 00"], svg.Root.Elements(ns + "text").Select(t => t.Value));
        // 37 modules (version 3 and the quiet zone) at 32 px each: the nearest to 1,200 px.
        Assert.Equal("1184", svg.Root.Attribute("width")!.Value);
        var plain = System.Xml.Linq.XDocument.Parse(SnippetRenderer.Render("qr", "+33 1 42 00 00 00"));
        Assert.Empty(plain.Root!.Elements(ns + "text"));
    }

    [Theory]
    [InlineData(100, 111)]
    [InlineData(1200, 1184)]
    [InlineData(4000, 3996)]
    public void QrPngIsTheWholeModuleWidthNearestTheSizeAskedFor(int size, int expected)
    {
        var png = QrCodes.Png("https://wa.me/33142000000", size);
        Assert.Equal(expected, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
    }

    [Fact]
    public void AppLinkGivesTheDeepLinkAndTheIosQuerySchemeNote()
    {
        var app = SnippetRenderer.Render("app-link", "+33 1 42 00 00 00", "Hi there");
        Assert.Contains("whatsapp://send?text=Hi%20there", app, StringComparison.Ordinal);
        Assert.Contains("LSApplicationQueriesSchemes", app, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", app, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySnippetKindOtherThanQrCarriesTheWaMeLink()
    {
        foreach (var kind in SnippetRenderer.Kinds.Where(k => k.Name != "qr"))
        {
            Assert.Contains("https://wa.me/33142000000", SnippetRenderer.Render(kind.Name, "+33 1 42 00 00 00"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ACachedSnippetIsTheSameAsAFreshRenderAndTheLanguagesListIsPartOfTheKey()
    {
        var languages = new List<string> { "fr" };
        var request = new SnippetRequest("+33 1 42 00 00 00", "cache") { Languages = languages };
        var first = SnippetRenderer.Render("ivr", request);
        Assert.Equal(SnippetRenderer.RenderUncached("ivr", request), first);
        languages[0] = "en";
        // Same request object, other languages: the cache must not serve the French-first prompts.
        Assert.Equal(SnippetRenderer.RenderUncached("ivr", request), SnippetRenderer.Render("ivr", request));
        Assert.NotEqual(first, SnippetRenderer.Render("ivr", request));
    }
}
