using System.Net;

namespace WaOnboard.Api.Tests;

public sealed class PacketsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AValidPacketsNumberIsRecordedWith201AndItsLocation()
    {
        var response = await _client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 01")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/packets/%2B33600000001", response.Headers.Location?.OriginalString);
        var record = await response.ReadJsonAsync();
        Assert.Equal("+33600000001", record.GetProperty("e164").GetString());
        Assert.Equal("104857600000042", record.GetProperty("businessId").GetString());
        Assert.Equal("Acme Bank", record.GetProperty("verifiedName").GetString());
        Assert.Equal("Acme Bank", factory.Registry.Find("+33600000001")?.VerifiedName);
    }

    [Fact]
    public async Task RecordingAgainForTheSameBusinessIs200AndChangesNothing()
    {
        var packet = Packets.EngageDigital(number: "+33 6 00 00 00 02");
        var first = await (await _client.PostAsync("/v1/packets", Http.WithAvatar(packet))).ReadJsonAsync();

        var again = await _client.PostAsync("/v1/packets", Http.WithAvatar(packet));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var record = await again.ReadJsonAsync();
        Assert.Equal(first.GetProperty("recordedAt").GetString(), record.GetProperty("recordedAt").GetString());
    }

    [Fact]
    public async Task ANumberHeldByAnotherBusinessIsA409NamingTheHolder()
    {
        await _client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 03")));

        var response = await _client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(businessId: "104857600000099", verifiedName: "Other Bank", number: "+33600000003")));

        var problem = await response.AssertProblemAsync(409, "number-taken");
        Assert.Equal("104857600000042", problem.GetProperty("holder").GetProperty("businessId").GetString());
        Assert.Equal("104857600000042", factory.Registry.Find("+33600000003")?.BusinessId);
    }

    [Fact]
    public async Task AnInvalidPacketIsA422WithTheReportAndIsNotRecorded()
    {
        var response = await _client.PostAsync("/v1/packets", Http.Json(Packets.EngageDigital(businessId: "12345", number: "+33 6 00 00 00 04")));

        var problem = await response.AssertProblemAsync(422, "packet-not-valid");
        var report = problem.GetProperty("report");
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "business-id-format");
        Assert.Null(factory.Registry.Find("+33600000004"));
    }

    [Fact]
    public async Task ValidatingANumberHeldByAnotherBusinessReportsTheRegistryRule()
    {
        await _client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 05")));

        var response = await _client.PostAsync("/v1/validate", Http.WithAvatar(Packets.EngageDigital(businessId: "104857600000099", number: "+33600000005")));

        var report = await response.ReadJsonAsync();
        Assert.False(report.GetProperty("valid").GetBoolean());
        var finding = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "phone-number-not-onboarded");
        Assert.Equal("phone.number", finding.GetProperty("path").GetString());
    }

    [Fact]
    public async Task TwoConcurrentRecordingsOfOneNumberGiveOneWinnerAndTellTheOther()
    {
        var packets = new[]
        {
            Packets.EngageDigital(businessId: "104857600000011", verifiedName: "First Bank", number: "+33 6 00 00 00 06"),
            Packets.EngageDigital(businessId: "104857600000022", verifiedName: "Second Bank", number: "+33 6 00 00 00 06"),
        };
        using var barrier = new Barrier(packets.Length);

        var responses = await Task.WhenAll(packets.Select(packet => Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await _client.PostAsync("/v1/packets", Http.WithAvatar(packet));
        })));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
        Assert.Equal([201, 409], statuses);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        var loser = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(409, "number-taken");
        Assert.Equal(winner.GetProperty("businessId").GetString(), loser.GetProperty("holder").GetProperty("businessId").GetString());
        Assert.Equal(winner.GetProperty("businessId").GetString(), factory.Registry.Find("+33600000006")?.BusinessId);
    }

    [Fact]
    public async Task ARecordedNumberCanBeLookedUpInAnyNotation()
    {
        await _client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 07")));

        var response = await _client.GetAsync("/v1/packets/" + Uri.EscapeDataString("+33 6 00 00 00 07"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("+33600000007", (await response.ReadJsonAsync()).GetProperty("e164").GetString());
    }

    [Fact]
    public async Task ANumberNeverRecordedIsA404()
    {
        var response = await _client.GetAsync("/v1/packets/" + Uri.EscapeDataString("+33600000999"));

        await response.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task LookingUpSomethingThatIsNotANumberIsA400NamingTheNumberField()
    {
        var response = await _client.GetAsync("/v1/packets/not-a-number");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("number", out _));
    }

    [Fact]
    public async Task RecordingABodyThatIsNotAPacketIsA400()
    {
        var response = await _client.PostAsync("/v1/packets", Http.Json("{ nope"));

        await response.AssertProblemAsync(400, "packet-syntax");
    }

    [Fact]
    public async Task RecordingAnotherContentTypeIsA415()
    {
        var response = await _client.PostAsync("/v1/packets", new StringContent("<packet/>", System.Text.Encoding.UTF8, "application/xml"));

        await response.AssertProblemAsync(415, "unsupported-media-type");
    }
}
