using System.Net;
using System.Text.Json;

namespace WaOnboard.Api.Tests;

/// <summary><c>POST /v1/estimate</c>: the JSON of spec/packet.md, from the profile's rates or the server's <c>Rates:Path</c>.</summary>
public sealed class EstimateApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Packet = """
        { "provider": "8x8", "estimate": { "country": "GB", "currency": "GBP", "messages": { "marketing": 1, "authentication": 2 } } }
        """;

    [Fact]
    public async Task TheEstimateHasTheSpecsFieldsAndWarnsWhenNoRateIsSourced()
    {
        var response = await factory.CreateClient().PostAsync("/v1/estimate", Http.Json(Packet));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(["currency", "total", "effective", "lines", "fees", "warnings"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("GBP", json.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("lines")[0].GetProperty("rate").ValueKind);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("No WhatsApp rate for GB in GBP", StringComparison.Ordinal));
        // 8x8's own fee, for 8x8 only: 3 messages x 0.003 = 0.009, rounded at the end to 0.01.
        Assert.Equal(0.01m, json.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task TheRateFileOfTheConfigurationReplacesTheProfilesRates()
    {
        var rates = Repo.PathOf("tests/WaOnboard.Tests/Pricing/test-rates.yaml");
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Rates:Path", rates));

        var json = await (await configured.CreateClient().PostAsync("/v1/estimate", Http.Json(Packet))).ReadJsonAsync();

        Assert.Equal("2026-10-01", json.GetProperty("effective").GetString());
        Assert.Equal(0.0525m, json.GetProperty("lines")[0].GetProperty("rate").GetDecimal());
        // 0.0525 + 2 x 0.0271 + the test fee 3 x 0.00125 = 0.11045: 0.11.
        Assert.Equal(0.11m, json.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task APacketWithoutAnEstimateIsA422Problem()
    {
        var response = await factory.CreateClient().PostAsync("/v1/estimate", Http.Json("""{ "provider": "8x8" }"""));
        await response.AssertProblemAsync(422, "packet-not-valid");
    }
}
