using System.Net;
using System.Text;

namespace WaOnboard.Api.Tests;

public sealed class ValidateApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AValidPacketWithItsAvatarGetsAValidReportLabelledRequest()
    {
        var response = await _client.PostAsync("/v1/validate", Http.WithAvatar(Packets.EngageDigital()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = await response.ReadJsonAsync();
        Assert.Equal("request", report.GetProperty("packet").GetString());
        Assert.Equal("engage-digital", report.GetProperty("profile").GetString());
        Assert.True(report.GetProperty("valid").GetBoolean());
        Assert.Equal(0, report.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task AJsonPacketWithoutItsAvatarIsCheckedAndTheMissingFileIsAFinding()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json(Packets.EngageDigital()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("request", report.GetProperty("packet").GetString());
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("profile.avatar", finding.GetProperty("path").GetString());
        Assert.Contains("not sent", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APacketWithErrorsIsASuccessfulCheckThatSaysNotValid()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json(Packets.EngageDigital(businessId: "12345")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.False(report.GetProperty("valid").GetBoolean());
        var finding = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "business-id-format");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("business.facebookBusinessId", finding.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("application/yaml")]
    [InlineData("text/yaml")]
    public async Task AYamlPacketIsReadAsYaml(string mediaType)
    {
        var yaml = await File.ReadAllTextAsync(Repo.PathOf("examples/engage-digital/packet.yaml"));

        var response = await _client.PostAsync("/v1/validate", new StringContent(yaml, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("engage-digital", report.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task TheProfileQueryOverridesThePacketsProvider()
    {
        var response = await _client.PostAsync("/v1/validate?profile=8x8", Http.Json(Packets.EngageDigital()));

        var report = await response.ReadJsonAsync();
        Assert.Equal("8x8", report.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task AnUnknownProfileIsA400NamingTheProfileField()
    {
        var response = await _client.PostAsync("/v1/validate?profile=whatsapp", Http.Json(Packets.EngageDigital()));

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains("whatsapp", problem.GetProperty("errors").GetProperty("profile")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJsonSyntaxErrorIsA400WithTheLineOfTheError()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json("{\n  \"provider\": \"8x8\",\n  \"business\": {\n}"));

        var problem = await response.AssertProblemAsync(400, "packet-syntax");
        Assert.Equal("packet-syntax", problem.GetProperty("ruleId").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Contains("line 4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYamlBodyThatIsNotAMappingIsA400()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Yaml("- just\n- a list\n"));

        var problem = await response.AssertProblemAsync(400, "packet-syntax");
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task AJsonBodyThatIsNotAnObjectIsA400()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json("[1, 2]"));

        await response.AssertProblemAsync(400, "packet-syntax");
    }

    [Fact]
    public async Task AnEmptyBodyIsA400()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json(""));

        await response.AssertProblemAsync(400, "packet-syntax");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AnotherContentTypeIsA415(string mediaType)
    {
        var response = await _client.PostAsync("/v1/validate", new StringContent("provider: 8x8", Encoding.UTF8, mediaType));

        await response.AssertProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task ABodyWithoutAContentTypeIsA415()
    {
        var content = new ByteArrayContent("{}"u8.ToArray());

        var response = await _client.PostAsync("/v1/validate", content);

        await response.AssertProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task AFormWithoutAPacketPartIsA400NamingThePacketField()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "avatar", "avatar.png" } };

        var response = await _client.PostAsync("/v1/validate", form);

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("packet", out _));
    }

    [Fact]
    public async Task AFormWithAnUnknownPartIsA400NamingThatPart()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Packets.EngageDigital(), Encoding.UTF8, "application/json"), "packet", "packet.json" },
            { new StringContent("/etc/passwd"), "avatarPath" },
        };

        var response = await _client.PostAsync("/v1/validate", form);

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("avatarPath", out _));
    }

    [Fact]
    public async Task AnotherMethodIsA405Problem()
    {
        var response = await _client.GetAsync("/v1/validate");

        await response.AssertProblemAsync(405, "method-not-allowed");
    }
}
