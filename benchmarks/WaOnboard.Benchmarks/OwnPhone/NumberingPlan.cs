using System.Text.RegularExpressions;

namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>How a national number's length compares with the lengths its plan uses (libphonenumber's checkNumberLength).</summary>
internal enum LengthVerdict
{
    Possible,
    TooShort,
    TooLong,
    InvalidLength,
}

/// <summary>One numbering plan with its patterns; each regex is compiled the first time it is needed.</summary>
internal sealed class NumberingPlan
{
    // The order in which libphonenumber tries the types other than fixed line (getNumberType).
    private static readonly PhoneNumberType[] OtherTypes =
    [
        PhoneNumberType.Mobile,
        PhoneNumberType.PremiumRate,
        PhoneNumberType.TollFree,
        PhoneNumberType.SharedCost,
        PhoneNumberType.Voip,
        PhoneNumberType.PersonalNumber,
        PhoneNumberType.Pager,
        PhoneNumberType.Uan,
        PhoneNumberType.Voicemail,
    ];

    private readonly LazyRegex pattern;
    private readonly LazyRegex? internationalPrefix;
    private readonly LazyRegex? nationalPrefixForParsing;
    private readonly string? nationalPrefixTransformRule;
    private readonly TypePattern? fixedLine;
    private readonly TypePattern[] others;

    // True when the plan does not tell fixed lines from mobiles: no mobile pattern, or an empty one (US).
    private readonly bool fixedLineOrMobile;

    public NumberingPlan(string? region, PlanData data)
    {
        Region = region;
        CallingCode = data.CallingCode;
        Lengths = data.Lengths;
        pattern = LazyRegex.Whole(data.Pattern);
        internationalPrefix = LazyRegex.Prefix(data.InternationalPrefix);
        // As libphonenumber: without its own parsing rule, the national prefix itself is stripped.
        nationalPrefixForParsing = LazyRegex.Prefix(data.NationalPrefixForParsing ?? data.NationalPrefix);
        nationalPrefixTransformRule = data.NationalPrefixTransformRule;
        LeadingDigits = data.LeadingDigits;

        fixedLine = TypePattern.From(data, PhoneNumberType.FixedLine);
        fixedLineOrMobile = !data.Types.TryGetValue(PhoneNumberType.Mobile.Name(), out var mobile) || mobile.Pattern.Length == 0;
        others = [.. OtherTypes.Select(type => TypePattern.From(data, type)).OfType<TypePattern>()];
    }

    /// <summary>The ISO 3166 region, or null for a non-geographic calling code.</summary>
    public string? Region { get; }

    /// <summary>The calling code without <c>+</c>.</summary>
    public string CallingCode { get; }

    /// <summary>How the plan is named to users: its region, or <c>+800</c>.</summary>
    public string DisplayName => Region ?? "+" + CallingCode;

    /// <summary>The lengths of national numbers, ascending.</summary>
    public int[] Lengths { get; }

    /// <summary>True when the whole national number fits the plan's general pattern.</summary>
    public bool MatchesPattern(string nationalNumber) => pattern.Value.IsMatch(nationalNumber);

    /// <summary>The pattern national numbers of this region start with, when its calling code is shared and it is not the main region.</summary>
    public string? LeadingDigits { get; }

    /// <summary>The length of the international (IDD) prefix the digits start with, or 0.</summary>
    public int InternationalPrefixLength(string digits)
    {
        if (internationalPrefix is null)
        {
            return 0;
        }

        var match = internationalPrefix.Value.Match(digits);
        return match.Success ? match.Length : 0;
    }

    /// <summary>The number with its national prefix (trunk zero, carrier code) removed or transformed, as libphonenumber's
    /// extractNationalNumberFromPossiblyIncompleteNumber; the number itself when there is none.</summary>
    public string StripNationalPrefix(string number)
    {
        if (nationalPrefixForParsing is null || number.Length == 0)
        {
            return number;
        }

        var match = nationalPrefixForParsing.Value.Match(number);
        if (!match.Success)
        {
            return number;
        }

        var lastGroup = match.Groups.Count - 1;
        var hasCapturedGroups = lastGroup > 0 && match.Groups[lastGroup].Length > 0;
        var rest = number[match.Length..];
        return nationalPrefixTransformRule is not null && hasCapturedGroups
            ? Substitute(nationalPrefixTransformRule, match) + rest
            : rest;
    }

