using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using WaOnboard.Phone;

namespace WaOnboard.Tests.Phone;

public sealed class PhoneNumberPropertyTests
{
    // Valid example numbers of every region and type, from the agreement fixture (drawn from the metadata).
    private static readonly Lazy<string[]> Examples = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Phone", "agreement.json"));
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "example" && c.GetProperty("valid").GetBoolean())
            .Select(c => c.GetProperty("e164").GetString()!)];
    });

    [Fact]
    public void VerdictDoesNotDependOnNotation()
    {
        var notations =
            from e164 in Gen.Elements(Examples.Value)
            from prefix in Gen.Elements("+", "00", "tel:+", "+ ", "(+")
            from separators in Gen.Elements("", " ", "-", ".", "/", "\u00A0").ArrayOf()
            from bracketNational in Gen.Elements(false, true)
            select (E164: e164, Written: Write(e164, prefix, separators, bracketNational));

        Prop.ForAll(notations.ToArbitrary(), number =>
        {
            var canonical = PhoneNumbers.Inspect(number.E164);
            var written = PhoneNumbers.Inspect(number.Written);
            return canonical.Valid
                && written.Valid == canonical.Valid
                && written.E164 == canonical.E164
                && written.Region == canonical.Region
                && written.Type == canonical.Type;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NeverThrowsOnArbitraryStrings()
    {
        var regions = Gen.Elements<string?>(null, "FR", "US", "GB", "fr", "XX", "", " ", "001");
        var inputs = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "");
        Prop.ForAll(inputs.Zip(regions).ToArbitrary(), pair => Consistent(PhoneNumbers.Inspect(pair.Item1, pair.Item2)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NeverThrowsOnPhoneLikeStrings()
    {
        // Arbitrary strings rarely get past the first checks; these reach the numbering plans.
        var pieces = Gen.Elements("+", "0", "00", "1", "33", "44", "6", "7", "9", "12", "345", " ", "-", ".", "(", ")", "tel:", ";phone-context=", "+1", ";", "\uFF11", "x");
        var inputs = pieces.ArrayOf().Select(string.Concat);
        var regions = Gen.Elements<string?>(null, "FR", "US", "GB", "JE", "RU", "IT", "BR", "DE");
        Prop.ForAll(inputs.Zip(regions).ToArbitrary(), pair => Consistent(PhoneNumbers.Inspect(pair.Item1, pair.Item2)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EveryExampleNumberIsValidWithTheRegionItResolvesTo()
    {
        Prop.ForAll(Gen.Elements(Examples.Value).ToArbitrary(), e164 =>
        {
            var number = PhoneNumbers.Inspect(e164);
            return number.Valid && number.E164 == e164 && number.Type != PhoneNumberType.Unknown;
        }).QuickCheckThrowOnFailure();
    }

    // A result is consistent when valid goes with an E.164 and a type, and invalid with a reason.
    private static bool Consistent(PhoneNumberInfo number) =>
        number.Valid
            ? number.E164 is not null && number.Type != PhoneNumberType.Unknown && number.Problem is null
            : number.E164 is null && number.Type == PhoneNumberType.Unknown && !string.IsNullOrEmpty(number.Problem);

    // The country code after the prefix, then the national number with separators between digits.
    private static string Write(string e164, string prefix, string[] separators, bool bracketNational)
    {
        var countryCode = PhoneNumbers.Inspect(e164).CountryCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var national = e164[(1 + countryCode.Length)..];
        var builder = new System.Text.StringBuilder(prefix).Append(countryCode);
        builder.Append(prefix == "(+" ? ") " : " ");
        if (bracketNational)
        {
            builder.Append('(').Append(national[0]).Append(") ");
            national = national[1..];
        }

        for (var i = 0; i < national.Length; i++)
        {
            builder.Append(national[i]);
            if (separators.Length > 0 && i < national.Length - 1)
            {
                builder.Append(separators[i % separators.Length]);
            }
        }

        return builder.ToString();
    }
}
