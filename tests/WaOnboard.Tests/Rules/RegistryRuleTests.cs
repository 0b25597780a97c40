using WaOnboard.Checking;
using WaOnboard.Findings;
using WaOnboard.Registry;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>The phone-number-not-onboarded rule: the registry is asked once before the rules, over a registry kept in a dictionary.</summary>
public class RegistryRuleTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly RegistryCaller Reader = new("provider", KeyScopes.Read);

    [Fact]
    public async Task ANumberRecordedForAnotherBusinessIsAnErrorNamingTheHolderToAReader()
    {
        var registry = new DictionaryRegistry(new OnboardedNumber("+33612345678", "999999999999999", "Other Bank", Recorded));

        var finding = Assert.Single((await ValidateAsync("engage-digital", registry, Reader)).Findings);

        Assert.Equal(("phone-number-not-onboarded", "phone.number"), (finding.RuleId, finding.Path));
        Assert.Contains("Other Bank (Business ID 999999999999999) on 2026-11-01", finding.Message, StringComparison.Ordinal);
        // The finding keeps the answer and the classification it rests on, for --explain.
        Assert.Equal("Other Bank", finding.Facts?.Registry?.Holder?.VerifiedName);
        Assert.Equal("+33612345678", finding.Facts?.Phone?.E164);
    }

    [Fact]
    public async Task WithoutAReadKeyTheFindingNamesNoBusinessAndSaysWhatToDo()
    {
        var registry = new DictionaryRegistry(new OnboardedNumber("+33612345678", "999999999999999", "Other Bank", Recorded));

        foreach (var caller in new[] { RegistryCaller.Anonymous, new RegistryCaller("web-form", KeyScopes.Record) })
        {
            var finding = Assert.Single((await ValidateAsync("engage-digital", registry, caller)).Findings);

            Assert.Equal("phone-number-not-onboarded", finding.RuleId);
            Assert.Contains("another business", finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Other Bank", finding.Message + finding.Help, StringComparison.Ordinal);
            Assert.DoesNotContain("999999999999999", finding.Message + finding.Help, StringComparison.Ordinal);
            Assert.Contains("ask the provider", finding.Help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ANumberRecordedForTheSameBusinessIDPasses()
    {
        var registry = new DictionaryRegistry(new OnboardedNumber("+33612345678", "104857600000042", "Acme Bank", Recorded));

        Assert.Empty((await ValidateAsync("engage-digital", registry, RegistryCaller.Anonymous)).Findings);
    }

    [Fact]
    public async Task APacketWithoutABusinessIDIsTheSameBusinessOnlyForTheKeyThatRecordedItNotForTheSameName()
    {
        // examples/8x8 has no Business ID; the record has the packet's own verified name.
        var registry = new DictionaryRegistry(new OnboardedNumber("+447400123456", "", "Acme Bank UK", Recorded, "acme-uk"));

        Assert.DoesNotContain((await ValidateAsync("8x8", registry, new RegistryCaller("acme-uk", KeyScopes.Record))).Findings, IsRegistryFinding);
        Assert.Contains((await ValidateAsync("8x8", registry, new RegistryCaller("someone-else", KeyScopes.Record))).Findings, IsRegistryFinding);
        Assert.Contains((await ValidateAsync("8x8", registry, RegistryCaller.Anonymous)).Findings, IsRegistryFinding);
    }

    [Fact]
    public async Task TheRegistryIsAskedOnceAndOnlyForAValidNumber()
    {
        var registry = new DictionaryRegistry();
        var document = Repo.Load(Repo.ExampleAsJson("engage-digital"), "engage-digital");

        var checker = new PacketChecker(RuleSet.BuiltIn, registry);

        var answer = (await checker.CheckAsync(document)).Registry;

        Assert.Equal(new RegistryAnswer("+33612345678", null, false, false), answer);
        Assert.Equal(1, registry.Finds);
        var noNumber = Repo.ExampleAsJson("engage-digital");
        Repo.Set(noNumber, "phone.number", "not a number");
        Assert.Null((await checker.CheckAsync(Repo.Load(noNumber, "engage-digital"))).Registry);
        Assert.Equal(1, registry.Finds);
    }

    [Fact]
    public void WithoutARegistryTheRuleIsSkipped()
    {
        Assert.Empty(RuleSet.BuiltIn.Validate(Repo.Load(Repo.ExampleAsJson("engage-digital"), "engage-digital")).Findings);
    }

    private static bool IsRegistryFinding(Finding finding) => finding.RuleId == "phone-number-not-onboarded";

    private static async Task<ValidationReport> ValidateAsync(string example, INumberRegistry registry, RegistryCaller caller)
    {
        var document = Repo.Load(Repo.ExampleAsJson(example), example);
        return (await new PacketChecker(RuleSet.BuiltIn, registry).CheckAsync(document, caller: caller)).Report;
    }

    private sealed class DictionaryRegistry(params OnboardedNumber[] numbers) : INumberRegistry
    {
        private readonly Dictionary<string, OnboardedNumber> _numbers = numbers.ToDictionary(n => n.E164);

        public int Finds { get; private set; }

        public ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default)
        {
            Finds++;
            return ValueTask.FromResult(_numbers.GetValueOrDefault(e164));
        }

        public ValueTask<RecordResult> RecordAsync(OnboardedNumber number, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The rules only look numbers up.");

        public ValueTask<OnboardedNumber?> RemoveAsync(string e164, NumberRemoval removal, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The rules only look numbers up.");
    }
}
