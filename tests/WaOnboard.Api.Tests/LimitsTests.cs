using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace WaOnboard.Api.Tests;

public sealed class LimitsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AJsonBodyOfExactlyOneMebibyteIsRead()
    {
        var packet = Padded(Packets.EngageDigital(), ApiLimits.PacketBytes);

        var response = await _client.PostAsync("/v1/validate", Http.Json(packet));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AJsonBodyOneByteOverOneMebibyteIsA413()
    {
        var packet = Padded(Packets.EngageDigital(), ApiLimits.PacketBytes + 1);

        var response = await _client.PostAsync("/v1/validate", Http.Json(packet));

        await response.AssertProblemAsync(413, "payload-too-large");
    }

    [Fact]
    public async Task AnOversizedBodyWithoutContentLengthIsA413Too()
    {
        // A streamed body (chunked, no length) is counted as it is read.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Padded(Packets.EngageDigital(), ApiLimits.PacketBytes + 100))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/validate") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        await response.AssertProblemAsync(413, "payload-too-large");
    }

    [Fact]
    public async Task AFormOverSixMebibytesIsA413()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Packets.EngageDigital(), Encoding.UTF8, "application/json"), "packet", "packet.json" },
            { new ByteArrayContent(new byte[ApiLimits.AvatarBytes]), "avatar", "avatar.png" },
            { new ByteArrayContent(new byte[ApiLimits.MultipartBytes - ApiLimits.AvatarBytes]), "avatar", "second.png" },
        };

        var response = await _client.PostAsync("/v1/validate", form);

        await response.AssertProblemAsync(413, "payload-too-large");
    }

    [Fact]
    public async Task AnAvatarOverFiveMebibytesIsA413()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Packets.EngageDigital(), Encoding.UTF8, "application/json"), "packet", "packet.json" },
            { new ByteArrayContent(new byte[ApiLimits.AvatarBytes + 1]), "avatar", "avatar.png" },
        };

        var response = await _client.PostAsync("/v1/validate", form);

        var problem = await response.AssertProblemAsync(413, "payload-too-large");
        Assert.Contains("avatar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithAFiveMebibyteAvatarIsRead()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Packets.EngageDigital(), Encoding.UTF8, "application/json"), "packet", "packet.json" },
            { new ByteArrayContent(new byte[ApiLimits.AvatarBytes]), "avatar", "avatar.png" },
        };

        var response = await _client.PostAsync("/v1/validate", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APacketPartOverOneMebibyteIsA413()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Padded(Packets.EngageDigital(), ApiLimits.PacketBytes + 1), Encoding.UTF8, "application/json"), "packet", "packet.json" },
        };

        var response = await _client.PostAsync("/v1/validate", form);

        await response.AssertProblemAsync(413, "payload-too-large");
    }

    [Fact]
    public async Task JsonNestedThirtyTwoLevelsIsRead()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json(Nested(32)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task JsonNestedThirtyThreeLevelsIsA400()
    {
        var response = await _client.PostAsync("/v1/validate", Http.Json(Nested(33)));

        var problem = await response.AssertProblemAsync(400, "packet-syntax");
        Assert.Contains("depth", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YamlNestedDeeperThanThirtyTwoLevelsIsRefused()
    {
        var yaml = new StringBuilder("estimate:\n");
        for (var level = 1; level <= 40; level++)
        {
            yaml.Append(' ', level * 2).Append('k').Append(level).Append(":\n");
        }

        var response = await _client.PostAsync("/v1/validate", Http.Yaml(yaml.ToString()));

        var problem = await response.AssertProblemAsync(413, "payload-too-large");
        Assert.Equal("packet-too-large", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task ADuplicateJsonKeyIsAnErrorFindingAtItsLineNotA400()
    {
        var packet = Packets.EngageDigital().Replace("\"provider\": \"engage-digital\",", "\"provider\": \"engage-digital\",\n  \"provider\": \"8x8\",", StringComparison.Ordinal);

        var response = await _client.PostAsync("/v1/validate", Http.Json(packet));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.False(report.GetProperty("valid").GetBoolean());
        var duplicate = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "duplicate-key");
        Assert.Equal("provider", duplicate.GetProperty("path").GetString());
        Assert.Equal(4, duplicate.GetProperty("line").GetInt32());
        // The first value wins, as on the command line.
        Assert.Equal("engage-digital", report.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task APhoneNumberOfSixtyFourCharactersIsInspected()
    {
        var response = await _client.GetAsync("/v1/phone/" + Uri.EscapeDataString("+33 " + new string('6', 60)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APhoneNumberOfSixtyFiveCharactersIsA400NamingTheNumberField()
    {
        var response = await _client.GetAsync("/v1/phone/" + Uri.EscapeDataString("+33 " + new string('6', 61)));

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains("64", problem.GetProperty("errors").GetProperty("number")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponseSaysNoSniffIncludingProblems()
    {
        var ok = await _client.GetAsync("/health");
        var notFound = await _client.GetAsync("/v1/nothing-here");
        var unsupported = await _client.PostAsync("/v1/validate", new StringContent("x", Encoding.UTF8, "text/plain"));

        foreach (var response in new[] { ok, notFound, unsupported })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    /// <summary>A packet padded with trailing spaces to exactly <paramref name="bytes"/> bytes.</summary>
    private static string Padded(string packet, int bytes) => packet + new string(' ', bytes - Encoding.UTF8.GetByteCount(packet));

    /// <summary>A packet whose deepest value is <paramref name="depth"/> objects down (the packet itself is the first).</summary>
    private static string Nested(int depth)
    {
        var inner = new StringBuilder();
        for (var level = 2; level <= depth; level++)
        {
            inner.Append("{\"k\":");
        }
        inner.Append('1').Append('}', depth - 1);
        return $"{{\"provider\": \"generic\", \"estimate\": {inner}}}";
    }
}

public sealed class RateLimitingTests(LowRateLimitApiFactory factory) : IClassFixture<LowRateLimitApiFactory>
{
    [Fact]
    public async Task AClientOverTheLimitGetsA429WithRetryAfter()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < LowRateLimitApiFactory.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/profiles")).StatusCode);
        }

        var response = await client.GetAsync("/v1/profiles");

        await response.AssertProblemAsync(429, "too-many-requests");
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
