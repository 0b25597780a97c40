using WaOnboard.Checking;
using WaOnboard.Registry;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>The phone-number-not-onboarded rule, over a registry kept in a dictionary.</summary>
public class RegistryRuleTests
{
    private sealed class DictionaryRegistry : INumberRegistry
    {
        private readonly Dictionary<string, OnboardedNumber> _numbers = [];

        public OnboardedNumber? Find(string e164) => _numbers.GetValueOrDefault(e164);

        public (RecordOutcome Outcome, OnboardedNumber Holder) Record(OnboardedNumber number)
        {
            if (_numbers.TryGetValue(number.E164, out var holder))
            {
                return (holder.IsSameBusinessAs(number) ? RecordOutcome.AlreadyRecorded : RecordOutcome.Conflict, holder);
            }
            _numbers[number.E164] = number;
            return (RecordOutcome.Recorded, number);
        }
    }

    private static readonly DateTimeOffset Recorded = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NumberRecordedForAnotherBusinessIsAnError()
    {
        var registry = new DictionaryRegistry();
        registry.Record(new OnboardedNumber("+33612345678", "999999999999999", "Other Bank", Recorded));
        var report = (await new PacketChecker(RuleSet.BuiltIn, registry).CheckAsync(Repo.Load(Repo.ExampleAsJson("engage-digital"), "engage-digital"))).Report;
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("phone-number-not-onboarded", "phone.number"), (finding.RuleId, finding.Path));
        Assert.Contains("Other Bank (Business ID 999999999999999) on 2026-11-01", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumberRecordedForTheSameBusinessPasses()
    {
        var registry = new DictionaryRegistry();
        registry.Record(new OnboardedNumber("+33612345678", "104857600000042", "Acme Bank", Recorded));
        var report = (await new PacketChecker(RuleSet.BuiltIn, registry).CheckAsync(Repo.Load(Repo.ExampleAsJson("engage-digital"), "engage-digital"))).Report;
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void WithoutARegistryTheRuleIsSkipped()
    {
        Assert.Empty(RuleSet.BuiltIn.Validate(Repo.Load(Repo.ExampleAsJson("engage-digital"), "engage-digital")).Findings);
    }
}