    /// <summary>How the number's length compares with the plan's lengths.</summary>
    public LengthVerdict CheckLength(string nationalNumber)
    {
        var length = nationalNumber.Length;
        if (Lengths.Length == 0 || Lengths[0] == length)
        {
            return LengthVerdict.Possible;
        }

        if (Lengths[0] > length)
        {
            return LengthVerdict.TooShort;
        }

        if (Lengths[^1] < length)
        {
            return LengthVerdict.TooLong;
        }

        return Array.IndexOf(Lengths, length) >= 0 ? LengthVerdict.Possible : LengthVerdict.InvalidLength;
    }

    /// <summary>The number's type in this plan, or null when the number is not valid here (libphonenumber's getNumberType).</summary>
    public PhoneNumberType? TypeOf(string nationalNumber)
    {
        if (!MatchesPattern(nationalNumber))
        {
            return null;
        }

        if (fixedLine is not null && fixedLine.Matches(nationalNumber, Lengths))
        {
            return fixedLineOrMobile || IsMobile(nationalNumber) ? PhoneNumberType.FixedLineOrMobile : PhoneNumberType.FixedLine;
        }

        foreach (var type in others)
        {
            if (type.Matches(nationalNumber, Lengths))
            {
                return type.Type;
            }
        }

        return null;
    }

    private bool IsMobile(string nationalNumber) =>
        others.Length > 0 && others[0].Type == PhoneNumberType.Mobile && others[0].Matches(nationalNumber, Lengths);

    // JavaScript's String.replace with "$n" references, which the transform rules use ("9$1", "$2").
    private static string Substitute(string rule, Match match)
    {
        var builder = new System.Text.StringBuilder(rule.Length + 8);
        for (var i = 0; i < rule.Length; i++)
        {
            if (rule[i] == '$' && i + 1 < rule.Length && char.IsAsciiDigit(rule[i + 1]) && rule[i + 1] - '0' < match.Groups.Count)
            {
                builder.Append(match.Groups[rule[i + 1] - '0'].Value);
                i++;
            }
            else
            {
                builder.Append(rule[i]);
            }
        }

        return builder.ToString();
    }

    private sealed class TypePattern(PhoneNumberType type, LazyRegex regex, int[]? lengths)
    {
        public PhoneNumberType Type { get; } = type;

        // The data file names types as the spec does (trim-metadata.mjs).
        public static TypePattern? From(PlanData data, PhoneNumberType type) =>
            data.Types.TryGetValue(type.Name(), out var found) && found.Pattern.Length > 0
                ? new TypePattern(type, LazyRegex.Whole(found.Pattern), found.Lengths)
                : null;

        // The length test first: it is cheap and rules out most types before any regex runs.
        public bool Matches(string nationalNumber, int[] planLengths) =>
            Array.IndexOf(lengths ?? planLengths, nationalNumber.Length) >= 0 && regex.Value.IsMatch(nationalNumber);
    }
}

/// <summary>A metadata pattern compiled on first use, so that only the plans a process meets cost anything.</summary>
internal sealed class LazyRegex
{
    // Interpreted, not RegexOptions.Compiled (PhoneRegexBenchmarks, GB fixed line, on this project's 2-core
    // machine): Compiled matches in 70-85 ns instead of 125-170 ns but takes 550-800 us instead of 90-145 us
    // to construct, and a plan has up to 12 patterns. Interpreted, a whole Inspect has a median of
    // 0.3-1.3 us, 2.7 us for the worst case (the last of the 25 regions of +1): within the 3 us target.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private readonly string anchored;
    private Regex? value;

    private LazyRegex(string anchored) => this.anchored = anchored;

    /// <summary>The regex; a race compiles it twice at worst, both equal.</summary>
    public Regex Value => value ??= new Regex(anchored, Options);

    /// <summary>A pattern that must match the whole input, as libphonenumber's matchesEntirely.</summary>
    public static LazyRegex Whole(string pattern) => new($"^(?:{pattern})\\z");

    /// <summary>A pattern that must match at the start of the input; null when there is none.</summary>
    public static LazyRegex? Prefix(string? pattern) => string.IsNullOrEmpty(pattern) ? null : new($"^(?:{pattern})");
}
