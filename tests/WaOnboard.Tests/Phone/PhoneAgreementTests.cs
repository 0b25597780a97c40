using System.Text.Json;
using WaOnboard.Phone;
using Xunit.Abstractions;

namespace WaOnboard.Tests.Phone;

/// <summary>
/// libphonenumber-csharp, through our adapter, against libphonenumber-js on the inputs of agreement.json (see
/// tests/phone-agreement): two ports of Google's libphonenumber, each with its own copy of the metadata, must agree.
/// </summary>
public sealed class PhoneAgreementTests(ITestOutputHelper output)
{
    private const double RequiredAgreement = 0.998;

    [Fact]
    public void ValidityTypeAndRegionEachAgreeWithLibphonenumberJsOnAtLeast998PerMille()
    {
        var cases = AgreementCase.Load();
        var aspects = new (string Name, Func<AgreementCase, PhoneNumberInfo, bool> Agrees)[]
        {
            ("validity", (expected, actual) => actual.Valid == expected.Valid),
            ("E.164", (expected, actual) => actual.E164 == expected.E164),
            ("type", (expected, actual) => actual.Type.Name() == expected.Type),
            // libphonenumber-js names no region for an invalid number; we keep the one the calling code gives.
            ("region", (expected, actual) => !expected.Valid || actual.Region == expected.Region),
        };
        var results = cases.Select(c => (Expected: c, Actual: PhoneNumbers.Inspect(c.Input, c.DefaultRegion))).ToList();

        var failures = new List<string>();
        foreach (var (name, agrees) in aspects)
        {
            var differences = results.Where(r => !agrees(r.Expected, r.Actual)).ToList();
            var agreement = 1 - ((double)differences.Count / cases.Count);
            output.WriteLine($"{name}: {cases.Count - differences.Count}/{cases.Count} agree ({agreement:P2})");
            foreach (var (expected, actual) in differences)
            {
                output.WriteLine("  " + Difference(expected, actual));
            }

            if (agreement < RequiredAgreement)
            {
                failures.Add($"{name}: {agreement:P2} agreement on {cases.Count} numbers, under {RequiredAgreement:P1}:\n" +
                    string.Join('\n', differences.Take(20).Select(d => Difference(d.Expected, d.Actual))));
            }
        }

        Assert.True(cases.Count >= 500, $"the fixture holds only {cases.Count} numbers");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
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
    public void FixtureComesFromTheLibphonenumberJsVersionPinnedForTheCheck()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Phone", "agreement.json")));
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "phone-agreement", "package.json")));
        var pinned = package.RootElement.GetProperty("dependencies").GetProperty("libphonenumber-js").GetString();

        Assert.StartsWith($"libphonenumber-js {pinned} ", fixture.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    private static string Difference(AgreementCase expected, PhoneNumberInfo actual) =>
        $"{expected.Input} (region {expected.DefaultRegion ?? "none"}, {expected.Example} {expected.Kind}): " +
        $"libphonenumber-js {Verdict(expected.Valid, expected.E164, expected.Region, expected.Type)}, " +
        $"libphonenumber-csharp {Verdict(actual.Valid, actual.E164, actual.Region, actual.Type.Name())} {actual.Problem}";

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
