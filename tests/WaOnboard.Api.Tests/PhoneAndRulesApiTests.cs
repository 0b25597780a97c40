extern alias cli;
using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using cli::WaOnboard.Cli;

namespace WaOnboard.Api.Tests;

public sealed class PhoneApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ANumberIsDescribedWithTheFieldsOfThePhoneCommand()
    {
        var response = await _client.GetAsync("/v1/phone/" + Uri.EscapeDataString("+33 6 12 34 56 78"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var phone = await response.ReadJsonAsync();
        Assert.Equal(["input", "valid", "e164", "region", "type"], phone.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("+33 6 12 34 56 78", phone.GetProperty("input").GetString());
        Assert.True(phone.GetProperty("valid").GetBoolean());
        Assert.Equal("+33612345678", phone.GetProperty("e164").GetString());
    }

    [Fact]
    public async Task ANationalNumberIsValidOnlyWithTheRegionQuery()
    {
        var without = await (await _client.GetAsync("/v1/phone/0612345678")).ReadJsonAsync();
        var withRegion = await (await _client.GetAsync("/v1/phone/0612345678?region=FR")).ReadJsonAsync();

        Assert.False(without.GetProperty("valid").GetBoolean());
        Assert.True(withRegion.GetProperty("valid").GetBoolean());
        Assert.Equal("+33612345678", withRegion.GetProperty("e164").GetString());
        Assert.Equal("FR", withRegion.GetProperty("region").GetString());
        Assert.Equal("mobile", withRegion.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78", null)]
    [InlineData("020 7946 0018", "GB")]
    [InlineData("+1 800 555 0199", null)]
    [InlineData("12", null)]
    public async Task TheApiSaysOfANumberWhatThePhoneCommandSays(string number, string? region)
    {
        var output = new StringWriter();
        string[] args = region is null ? ["phone", number, "--format", "json"] : ["phone", number, "--region", region, "--format", "json"];
        CliApp.Run(args, new InvocationConfiguration { Output = output, Error = new StringWriter() });
        var fromCli = JsonNode.Parse(output.ToString())!.AsArray().Single();

        var url = "/v1/phone/" + Uri.EscapeDataString(number) + (region is null ? "" : "?region=" + region);
        var fromApi = JsonNode.Parse(await _client.GetStringAsync(url));

        Assert.True(JsonNode.DeepEquals(fromCli, fromApi), $"CLI {fromCli?.ToJsonString()} but API {fromApi?.ToJsonString()}");
    }

    [Fact]
    public async Task AnInvalidNumberHasNullE164AndUnknownType()
    {
        var phone = await (await _client.GetAsync("/v1/phone/12")).ReadJsonAsync();

        Assert.False(phone.GetProperty("valid").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, phone.GetProperty("e164").ValueKind);
        Assert.Equal("unknown", phone.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ARegionThatIsNotTwoLettersIsA400NamingTheRegionField()
    {
        var response = await _client.GetAsync("/v1/phone/0612345678?region=France");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("region", out _));
    }

    [Fact]
    public async Task ATwoLetterRegionWithNoNumberingPlanIsA400NamingTheRegion()
    {
        var response = await _client.GetAsync("/v1/phone/0612345678?region=XX");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Contains("'XX'", problem.GetProperty("errors").GetProperty("region")[0].GetString(), StringComparison.Ordinal);
    }
}

public sealed class RulesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheRulesOfEveryProfileAreListed()
    {
        var rules = await (await _client.GetAsync("/v1/rules")).ReadJsonAsync();

        var profiles = rules.EnumerateArray().Select(r => r.GetProperty("profile").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["8x8", "engage-digital", "generic"], profiles);
        var rule = rules.EnumerateArray().First(r => r.GetProperty("id").GetString() == "business-id-format");
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetString()));
        Assert.Equal("business.facebookBusinessId", rule.GetProperty("path").GetString());
    }

    [Fact]
    public async Task TheProfileQueryKeepsOneProfilesRules()
    {
        var rules = await (await _client.GetAsync("/v1/rules?profile=8x8")).ReadJsonAsync();

        Assert.NotEmpty(rules.EnumerateArray());
        Assert.All(rules.EnumerateArray(), r => Assert.Equal("8x8", r.GetProperty("profile").GetString()));
    }

    [Fact]
    public async Task AnUnknownProfileFilterIsA400NamingTheProfileField()
    {
        var response = await _client.GetAsync("/v1/rules?profile=nope");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("profile", out _));
    }

    [Fact]
    public async Task OneRuleIsDescribedById()
    {
        var rule = await (await _client.GetAsync("/v1/rules/business-id-format?profile=generic")).ReadJsonAsync();

        Assert.Equal("business-id-format", rule.GetProperty("id").GetString());
        Assert.Equal("generic", rule.GetProperty("profile").GetString());
        Assert.Equal("error", rule.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task AnUnknownRuleIsA404Problem()
    {
        var response = await _client.GetAsync("/v1/rules/no-such-rule");

        var problem = await response.AssertProblemAsync(404, "not-found");
        Assert.Contains("no-such-rule", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProfilesAreListedWithTheirRuleCounts()
    {
        var profiles = await (await _client.GetAsync("/v1/profiles")).ReadJsonAsync();

        var engage = profiles.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "engage-digital");
        Assert.Equal("RingCentral Engage Digital", engage.GetProperty("title").GetString());
        Assert.True(engage.GetProperty("rules").GetInt32() > 0);
    }
}
