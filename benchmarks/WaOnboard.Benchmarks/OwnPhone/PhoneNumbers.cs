using System.Globalization;

namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>Parses, validates and classifies phone numbers.</summary>
/// <remarks>
/// Follows libphonenumber-js (parsePhoneNumberFromString with its "max" metadata) step by step, so that
/// its verdicts agree (tests/WaOnboard.Tests/Phone/agreement.json). Deliberate differences: without a
/// region, a leading <c>00</c> is read as the international prefix (libphonenumber needs a region for it);
/// text around the number, letters and extensions (<c>ext. 12</c>) are refused, not skipped, since a
/// WhatsApp number is the number alone.
/// </remarks>
internal static class PhoneNumbers
{
    /// <summary>Input longer than this is refused before any pattern runs.</summary>
    public const int MaxInputLength = 64;

    // libphonenumber's bounds on a national number (constants.js MIN/MAX_LENGTH_FOR_NSN).
    private const int MinNationalLength = 2;
    private const int MaxNationalLength = 17;

    /// <summary>The libphonenumber-js version the numbering-plan data comes from.</summary>
    public static string MetadataVersion => PhoneMetadata.Current.Version;

    /// <summary>Inspects a number in any common notation; <paramref name="defaultRegion"/> applies when it has no country code.</summary>
    public static PhoneNumberInfo Inspect(string input, string? defaultRegion = null)
    {
        input ??= "";
        if (input.Length > MaxInputLength)
        {
            return Invalid(input, $"is longer than {MaxInputLength} characters");
        }

        var (digits, plus, problem) = Notation.Read(input);
        if (problem is not null)
        {
            return Invalid(input, problem);
        }

        var metadata = PhoneMetadata.Current;
        NumberingPlan? regionPlan = null;
        if (!string.IsNullOrWhiteSpace(defaultRegion))
        {
            regionPlan = metadata.Region(defaultRegion.Trim().ToUpperInvariant());
            if (regionPlan is null)
            {
                return Invalid(input, $"cannot be read with region \"{defaultRegion}\", which is not a known ISO 3166 region code");
            }
        }

        return plus ? International(input, digits, metadata) : WithoutPlus(input, digits, regionPlan, metadata);
    }

    private static PhoneNumberInfo WithoutPlus(string input, string digits, NumberingPlan? regionPlan, PhoneMetadata metadata)
    {
        if (regionPlan is null)
        {
            // Our addition to libphonenumber: 00 is the international prefix in most of the world.
            return digits.StartsWith("00", StringComparison.Ordinal) && digits.Length > 2 && digits[2] != '0'
                ? International(input, digits[2..], metadata)
                : Invalid(input, "has no country code: write it with + and the country code, or give a region");
        }

        var prefixLength = regionPlan.InternationalPrefixLength(digits);
        if (prefixLength > 0 && digits.Length > prefixLength && digits[prefixLength] != '0')
        {
            return International(input, digits[prefixLength..], metadata);
        }

        var callingCode = metadata.CallingCode(regionPlan.CallingCode)!;
        // Written with the country code but no + ("33612345678" with region FR), as libphonenumber reads it.
        if (digits.StartsWith(regionPlan.CallingCode, StringComparison.Ordinal))
        {
            var shorter = digits[regionPlan.CallingCode.Length..];
            var whole = NationalNumber(digits, regionPlan, callingCode);
            if ((!regionPlan.MatchesPattern(whole) && regionPlan.MatchesPattern(NationalNumber(shorter, regionPlan, callingCode)))
                || regionPlan.CheckLength(whole) == LengthVerdict.TooLong)
            {
                return Classify(input, callingCode, shorter, callingCode.Main, region: null, hasCountryCode: true);
            }
        }

        return Classify(input, callingCode, digits, regionPlan, regionPlan.Region, hasCountryCode: false);
    }

    // digits: what follows the + or the international prefix.
    private static PhoneNumberInfo International(string input, string digits, PhoneMetadata metadata)
    {
        if (digits.Length > 0 && digits[0] == '0')
        {
            return Invalid(input, "has a country code starting with 0, and none does", hasCountryCode: true);
        }

        for (var length = 1; length <= 3 && length <= digits.Length; length++)
        {
            if (metadata.CallingCode(digits.AsSpan(0, length)) is { } callingCode)
            {
                return Classify(input, callingCode, digits[length..], callingCode.Main, region: null, hasCountryCode: true);
            }
        }

        return digits.Length == 0
            ? Invalid(input, "has no digits after the international prefix", hasCountryCode: true)
            : Invalid(input, $"has no known country code (it starts +{Truncate(digits, 3)})", hasCountryCode: true);
    }

    // plan: the plan selected so far (the region's, or the calling code's main one); region: the region given, for a national number.
    private static PhoneNumberInfo Classify(
        string input, CallingCodePlans callingCode, string number, NumberingPlan plan, string? region, bool hasCountryCode)
    {
        var countryCode = int.Parse(callingCode.CallingCode, CultureInfo.InvariantCulture);
        var nationalNumber = number.Length == 0 ? number : NationalNumber(number, plan, callingCode);
        var exact = callingCode.RegionOf(nationalNumber);
        if (exact is not null)
        {
            plan = exact;
            region = exact.Region;
        }

        string? problem;
        if (nationalNumber.Length < MinNationalLength)
        {
            problem = $"is too short for {plan.DisplayName}";
        }
        else if (nationalNumber.Length > MaxNationalLength)
        {
            problem = $"is too long for {plan.DisplayName}";
        }
        else
        {
            // As libphonenumber: without a region the calling code's main plan decides (US for +1).
            var validationPlan = region is null ? callingCode.Main : plan;
            if (validationPlan.TypeOf(nationalNumber) is { } type)
            {
                return new PhoneNumberInfo(input, true, $"+{callingCode.CallingCode}{nationalNumber}", region, type)
                {
                    CountryCode = countryCode,
                    HasCountryCode = hasCountryCode,
                };
            }

            problem = validationPlan.CheckLength(nationalNumber) switch
            {
                LengthVerdict.TooShort => $"is too short for {validationPlan.DisplayName}",
                LengthVerdict.TooLong => $"is too long for {validationPlan.DisplayName}",
                LengthVerdict.InvalidLength => $"has {nationalNumber.Length} digits after the country code, a length {validationPlan.DisplayName} does not use",
                _ => $"is not in a number range that {validationPlan.DisplayName} uses",
            };
        }

        return Invalid(input, problem, hasCountryCode) with { Region = region, CountryCode = countryCode };
    }

    // libphonenumber's extractNationalNumber: strip the national prefix unless that makes the number worse.
    private static string NationalNumber(string number, NumberingPlan plan, CallingCodePlans callingCode)
    {
        var stripped = plan.StripNationalPrefix(number);
        if (stripped == number)
        {
            return number;
        }

        if (plan.MatchesPattern(number) && !plan.MatchesPattern(stripped))
        {
            return number;
        }

        var lengthPlan = callingCode.RegionOf(stripped) ?? plan;
        return lengthPlan.CheckLength(stripped) is LengthVerdict.TooShort or LengthVerdict.InvalidLength ? number : stripped;
    }

    private static PhoneNumberInfo Invalid(string input, string problem, bool hasCountryCode = false) =>
        new(input, false, null, null, PhoneNumberType.Unknown) { Problem = problem, HasCountryCode = hasCountryCode };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
