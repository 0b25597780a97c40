using System.Net;

namespace WaOnboard.Api.Tests;

public sealed class PacketsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _recorder = factory.ClientWith(factory.RecordKey);
    private readonly HttpClient _provider = factory.ClientWith(factory.ProviderKey);
    private readonly HttpClient _reader = factory.ClientWith(factory.ReadKey);

    [Fact]
    public async Task AValidPacketsNumberIsRecordedWith201AndItsLocationAndTheKeyThatRecordedIt()
    {
        var response = await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 01")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/packets/%2B33600000001", response.Headers.Location?.OriginalString);
        var record = await response.ReadJsonAsync();
        Assert.Equal("+33600000001", record.GetProperty("e164").GetString());
        Assert.Equal("104857600000042", record.GetProperty("businessId").GetString());
        Assert.Equal("Acme Bank", record.GetProperty("verifiedName").GetString());
        Assert.Equal("web-form", (await factory.Registry.FindAsync("+33600000001"))?.RecordedBy);
    }

    [Fact]
    public async Task RecordingAgainForTheSameBusinessIs200AndChangesNothingEvenWithAnotherKey()
    {
        var packet = Packets.EngageDigital(number: "+33 6 00 00 00 02");
        var first = await (await _recorder.PostAsync("/v1/packets", Http.WithAvatar(packet))).ReadJsonAsync();

        var again = await factory.ClientWith(factory.OtherRecordKey).PostAsync("/v1/packets", Http.WithAvatar(packet));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("recordedAt").GetString(), (await again.ReadJsonAsync()).GetProperty("recordedAt").GetString());
    }

    [Fact]
    public async Task ANumberHeldByAnotherBusinessIsA409NamingTheHolderOnlyToAReadKey()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 03")));
        var other = Packets.EngageDigital(businessId: "104857600000099", verifiedName: "Other Bank", number: "+33600000003");

        var named = await (await _provider.PostAsync("/v1/packets", Http.WithAvatar(other))).AssertProblemAsync(409, "number-taken");
        var anonymous = await (await factory.ClientWith(factory.OtherRecordKey).PostAsync("/v1/packets", Http.WithAvatar(other))).AssertProblemAsync(409, "number-taken");

        Assert.Equal("104857600000042", named.GetProperty("holder").GetProperty("businessId").GetString());
        Assert.False(anonymous.TryGetProperty("holder", out _));
        var text = anonymous.GetRawText();
        Assert.DoesNotContain("104857600000042", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", text, StringComparison.Ordinal);
        Assert.Contains("another business", text, StringComparison.Ordinal);
        Assert.Contains("ask the provider", text, StringComparison.Ordinal);
        Assert.Equal("104857600000042", (await factory.Registry.FindAsync("+33600000003"))?.BusinessId);
    }

    [Fact]
    public async Task TheSameVerifiedNameWithAnotherBusinessIDIsAnotherBusiness()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 10")));

        var response = await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(businessId: "104857600000099", number: "+33600000010")));

        await response.AssertProblemAsync(409, "number-taken");
        Assert.Equal("104857600000042", (await factory.Registry.FindAsync("+33600000010"))?.BusinessId);
    }

    [Fact]
    public async Task WithoutABusinessIDOnlyTheKeyThatRecordedTheNumberIsTheSameBusinessNeverTheName()
    {
        Assert.Equal(HttpStatusCode.Created, (await _recorder.PostAsync("/v1/packets", Packets.EightByEight("+44 7400 000011"))).StatusCode);

        var sameKey = await _recorder.PostAsync("/v1/packets", Packets.EightByEight("+44 7400 000011"));
        var sameNameOtherKey = await factory.ClientWith(factory.OtherRecordKey).PostAsync("/v1/packets", Packets.EightByEight("+44 7400 000011"));

        Assert.Equal(HttpStatusCode.OK, sameKey.StatusCode);
        await sameNameOtherKey.AssertProblemAsync(409, "number-taken");
    }

    [Fact]
    public async Task AnInvalidPacketIsA422WithTheReportAndIsNotRecorded()
    {
        var response = await _recorder.PostAsync("/v1/packets", Http.Json(Packets.EngageDigital(businessId: "12345", number: "+33 6 00 00 00 04")));

        var problem = await response.AssertProblemAsync(422, "packet-not-valid");
        var report = problem.GetProperty("report");
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "business-id-format");
        Assert.Null(await factory.Registry.FindAsync("+33600000004"));
    }

    [Fact]
    public async Task ValidatingANumberHeldByAnotherBusinessReportsTheRegistryRuleNamingTheHolderOnlyToAReadKey()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 05")));
        var other = Packets.EngageDigital(businessId: "104857600000099", verifiedName: "Other Bank", number: "+33600000005");

        var open = await Finding(await factory.CreateClient().PostAsync("/v1/validate", Http.WithAvatar(other)));
        var read = await Finding(await _reader.PostAsync("/v1/validate", Http.WithAvatar(other)));

        Assert.Equal("phone.number", open.GetProperty("path").GetString());
        Assert.Contains("another business", open.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("104857600000042", open.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", open.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Acme Bank (Business ID 104857600000042)", read.GetProperty("message").GetString(), StringComparison.Ordinal);

        static async Task<System.Text.Json.JsonElement> Finding(HttpResponseMessage response) =>
            (await response.ReadJsonAsync()).GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "phone-number-not-onboarded");
    }

    [Fact]
    public async Task TheCustomerChecklistOfAnotherBusinessNamesNoHolder()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 12")));

        // text and html: the e-mail carries the same text, quoted-printable (which may cut a word at a soft line break).
        foreach (var format in new[] { "text", "html" })
        {
            var checklist = await (await factory.CreateClient().PostAsync($"/v1/checklist?format={format}",
                Http.WithAvatar(Packets.EngageDigital(businessId: "104857600000099", verifiedName: "Other Bank", number: "+33600000012")))).Content.ReadAsStringAsync();

            Assert.Contains("another business", checklist, StringComparison.Ordinal);
            Assert.DoesNotContain("104857600000042", checklist, StringComparison.Ordinal);
            Assert.DoesNotContain("Acme", checklist, StringComparison.Ordinal);
        }
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
            return await _provider.PostAsync("/v1/packets", Http.WithAvatar(packet));
        })));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
        Assert.Equal([201, 409], statuses);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        var loser = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(409, "number-taken");
        Assert.Equal(winner.GetProperty("businessId").GetString(), loser.GetProperty("holder").GetProperty("businessId").GetString());
        Assert.Equal(winner.GetProperty("businessId").GetString(), (await factory.Registry.FindAsync("+33600000006"))?.BusinessId);
    }

    [Fact]
    public async Task ARecordedNumberCanBeLookedUpInAnyNotationWithAReadKey()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 07")));

        var response = await _reader.GetAsync("/v1/packets/" + Uri.EscapeDataString("+33 6 00 00 00 07"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("+33600000007", (await response.ReadJsonAsync()).GetProperty("e164").GetString());
    }

    [Fact]
    public async Task ANumberNeverRecordedIsA404()
    {
        var response = await _reader.GetAsync("/v1/packets/" + Uri.EscapeDataString("+33600000999"));

        await response.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task LookingUpSomethingThatIsNotANumberIsA400NamingTheNumberField()
    {
        var response = await _reader.GetAsync("/v1/packets/not-a-number");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("number", out _));
    }

    [Fact]
    public async Task AnAdminRemovesARecordWithAReasonKeepingWhoWhenAndWhyAndTheRightBusinessCanThenRecordIt()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 13")));
        var admin = factory.ClientWith(factory.AdminKey);

        var response = await admin.DeleteAsync("/v1/packets/%2B33600000013?reason=" + Uri.EscapeDataString("ticket 42: recorded for the wrong business"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("admin-alice", body.GetProperty("removedBy").GetString());
        Assert.Equal("104857600000042", body.GetProperty("removed").GetProperty("businessId").GetString());
        var (removed, removal) = Assert.Single(await factory.Registry.RemovalsAsync("+33600000013"));
        Assert.Equal(("admin-alice", "ticket 42: recorded for the wrong business", "104857600000042"), (removal.RemovedBy, removal.Reason, removed.BusinessId));
        await (await _reader.GetAsync("/v1/packets/%2B33600000013")).AssertProblemAsync(404, "not-found");
        var right = await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(businessId: "104857600000099", number: "+33600000013")));
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
    }

    [Fact]
    public async Task RemovingWithoutAReasonIsA400AndRemovesNothing()
    {
        await _recorder.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 00 14")));

        var response = await factory.ClientWith(factory.AdminKey).DeleteAsync("/v1/packets/%2B33600000014");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.NotNull(await factory.Registry.FindAsync("+33600000014"));
    }

    [Fact]
    public async Task RemovingANumberThatIsNotRecordedIsA404()
    {
        var response = await factory.ClientWith(factory.AdminKey).DeleteAsync("/v1/packets/%2B33600000998?reason=typo");

        await response.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task RecordingABodyThatIsNotAPacketIsA400()
    {
        var response = await _recorder.PostAsync("/v1/packets", Http.Json("{ nope"));

        await response.AssertProblemAsync(400, "packet-syntax");
    }

    [Fact]
    public async Task RecordingAnotherContentTypeIsA415()
    {
        var response = await _recorder.PostAsync("/v1/packets", new StringContent("<packet/>", System.Text.Encoding.UTF8, "application/xml"));

        await response.AssertProblemAsync(415, "unsupported-media-type");
    }
}
