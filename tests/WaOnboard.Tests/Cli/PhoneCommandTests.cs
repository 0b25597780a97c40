using System.Text.Json;

namespace WaOnboard.Tests.Cli;

public class PhoneCommandTests
{
    [Fact]
    public void JsonIsAnArrayWithTheSpecsFieldsForEachNumber()
    {
        var (exit, output, _) = CliRunner.Run("phone", "+33 6 12 34 56 78", "+33 8 91 12 34 56", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["input", "valid", "e164", "region", "type"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("+33612345678", "FR", "mobile"), (items[0].GetProperty("e164").GetString(), items[0].GetProperty("region").GetString(), items[0].GetProperty("type").GetString()));
        Assert.Equal("premium-rate", items[1].GetProperty("type").GetString());
    }

    [Fact]
    public void NumberWithoutCountryCodeIsInvalidUnlessARegionIsGiven()
    {
        var (exit, output, _) = CliRunner.Run("phone", "06 12 34 56 78", "--format", "json");
        Assert.Equal(1, exit);
        using (var json = JsonDocument.Parse(output))
        {
            var item = json.RootElement[0];
            Assert.False(item.GetProperty("valid").GetBoolean());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("e164").ValueKind);
            Assert.Equal("unknown", item.GetProperty("type").GetString());
        }
        (exit, output, _) = CliRunner.Run("phone", "06 12 34 56 78", "--region", "FR", "--format", "json");
        Assert.Equal(0, exit);
        using var withRegion = JsonDocument.Parse(output);
        Assert.Equal("+33612345678", withRegion.RootElement[0].GetProperty("e164").GetString());
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("France")]
    [InlineData("001")]
    public void UnknownRegionIsAUsageErrorOnOneLineOfStandardError(string region)
    {
        var (exit, output, error) = CliRunner.Run("phone", "06 12 34 56 78", "--region", region, "--format", "json");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"wa-onboard: --region '{region}' is not an ISO 3166 region with a numbering plan; give a two-letter code such as FR, GB or US.", error.TrimEnd());
        Assert.DoesNotContain('\n', error.TrimEnd());
    }

    [Fact]
    public void TextNamesTheRegionAndGivesBothFormats()
    {
        var (exit, output, _) = CliRunner.Run("phone", "06 12 34 56 78", "--region", "fr", "--format", "text");

        Assert.Equal(0, exit);
        Assert.Equal(
            "06 12 34 56 78: valid, +33612345678, FR (France), mobile; national 06 12 34 56 78, international +33 6 12 34 56 78",
            output.TrimEnd());
    }
}
