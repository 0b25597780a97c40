using System.Text.Json;

namespace WaOnboard.Tests.Cli;

/// <summary><c>wa-onboard estimate PACKET [--rates FILE] [--format text|json]</c>.</summary>
public class EstimateCommandTests
{
    [Fact]
    public void JsonEstimateWithARateFileIsTheSpecsDocument()
    {
        var (exit, output, _) = CliRunner.Run("estimate", "examples/8x8", "--rates", "tests/WaOnboard.Tests/Pricing/test-rates.yaml", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["currency", "total", "effective", "lines", "fees", "warnings"], json.RootElement.EnumerateObject().Select(p => p.Name));
        // 400 utility x 0.0159 = 6.36; 600 service, the first 1,000 free = 0; fee 1,000 x 0.00125 = 1.25.
        Assert.Equal(7.61m, json.RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void TextEstimateWithoutASourcedRateSaysWhatItLeavesOut()
    {
        var (exit, output, _) = CliRunner.Run("estimate", "examples/8x8", "--format", "text");
        Assert.Equal(0, exit);
        Assert.Contains("Total per month, without the messages that have no rate: £3.00", output, StringComparison.Ordinal);
        Assert.Contains("! No WhatsApp rate for GB in GBP", output, StringComparison.Ordinal);
    }

    [Fact]
    public void APacketWithoutAnEstimateOrABrokenRateFileIsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("estimate", "examples/engage-digital");
        Assert.Equal(2, exit);
        Assert.StartsWith("wa-onboard: the packet has no estimate", error, StringComparison.Ordinal);
        var (brokenExit, _, brokenError) = CliRunner.Run("estimate", "examples/8x8", "--rates", "examples/8x8/packet.yaml");
        Assert.Equal(2, brokenExit);
        Assert.Contains("needs 'effective'", brokenError, StringComparison.Ordinal);
    }
}
