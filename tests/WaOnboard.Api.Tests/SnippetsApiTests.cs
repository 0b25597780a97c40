extern alias cli;
using System.CommandLine;
using System.Net;
using System.Text;
using System.Xml.Linq;
using cli::WaOnboard.Cli;
using WaOnboard.Snippets;

namespace WaOnboard.Api.Tests;

public sealed class SnippetsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Phone = "+33 1 42 00 00 00";
    private const string Hostile = "<script>alert(1)</script>";

    private static readonly string Query = "?phone=" + Uri.EscapeDataString(Phone) + "&text=" + Uri.EscapeDataString("Hello, I have a question");

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Kinds() => [.. SnippetKinds.All.Select(k => k.Name)];

    public static TheoryData<string> HtmlKinds() => [.. SnippetKinds.All.Where(k => k.MediaType == "text/html").Select(k => k.Name)];

    [Fact]
    public async Task TheListHasEveryKindWithItsEntryPointDescriptionAndMediaType()
    {
        var kinds = await (await _client.GetAsync("/v1/snippets")).ReadJsonAsync();

        Assert.Equal(SnippetKinds.All.Select(k => k.Name), kinds.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        var button = kinds.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "button");
        Assert.Equal("website", button.GetProperty("entryPoint").GetString());
        Assert.Equal("text/html", button.GetProperty("mediaType").GetString());
        Assert.False(string.IsNullOrEmpty(button.GetProperty("description").GetString()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ASnippetComesInTheMediaTypeOfItsKind(string kind)
    {
        var response = await _client.GetAsync($"/v1/snippets/{kind}{Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SnippetKinds.Find(kind)!.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ASnippetForANumberIsByteForByteTheOneOfTheSnippetCommand(string kind)
    {
        var fromCli = RunCli(["snippet", kind, "--phone", Phone, "--text", "Hello, I have a question"]);

        var fromApi = await _client.GetByteArrayAsync($"/v1/snippets/{kind}{Query}");

        Assert.Equal(fromCli, fromApi);
    }

    [Theory]
    [InlineData("ivr")]
    [InlineData("contact-page")]
    [InlineData("wa-link")]
    public async Task ASnippetForAPacketIsByteForByteTheOneOfTheSnippetCommand(string kind)
    {
        var folder = Repo.PathOf("examples/engage-digital");
        var fromCli = RunCli(["snippet", kind, "--packet", folder, "--text", "Bonjour"]);

        var response = await _client.PostAsync($"/v1/snippets/{kind}?text=Bonjour", Http.Form(folder));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fromCli, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(HtmlKinds))]
    public async Task HostilePreFilledTextComesOutEncodedInTheHtmlSnippet(string kind)
    {
        var response = await _client.GetAsync($"/v1/snippets/{kind}?phone={Uri.EscapeDataString(Phone)}&text={Uri.EscapeDataString(Hostile)}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("text=%3Cscript%3Ealert(1)%3C%2Fscript%3E", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostileBusinessNameFromAPacketComesOutEncodedInTheHtmlSnippet()
    {
        var packet = Packets.EngageDigital(verifiedName: Hostile);

        var response = await _client.PostAsync("/v1/snippets/button", Http.Json(packet));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("button")]
    [InlineData("qr")]
    public async Task HtmlAndSvgSnippetsForbidScriptsWithAContentSecurityPolicy(string kind)
    {
        var response = await _client.GetAsync($"/v1/snippets/{kind}{Query}");

        // HTML snippets may be framed by this server's own page (its previews), never by another origin.
        var expected = kind == "qr" ? DocumentResult.ContentSecurityPolicy
            : DocumentResult.ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task AnUnknownKindIsA404ProblemListingTheKinds()
    {
        var response = await _client.GetAsync($"/v1/snippets/banner{Query}");

        var problem = await response.AssertProblemAsync(404, "not-found");
        Assert.Contains("email-signature", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownKindFromAPacketIsA404ProblemToo()
    {
        var response = await _client.PostAsync("/v1/snippets/banner", Http.Json(Packets.EngageDigital()));

        await response.AssertProblemAsync(404, "not-found");
    }

    [Theory]
    [InlineData("/v1/snippets/button?text=Hi", "Give the business number")]
    [InlineData("/v1/snippets/button?phone=%20", "Give the business number")]
    [InlineData("/v1/snippets/wa-link?phone=12", "too few digits")]
    [InlineData("/v1/snippets/wa-link?phone=0142000000", "country code")]
    [InlineData("/v1/qr?phone=12", "too few digits")]
    [InlineData("/v1/qr", "Give the business number")]
    public async Task AMissingOrInvalidNumberIsA400NamingThePhoneField(string url, string message)
    {
        var response = await _client.GetAsync(url);

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("phone")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/snippets/wa-link")]
    [InlineData("/v1/qr")]
    public async Task ANumberOverSixtyFourCharactersIsRefusedBeforeItIsParsed(string path)
    {
        var number = "+33 " + new string('1', ApiLimits.PhoneNumberChars - 3);

        var response = await _client.GetAsync($"{path}?phone={Uri.EscapeDataString(number)}");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Equal($"A phone number has at most 64 characters; this one has {number.Length}.", problem.GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    [Fact]
    public async Task APreFilledTextOfTwoThousandCharactersIsALink()
    {
        var response = await _client.GetAsync($"/v1/snippets/wa-link?phone=%2B33142000000&text={new string('a', ApiLimits.SnippetTextChars)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(new string('a', ApiLimits.SnippetTextChars), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/snippets/wa-link?phone=%2B33142000000&text=")]
    [InlineData("GET", "/v1/qr?phone=%2B33142000000&text=")]
    [InlineData("POST", "/v1/snippets/wa-link?text=")]
    public async Task APreFilledTextOverTwoThousandCharactersIsA400NamingTheTextField(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url + new string('a', ApiLimits.SnippetTextChars + 1));
        if (method == "POST")
        {
            request.Content = Http.Json(Packets.EngageDigital());
        }

        var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains("at most 2000 characters", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATextThatFitsTheLimitButNotAQrCodeIsA400NamingTheTextField()
    {
        var response = await _client.GetAsync($"/v1/snippets/qr?phone=%2B33142000000&text={new string('a', 1900)}");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains("QR code", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APacketWithoutAPhoneNumberIsA422()
    {
        var packet = Packets.EngageDigital().Replace("\"number\": \"+33 6 12 34 56 78\", ", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\"number\"", packet, StringComparison.Ordinal);

        var response = await _client.PostAsync("/v1/snippets/button", Http.Json(packet));

        var problem = await response.AssertProblemAsync(422, "packet-not-valid");
        Assert.Contains("phone.number", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APacketWhoseNumberCannotBeInALinkIsA422()
    {
        var response = await _client.PostAsync("/v1/snippets/wa-link", Http.Json(Packets.EngageDigital(number: "06 12 34 56 78")));

        var problem = await response.AssertProblemAsync(422, "packet-not-valid");
        Assert.Contains("country code", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotAPacketIsA400AndAnotherContentTypeA415()
    {
        var syntax = await _client.PostAsync("/v1/snippets/button", Http.Yaml("- just\n- a list\n"));
        var mediaType = await _client.PostAsync("/v1/snippets/button", new StringContent("+33142000000", Encoding.UTF8, "text/plain"));

        await syntax.AssertProblemAsync(400, "packet-syntax");
        await mediaType.AssertProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task APacketOverOneMebibyteIsA413()
    {
        var response = await _client.PostAsync("/v1/snippets/button", Http.Yaml("padding: " + new string('x', ApiLimits.PacketBytes)));

        await response.AssertProblemAsync(413, "payload-too-large");
    }

    [Fact]
    public async Task ThePngQrCodeStartsWithThePngSignature()
    {
        var response = await _client.GetAsync("/v1/qr?phone=%2B33142000000&text=Hello&format=png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(QrCodes.Png(WaLinks.WaMe("33142000000", "Hello")), png);
    }

    [Theory]
    [InlineData("&format=svg")]
    [InlineData("")]
    public async Task TheSvgQrCodeIsAnXmlSvgDocument(string format)
    {
        var response = await _client.GetAsync("/v1/qr?phone=%2B33142000000&text=Hello" + format);

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DocumentResult.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
    }

    [Fact]
    public async Task TheQrSnippetIsTheSvgOfTheQrEndpoint()
    {
        var snippet = await _client.GetByteArrayAsync("/v1/snippets/qr?phone=%2B33142000000&text=Hello");
        var qr = await _client.GetByteArrayAsync("/v1/qr?phone=%2B33142000000&text=Hello&format=svg");

        Assert.Equal(qr, snippet);
    }

    [Fact]
    public async Task AnUnknownQrFormatIsA400NamingTheFormatField()
    {
        var response = await _client.GetAsync("/v1/qr?phone=%2B33142000000&format=gif");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains("gif", problem.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ivr", "fr", "9", null, null)]
    [InlineData("button", "fr", null, null, null)]
    [InlineData("app-link", "fr", null, null, null)]
    [InlineData("google-business", "fr", null, null, null)]
    [InlineData("qr", "fr", null, 400, true)]
    public async Task SnippetOptionsGiveByteForByteTheSnippetOfTheCommandsOptions(string kind, string lang, string? key, int? size, bool? caption)
    {
        var args = new List<string> { "snippet", kind, "--phone", Phone, "--lang", lang };
        var query = Query + "&lang=" + lang;
        if (key is not null)
        {
            args.AddRange(["--key", key]);
            query += "&key=" + key;
        }
        if (size is not null)
        {
            args.AddRange(["--size", size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            query += "&size=" + size;
        }
        if (caption == true)
        {
            args.Add("--caption");
            query += "&caption=true";
        }

        var fromApi = await _client.GetByteArrayAsync($"/v1/snippets/{kind}{query}");

        Assert.Equal(RunCli([.. args, "--text", "Hello, I have a question"]), fromApi);
    }

    [Fact]
    public async Task TheIvrPromptOfAPacketIsInItsTemplateLanguagesWithTheKeyAskedFor()
    {
        var response = await _client.PostAsync("/v1/snippets/ivr?key=%23", Http.Form(Repo.PathOf("examples/engage-digital")));

        var ivr = await response.Content.ReadAsStringAsync();
        Assert.Contains("[en]", ivr, StringComparison.Ordinal);
        Assert.Contains("press #", ivr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lang=de", "lang")]
    [InlineData("key=55", "key")]
    [InlineData("size=99", "size")]
    [InlineData("size=4001", "size")]
    public async Task SnippetOptionsOutOfRangeAreA400NamingTheField(string option, string field)
    {
        var response = await _client.GetAsync($"/v1/snippets/qr{Query}&{option}");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task TheQrPngIsPrintSizedByDefaultAndTheCaptionIsRefusedForPng()
    {
        var png = await _client.GetByteArrayAsync("/v1/qr?phone=%2B33142000000&format=png");
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.InRange(width, 1100, 1300);

        var refused = await _client.GetAsync("/v1/qr?phone=%2B33142000000&format=png&caption=true");
        await refused.AssertProblemAsync(400, "invalid-request");
    }

    private static byte[] RunCli(string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wa-onboard-snippet-{Guid.NewGuid():N}.out");
        try
        {
            var error = new StringWriter();
            var exit = CliApp.Run([.. args, "--out", file], new InvocationConfiguration { Output = new StringWriter(), Error = error });
            Assert.True(exit == 0, error.ToString());
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
