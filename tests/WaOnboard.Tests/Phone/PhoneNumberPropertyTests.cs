using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    [Property]
    public Property VerdictDoesNotDependOnNotation()
    {
        var notations =
            from e164 in Gen.Elements(Examples.Value)
            from prefix in Gen.Elements("+", "00", "tel:+", "+ ", "(+")
            from separators in Gen.Elements("", " ", "-", ".", "/", "\u00A0").ArrayOf()
            from bracketNational in Gen.Elements(false, true)
            select (E164: e164, Written: Write(e164, prefix, separators, bracketNational));

        return Prop.ForAll(notations.ToArbitrary(), number =>
        {
            var canonical = PhoneNumbers.Inspect(number.E164);
            var written = PhoneNumbers.Inspect(number.Written);
            return (canonical.Valid
                && written.Valid == canonical.Valid
                && written.E164 == canonical.E164
                && written.Region == canonical.Region
                && written.Type == canonical.Type
                && written.InternationalFormat == canonical.InternationalFormat).Label($"{number.Written}: {written}");
        });
    }

    [Property]
    public Property NeverThrowsOnArbitraryStrings()
    {
        var regions = Gen.Elements<string?>(null, "FR", "US", "GB", "fr", "XX", "", " ", "001");
        var inputs = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "");
        return Prop.ForAll(inputs.Zip(regions).ToArbitrary(), pair => Consistent(PhoneNumbers.Inspect(pair.Item1, pair.Item2)));
    }

    [Property]
    public Property NeverThrowsOnPhoneLikeStrings()
    {
        // Arbitrary strings rarely get past the first checks; these reach the numbering plans.
        // The pieces include what makes libphonenumber throw (a lone +, 00 without a region, too many digits) and
        // extension markers (x, #, ext).
        var pieces = Gen.Elements(
            "+", "0", "00", "1", "33", "44", "6", "7", "9", "12", "345", "99999999", " ", "-", ".", "(", ")", "tel:",
            ";phone-context=", ";ext=", "+1", ";", "\uFF11", "x", "#", " ext. ");
        var inputs = pieces.ArrayOf().Select(string.Concat);
        var regions = Gen.Elements<string?>(null, "FR", "US", "GB", "JE", "RU", "IT", "BR", "DE", "TA", "XX");
        return Prop.ForAll(inputs.Zip(regions).ToArbitrary(), pair => Consistent(PhoneNumbers.Inspect(pair.Item1, pair.Item2)));
    }

    [Property]
    public Property EveryExampleNumberIsValidWithTheRegionItResolvesTo() =>
        Prop.ForAll(Gen.Elements(Examples.Value).ToArbitrary(), e164 =>
        {
            var number = PhoneNumbers.Inspect(e164);
            return number.Valid && number.E164 == e164 && number.Type != PhoneNumberType.Unknown;
        });

    [Property]
    public Property AnExtensionAfterAValidNumberIsRefusedAsAnExtension()
    {
        var written =
            from e164 in Gen.Elements(Examples.Value)
            from marker in Gen.Elements(" ext. ", " ext ", " x", " x ", " #", " extension ")
            from extension in Gen.Choose(1, 999_999)
            select $"{e164}{marker}{extension}";
        return Prop.ForAll(written.ToArbitrary(), input =>
        {
            var number = PhoneNumbers.Inspect(input);
            return (!number.Valid && number.Problem!.StartsWith("has an extension", StringComparison.Ordinal)).Label($"{input}: {number.Problem}");
        });
    }

    [Property]
    public Property ALetterInAValidNumberIsRefusedAsALetter()
    {
        var written =
            from e164 in Gen.Elements(Examples.Value)
            from position in Gen.Choose(2, 6)
            from letter in Gen.Elements('A', 'B', 'O', 'Z', 'a', 'o', 'é')
            select e164[..position] + letter + e164[position..];
        return Prop.ForAll(written.ToArbitrary(), input =>
        {
            var number = PhoneNumbers.Inspect(input);
            return (!number.Valid && number.Problem!.StartsWith("contains the letter", StringComparison.Ordinal)).Label($"{input}: {number.Problem}");
        });
    }

    // A result is consistent when valid goes with an E.164, a type and both formats, and invalid with a reason and no formats.
    private static bool Consistent(PhoneNumberInfo number) =>
        number.Valid
            ? number.E164 is not null && number.Type != PhoneNumberType.Unknown && number.Problem is null
                && number.NationalFormat is not null && number.InternationalFormat is not null
            : number.E164 is null && number.Type == PhoneNumberType.Unknown && !string.IsNullOrEmpty(number.Problem)
                && number.NationalFormat is null && number.InternationalFormat is null;

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
