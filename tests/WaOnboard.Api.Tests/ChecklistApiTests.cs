extern alias cli;
using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using cli::WaOnboard.Cli;
using WaOnboard.Registry;

namespace WaOnboard.Api.Tests;

public sealed class ChecklistApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string ManyMistakes = Repo.PathOf("examples/many-mistakes");

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheChecklistOfManyMistakesHasEveryFindingMessageOfTheValidateReport()
    {
        var report = await (await _client.PostAsync("/v1/validate", Http.Form(ManyMistakes))).ReadJsonAsync();

        // The project manager's sheet quotes the findings as the report words them (the customer's e-mail leaves the paths out).
        var response = await _client.PostAsync("/v1/checklist?audience=pm", Http.Form(ManyMistakes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checklist = await response.Content.ReadAsStringAsync();
        var messages = report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() != "info")
            .Select(f => f.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("15 or 16 digits", StringComparison.Ordinal));
        Assert.All(messages, message => Assert.Contains(message, checklist, StringComparison.Ordinal));
        Assert.Contains("[to fix] Business ID", checklist, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "customer", "en")]
    [InlineData("html", "pm", "fr")]
    public async Task TheChecklistIsByteForByteTheOneOfTheChecklistCommand(string format, string audience, string lang)
    {
        using var output = new MemoryStream();
        var file = Path.Combine(Path.GetTempPath(), $"wa-onboard-checklist-{Guid.NewGuid():N}.{format}");
        try
        {
            var exit = CliApp.Run(["checklist", ManyMistakes, "--format", format, "--audience", audience, "--lang", lang, "--out", file],
                new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });
            Assert.Equal(0, exit);

            var response = await _client.PostAsync($"/v1/checklist?format={format}&audience={audience}&lang={lang}", Http.Form(ManyMistakes));

            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheChecklistIsCheckedAgainstTheRegistryAsValidateIs()
    {
        await factory.Registry.RecordAsync(new OnboardedNumber("+33698765432", "104857600000099", "Other Bank", DateTimeOffset.UtcNow));
        var packet = Packets.EngageDigital(number: "+33 6 98 76 54 32");
        var report = await (await _client.PostAsync("/v1/validate", Http.WithAvatar(packet))).ReadJsonAsync();
        var taken = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "phone-number-not-onboarded");

        var checklist = await (await _client.PostAsync("/v1/checklist", Http.WithAvatar(packet))).Content.ReadAsStringAsync();

        Assert.Contains(taken.GetProperty("message").GetString()!, checklist, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "text/plain")]
    [InlineData("html", "text/html")]
    [InlineData("eml", "message/rfc822")]
    public async Task TheFormatQueryChoosesTheMediaType(string format, string mediaType)
    {
        var response = await _client.PostAsync($"/v1/checklist?format={format}", Http.WithAvatar(Packets.EngageDigital()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, "text/plain")]
    [InlineData("text/html", "text/html")]
    [InlineData("message/rfc822", "message/rfc822")]
    [InlineData("*/*", "text/plain")]
    [InlineData("text/*", "text/plain")]
    [InlineData("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "text/html")]
    [InlineData("text/html;q=0.5, text/plain", "text/plain")]
    [InlineData("application/json, message/rfc822;q=0.2", "message/rfc822")]
    [InlineData("text/*, text/plain;q=0", "text/html")]
    public async Task WithoutAFormatQueryTheAcceptHeaderChoosesTheMediaType(string? accept, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/checklist") { Content = Http.WithAvatar(Packets.EngageDigital()) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task TheFormatQueryWinsOverTheAcceptHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/checklist?format=html") { Content = Http.WithAvatar(Packets.EngageDigital()) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("image/png, application/pdf")]
    [InlineData("text/*;q=0, message/rfc822;q=0, */*")]
    public async Task AnAcceptHeaderThatAllowsNoChecklistFormatIsA406(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/checklist") { Content = Http.WithAvatar(Packets.EngageDigital()) };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(406, "not-acceptable");
        Assert.Contains("?format=", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task TheHtmlChecklistEncodesTheBusinessNameAndForbidsScripts()
    {
        var packet = Packets.EngageDigital(verifiedName: "<script>alert(1)</script>");

        var response = await _client.PostAsync("/v1/checklist?format=html", Http.WithAvatar(packet));

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(DocumentResult.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("default-src 'none'", DocumentResult.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLangAndAudienceQueriesWriteTheFrenchProjectManagerSheet()
    {
        var response = await _client.PostAsync("/v1/checklist?format=eml&lang=fr&audience=pm", Http.WithAvatar(Packets.EngageDigital()));

        var mail = await response.Content.ReadAsStringAsync();
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\r\nSubject: Fiche de configuration WhatsApp : Acme Bank\r\n", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProfileQueryListsTheElementsOfThatProfile()
    {
        var engage = await (await _client.PostAsync("/v1/checklist", Http.WithAvatar(Packets.EngageDigital()))).Content.ReadAsStringAsync();
        var eightByEight = await (await _client.PostAsync("/v1/checklist?profile=8x8", Http.WithAvatar(Packets.EngageDigital()))).Content.ReadAsStringAsync();

        Assert.Contains("Engage Digital", engage, StringComparison.Ordinal);
        Assert.DoesNotContain("Engage Digital", eightByEight, StringComparison.Ordinal);
        Assert.Contains("8x8", eightByEight, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format=pdf", "format")]
    [InlineData("lang=de", "lang")]
    [InlineData("audience=boss", "audience")]
    [InlineData("profile=whatsapp", "profile")]
    public async Task AnUnknownQueryValueIsA400NamingItsField(string query, string field)
    {
        var response = await _client.PostAsync("/v1/checklist?" + query, Http.WithAvatar(Packets.EngageDigital()));

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.GetRawText());
        Assert.Contains(query[(field.Length + 1)..], messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotAPacketIsA400AsForValidate()
    {
        var response = await _client.PostAsync("/v1/checklist", Http.Json("{\n  \"provider\": \"8x8\",\n"));

        var problem = await response.AssertProblemAsync(400, "packet-syntax");
        Assert.Equal("packet-syntax", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task AnotherContentTypeIsA415()
    {
        var response = await _client.PostAsync("/v1/checklist", new StringContent("provider: 8x8", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task APacketOverOneMebibyteIsA413()
    {
        var packet = Packets.EngageDigital().TrimEnd().TrimEnd('}') + ", \"padding\": \"" + new string('x', ApiLimits.PacketBytes) + "\" }";

        var response = await _client.PostAsync("/v1/checklist", Http.Json(packet));

        await response.AssertProblemAsync(413, "payload-too-large");
    }

    [Fact]
    public async Task ABusinessNameWithALineBreakIsAFindingAndNeverAnInjectedHeader()
    {
        var packet = Packets.EngageDigital(verifiedName: "Acme Bank\\r\\nBcc: everyone@example.com");

        var response = await _client.PostAsync("/v1/checklist?format=eml", Http.WithAvatar(packet));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await response.Content.ReadAsStringAsync();
        var headers = mail[..mail.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\nBcc:", headers, StringComparison.Ordinal);
    }
}
