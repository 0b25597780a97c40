using System.Text.Json;
using WaOnboard.Phone;
using Xunit.Abstractions;

namespace WaOnboard.Tests.Phone;

/// <summary>Our verdicts against libphonenumber-js's on the inputs of agreement.json (see tests/phone-agreement).</summary>
public sealed class PhoneAgreementTests(ITestOutputHelper output)
{
    private const double RequiredAgreement = 0.995;

    [Fact]
    public void VerdictsAgreeWithLibphonenumberJsOnAtLeast995PerMille()
    {
        var cases = AgreementCase.Load();
        var disagreements = new List<string>();
        foreach (var expected in cases)
        {
            var actual = PhoneNumbers.Inspect(expected.Input, expected.DefaultRegion);
            var agrees = actual.Valid == expected.Valid
                && actual.E164 == expected.E164
                && (!actual.Valid || actual.Region == expected.Region)
                && actual.Type.Name() == expected.Type;
            if (!agrees)
            {
                disagreements.Add(
                    $"{expected.Input} (region {expected.DefaultRegion ?? "none"}, {expected.Example} {expected.Kind}): " +
                    $"libphonenumber-js {Verdict(expected.Valid, expected.E164, expected.Region, expected.Type)}, " +
                    $"we {Verdict(actual.Valid, actual.E164, actual.Region, actual.Type.Name())} {actual.Problem}");
            }
        }

        var agreement = 1 - ((double)disagreements.Count / cases.Count);
        output.WriteLine($"{cases.Count} numbers, {cases.Count - disagreements.Count} agree ({agreement:P2}); disagreements:");
        foreach (var line in disagreements)
        {
            output.WriteLine(line);
        }

        Assert.True(cases.Count >= 500, $"the fixture holds only {cases.Count} numbers");
        Assert.True(
            agreement >= RequiredAgreement,
            $"{agreement:P2} agreement on {cases.Count} numbers:\n{string.Join('\n', disagreements.Take(50))}");
    }

    [Fact]
    public void FixtureCoversEveryNotationAndNearMiss()
    {
        var kinds = AgreementCase.Load().GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());

        foreach (var kind in new[] { "example", "national", "00", "tel", "one-more", "one-less", "lead-changed", "national-one-less" })
        {
            Assert.True(kinds.GetValueOrDefault(kind) >= 100, $"only {kinds.GetValueOrDefault(kind)} cases of kind {kind}");
        }
    }

    [Fact]
    public void FixtureComesFromTheLibphonenumberJsVersionOfTheEmbeddedData()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Phone", "agreement.json"));
        using var document = JsonDocument.Parse(stream);

        Assert.StartsWith($"libphonenumber-js {PhoneNumbers.MetadataVersion} ", document.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    private static string Verdict(bool valid, string? e164, string? region, string type) =>
        valid ? $"valid {e164} {region} {type}" : "invalid";

    private sealed record AgreementCase(
        string Example, string Kind, string Input, string? DefaultRegion, bool Valid, string? E164, string? Region, string Type)
    {
        private static readonly Lazy<List<AgreementCase>> Cases = new(Read);

        public static List<AgreementCase> Load() => Cases.Value;

        private static List<AgreementCase> Read()
        {
            using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Phone", "agreement.json"));
            using var document = JsonDocument.Parse(stream);
            return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new AgreementCase(
                c.GetProperty("example").GetString()!,
                c.GetProperty("kind").GetString()!,
                c.GetProperty("input").GetString()!,
                c.GetProperty("defaultRegion").GetString(),
                c.GetProperty("valid").GetBoolean(),
                c.GetProperty("e164").GetString(),
                c.GetProperty("region").GetString(),
                c.GetProperty("type").GetString()!))];
        }
    }
}
