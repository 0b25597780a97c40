extern alias LibPhoneNumber;

using LibPhoneNumber::PhoneNumbers;
using Library = LibPhoneNumber::PhoneNumbers.PhoneNumberUtil;
using LibraryType = LibPhoneNumber::PhoneNumbers.PhoneNumberType;

namespace WaOnboard.Phone;

/// <summary>Parses, validates and classifies phone numbers with libphonenumber-csharp, never throwing.</summary>
/// <remarks>
/// A small adapter over Google's libphonenumber (the <c>PhoneNumbers</c> package), whose numbering plans and
/// classification are used as they are. What the adapter adds is the product's policy: input is bounded before
/// parsing, text around the number, letters (vanity numbers) and extensions are refused with a reason, since a
/// WhatsApp number is the number alone in digits; without a region, a leading <c>00</c> is read as the
/// international prefix (libphonenumber needs a region for it); and every failure is a result with a reason,
/// never an exception.
/// </remarks>
public static class PhoneNumbers
{
    /// <summary>Input longer than this is refused before it is parsed.</summary>
    public const int MaxInputLength = 64;

    private static readonly Library Util = Library.GetInstance();

    // Regions as libphonenumber spells them (upper case); "001", its code for non-geographic plans, is not one. A plain
    // set: a frozen one's analysis of its 245 keys costs more at start-up than its look-ups ever save a command.
    private static readonly HashSet<string> Regions = new(Util.GetSupportedRegions(), StringComparer.Ordinal);

    /// <summary>The version of libphonenumber-csharp whose numbering plans classify numbers.</summary>
    public static string MetadataVersion { get; } =
        typeof(Library).Assembly.GetName().Version is { } version ? $"{version.Major}.{version.Minor}.{version.Build}" : "unknown";

    /// <summary>True when <paramref name="region"/> is an ISO 3166 region with a numbering plan (any case: <c>fr</c>, <c>FR</c>).</summary>
    public static bool IsKnownRegion(string? region) =>
        region is not null && region.Trim() is { Length: 2 } code && Regions.Contains(code.ToUpperInvariant());

    /// <summary>Inspects a number in any common notation; <paramref name="defaultRegion"/> applies when it has no country code.</summary>
    public static PhoneNumberInfo Inspect(string input, string? defaultRegion = null)
    {
        input ??= "";
        if (input.Length > MaxInputLength)
        {
            return Invalid(input, $"is longer than {MaxInputLength} characters");
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(defaultRegion))
        {
            if (!IsKnownRegion(defaultRegion))
            {
                return Invalid(input, $"cannot be read with region \"{defaultRegion}\", which is not a known ISO 3166 region code");
            }

            region = defaultRegion.Trim().ToUpperInvariant();
        }

        var reading = Notation.Read(input);
        if (reading.Problem is not null)
        {
            return Invalid(input, reading.Unexpected is { } rest && Extension(input, region) ? ExtensionProblem(rest.Trim()) : reading.Problem);
        }

        var digits = reading.Digits;
        if (reading.Plus)
        {
            return Parse(input, "+" + digits, null, hasCountryCode: true);
        }

        if (region is null)
        {
            // Our addition to libphonenumber: 00 is the international prefix in most of the world.
            return digits.StartsWith("00", StringComparison.Ordinal) && digits.Length > 2
                ? Parse(input, "+" + digits[2..], null, hasCountryCode: true)
                : Invalid(input, "has no country code: write it with + and the country code, or give a region") with { LacksCountryCode = true };
        }

        return Parse(input, digits, region, hasCountryCode: false);
    }

    /// <summary>The reason given for a number written with an extension.</summary>
    internal static string ExtensionProblem(string extension) =>
        $"has an extension (\"{extension}\"): a WhatsApp number is the number alone; write it without the extension";

