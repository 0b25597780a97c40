using System.Text;
using System.Text.Json.Nodes;
using WaOnboard.Packets;
using WaOnboard.Pricing;

namespace WaOnboard.Tests.Pricing;

/// <summary>The monthly estimate per delivered message, from dated rate files (spec/packet.md, Additions of December 2026).</summary>
public class MessageEstimateTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static RateCard TestRates()
    {
        var errors = new List<string>();
        var card = RateCard.Parse("test-rates.yaml", File.ReadAllBytes(Repo.PathOf("tests", "WaOnboard.Tests", "Pricing", "test-rates.yaml")), errors);
        Assert.Empty(errors);
        return card;
    }

    private static Packet Packet(string yaml) =>
        PacketLoader.Load(Encoding.UTF8.GetBytes(yaml), PacketFormat.Yaml, "inline", InMemoryPacketFiles.None).Packet;

    [Fact]
    public void EachCategoryIsMessagesTimesItsRateAndTheFreeServiceMessagesAreNotCharged()
    {
        var packet = Packet("estimate:\n  country: GB\n  currency: GBP\n  messages: { marketing: 333, utility: 777, authentication: 0, service: 1500 }\n");
        var estimate = MessageEstimate.For(packet, [TestRates()], TestRates(), Today)!;
        Assert.Equal(["marketing", "utility", "service"], estimate.Lines.Select(l => l.Category));
        Assert.Equal(333 * 0.0525m, estimate.Lines[0].ExactAmount);
        Assert.Equal(500 * 0.0033m, estimate.Lines[2].ExactAmount);
        Assert.Equal(2610 * 0.00125m, estimate.Fees.Single().ExactAmount);
        Assert.Empty(estimate.Warnings);
    }

    [Fact]
    public void AmountsAreRoundedToTheMinorUnitOnlyAtTheEnd()
    {
        // 1 x 0.0525 = 0.0525 shows as 0.05 and 2 x 0.0271 = 0.0542 as 0.05; the total is the exact 0.1067 rounded: 0.11, not 0.10.
        var packet = Packet("estimate:\n  country: GB\n  currency: GBP\n  messages: { marketing: 1, authentication: 2 }\n");
        var estimate = MessageEstimate.For(packet, [TestRates()], RateCard.Empty, Today)!;
        Assert.Equal(0.1067m, estimate.ExactTotal);
        Assert.Equal(0.11m, estimate.Total);
        var doc = JsonNode.Parse(estimate.ToJson())!;
        Assert.Equal(0.05m, doc["lines"]![0]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0.05m, doc["lines"]![1]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0.11m, doc["total"]!.GetValue<decimal>());
        Assert.Equal(0.0525m, doc["lines"]![0]!["rate"]!.GetValue<decimal>());
        var yen = MessageEstimate.For(Packet("estimate:\n  country: JP\n  currency: JPY\n  messages: { marketing: 3, utility: 3 }\n"), [TestRates()], RateCard.Empty, Today)!;
        Assert.Equal(41m, yen.Total); // 34.5 + 6.75 = 41.25 -> 41 yen: no minor unit
    }

    [Fact]
    public void TheJsonHasTheFieldsOfTheSpec()
    {
        var packet = Packet("estimate:\n  country: GB\n  currency: GBP\n  messages: { utility: 100 }\n");
        var doc = JsonNode.Parse(MessageEstimate.For(packet, [TestRates()], TestRates(), Today)!.ToJson())!.AsObject();
        Assert.Equal(["currency", "total", "effective", "lines", "fees", "warnings"], doc.Select(p => p.Key));
        Assert.Equal("2026-10-01", doc["effective"]!.GetValue<string>());
        Assert.Equal(["category", "messages", "rate", "amount"], doc["lines"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "amount"], doc["fees"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void ACountryWithoutARateIsAWarningNotAGuess()
    {
        var packet = Packet("estimate:\n  country: FR\n  currency: EUR\n  messages: { marketing: 10 }\n");
        var estimate = MessageEstimate.For(packet, [TestRates()], TestRates(), Today)!;
        Assert.Null(estimate.Lines.Single().Rate);
        Assert.Null(estimate.Lines.Single().ExactAmount);
        Assert.Contains(estimate.Warnings, w => w.StartsWith("No WhatsApp rate for FR in EUR", StringComparison.Ordinal));
    }

    [Fact]
    public void RatesOlderThanAYearAreAWarning()
    {
        var packet = Packet("estimate:\n  country: GB\n  currency: GBP\n  messages: { utility: 10 }\n");
        var estimate = MessageEstimate.For(packet, [TestRates()], RateCard.Empty, new DateOnly(2027, 10, 2))!;
        Assert.Contains(estimate.Warnings, w => w.Contains("more than a year ago", StringComparison.Ordinal));
        Assert.DoesNotContain(MessageEstimate.For(packet, [TestRates()], RateCard.Empty, new DateOnly(2027, 10, 1))!.Warnings,
            w => w.Contains("more than a year ago", StringComparison.Ordinal));
    }

    [Fact]
    public void SessionsAreReadButNotPriced()
    {
        var estimate = MessageEstimate.For(Packet("estimate:\n  sessionsPerMonth: 1000\n  country: GB\n  currency: GBP\n"), [TestRates()], RateCard.Empty, Today)!;
        Assert.Empty(estimate.Lines);
        Assert.Contains(estimate.Warnings, w => w.StartsWith("sessionsPerMonth is not counted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("effective: 2026-13-01\nsource: x\n", "'effective' must be a date")]
    [InlineData("source: x\n", "needs 'effective'")]
    [InlineData("effective: 2026-01-01\nsource: x\nrates:\n  - { country: GB, currency: GBP, marketing: cheap }\n", "'marketing' must be a decimal amount")]
    public void ABrokenRateFileNamesFileLineAndWhatIsWrong(string content, string expected)
    {
        var errors = new List<string>();
        RateCard.Parse("rates.yaml", Encoding.UTF8.GetBytes(content), errors);
        Assert.Contains(errors, e => e.StartsWith("rates.yaml:", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBuiltInProfileHasADatedSourcedRateCardOrNone()
    {
        foreach (var profile in WaOnboard.Rules.RuleSet.BuiltIn.Profiles)
        {
            var card = profile.RateCard;
            Assert.True(card == RateCard.Empty || (card.Effective is not null && card.Source.Length > 0), profile.Name);
        }
        Assert.Empty(WaOnboard.Rules.RuleSet.BuiltIn.Find("engage-digital")!.RateCard.Fees);
    }
}
