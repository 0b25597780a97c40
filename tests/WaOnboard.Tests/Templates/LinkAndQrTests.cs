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
        var png = QrCodes.Png("https://wa.me/33142000000", pixelsPerModule: 1);
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
    public void IvrPromptsComeInThePacketsLanguagesAndAlwaysEnglishAndFrench()
    {
        var ivr = SnippetRenderer.Render("ivr", new SnippetRequest("+33 1 42 00 00 00") { Languages = ["de", "fr"] });
        Assert.Contains("[fr]", ivr, StringComparison.Ordinal);
        Assert.Contains("[en]", ivr, StringComparison.Ordinal);
        Assert.Contains("press 5", ivr, StringComparison.Ordinal);
        Assert.Contains("tapez 5", ivr, StringComparison.Ordinal);
        Assert.True(ivr.IndexOf("[fr]", StringComparison.Ordinal) < ivr.IndexOf("[en]", StringComparison.Ordinal));
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