    // number: "+" and digits, or digits to read in region. hasCountryCode: written with +, 00 or tel:+ (a region's
    // own international prefix, such as 011 in the US, is learnt from the library).
    private static PhoneNumberInfo Parse(string input, string number, string? region, bool hasCountryCode)
    {
        PhoneNumber parsed;
        try
        {
            // With a region, the raw input is kept so that the library says whether the digits began with a country
            // code ("33 6 12...", "011 33 6...") or not.
            parsed = region is null ? Util.Parse(number, null) : Util.ParseAndKeepRawInput(number, region);
        }
        catch (NumberParseException e)
        {
            return Invalid(input, ParseProblem(e.ErrorType, number), hasCountryCode);
        }

        hasCountryCode |= region is not null && parsed.CountryCodeSource is not PhoneNumber.Types.CountryCodeSource.FROM_DEFAULT_COUNTRY;
        var countryCode = parsed.CountryCode;
        // IsValidNumber would look the region up again: for +1 that walks up to 25 regions' patterns.
        var regionCode = Util.GetRegionCodeForNumber(parsed);
        var numberRegion = RegionOf(regionCode);
        if (regionCode is null || !Util.IsValidNumberForRegion(parsed, regionCode))
        {
            return Invalid(input, InvalidProblem(parsed, numberRegion), hasCountryCode) with { Region = numberRegion, CountryCode = countryCode };
        }

        return new PhoneNumberInfo(input, true, Util.Format(parsed, PhoneNumberFormat.E164), numberRegion, TypeOf(Util.GetNumberType(parsed)))
        {
            CountryCode = countryCode,
            HasCountryCode = hasCountryCode,
        };
    }

    /// <summary>A valid number's E.164 in the national or international format of its region.</summary>
    internal static string Format(string e164, bool national)
    {
        // An E.164 from Inspect always parses; should one not, the E.164 itself is still a correct international form.
        try
        {
            return Util.Format(Util.Parse(e164, null), national ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    // True when libphonenumber reads an extension in the input ("ext. 12", "x12", "#12"), which it would otherwise drop.
    private static bool Extension(string input, string? region)
    {
        try
        {
            return Util.Parse(input, region).HasExtension;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static string ParseProblem(ErrorType error, string number) => error switch
    {
        ErrorType.INVALID_COUNTRY_CODE when number.StartsWith("+0", StringComparison.Ordinal) =>
            "has a country code starting with 0, and none does",
        ErrorType.INVALID_COUNTRY_CODE when number.StartsWith('+') =>
            $"has no known country code (it starts {number[..Math.Min(4, number.Length)]})",
        ErrorType.INVALID_COUNTRY_CODE => "has no country code: write it with + and the country code, or give a region",
        ErrorType.TOO_SHORT_AFTER_IDD => "has too few digits after the international prefix",
        ErrorType.TOO_SHORT_NSN => "has too few digits after the country code",
        ErrorType.TOO_LONG => "has too many digits to be a phone number",
        _ => "is not a phone number",
    };

    private static string InvalidProblem(PhoneNumber parsed, string? region)
    {
        // Named as the user knows the plan: its region, else the calling code's main region (US for +1), else +800.
        var plan = region ?? RegionOf(Util.GetRegionCodeForCountryCode(parsed.CountryCode)) ?? $"+{parsed.CountryCode}";
        return Util.IsPossibleNumberWithReason(parsed) switch
        {
            Library.ValidationResult.TOO_SHORT => $"is too short for {plan}",
            Library.ValidationResult.TOO_LONG => $"is too long for {plan}",
            Library.ValidationResult.INVALID_LENGTH =>
                $"has {Util.GetNationalSignificantNumber(parsed).Length} digits after the country code, a length {plan} does not use",
            Library.ValidationResult.INVALID_COUNTRY_CODE => $"has no known country code (it starts +{parsed.CountryCode})",
            _ => $"is not in a number range that {plan} uses",
        };
    }

    // libphonenumber's "ZZ" (unknown) and "001" (non-geographic, as +800) are no region.
    private static string? RegionOf(string? code) => code is null or "ZZ" or "001" ? null : code;

    private static PhoneNumberType TypeOf(LibraryType type) => type switch
    {
        LibraryType.FIXED_LINE => PhoneNumberType.FixedLine,
        LibraryType.MOBILE => PhoneNumberType.Mobile,
        LibraryType.FIXED_LINE_OR_MOBILE => PhoneNumberType.FixedLineOrMobile,
        LibraryType.TOLL_FREE => PhoneNumberType.TollFree,
        LibraryType.PREMIUM_RATE => PhoneNumberType.PremiumRate,
        LibraryType.SHARED_COST => PhoneNumberType.SharedCost,
        LibraryType.VOIP => PhoneNumberType.Voip,
        LibraryType.PERSONAL_NUMBER => PhoneNumberType.PersonalNumber,
        LibraryType.PAGER => PhoneNumberType.Pager,
        LibraryType.UAN => PhoneNumberType.Uan,
        LibraryType.VOICEMAIL => PhoneNumberType.Voicemail,
        _ => PhoneNumberType.Unknown,
    };

    private static PhoneNumberInfo Invalid(string input, string problem, bool hasCountryCode = false) =>
        new(input, false, null, null, PhoneNumberType.Unknown) { Problem = problem, HasCountryCode = hasCountryCode };
}
