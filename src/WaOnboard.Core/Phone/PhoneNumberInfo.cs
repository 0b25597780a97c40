namespace WaOnboard.Phone;

/// <summary>What the validator knows of one phone number.</summary>
/// <param name="Input">The number as given.</param>
/// <param name="Valid">True when the number is valid for its country's numbering plan.</param>
/// <param name="E164">The number in E.164 (<c>+33612345678</c>), or null when it is not valid.</param>
/// <param name="Region">The ISO 3166 region (<c>FR</c>), when known.</param>
/// <param name="Type">The number's type; <see cref="PhoneNumberType.Unknown"/> when it is not valid.</param>
public sealed record PhoneNumberInfo(string Input, bool Valid, string? E164, string? Region, PhoneNumberType Type)
{
    /// <summary>The country calling code (<c>33</c>), when the number has one.</summary>
    public int? CountryCode { get; init; }

    /// <summary>Why the number is not valid, in words for the user; null when it is.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the number is not valid only for want of a country code (and no region was given to supply one).</summary>
    public bool LacksCountryCode { get; init; }

    /// <summary>True when the number was written with its country code (after <c>+</c>, <c>00</c>, <c>tel:+</c> or the region's international prefix, or as its first digits).</summary>
    public bool HasCountryCode { get; init; }

    // The formats and the region's name cost more than parsing (the library matches its formatting patterns again), and
    // most callers (the rules, the registry) need none of them: they are worked out from the E.164 when asked for.

    /// <summary>The number as it is dialled within its country (<c>06 12 34 56 78</c>), or null when it is not valid.</summary>
    public string? NationalFormat => E164 is null ? null : PhoneNumbers.Format(E164, national: true);

    /// <summary>The number as it is written for the world (<c>+33 6 12 34 56 78</c>), or null when it is not valid.</summary>
    public string? InternationalFormat => E164 is null ? null : PhoneNumbers.Format(E164, national: false);

    /// <summary>The region's English name (<c>France</c>), or null when the number is not valid, has no region, or libphonenumber names none (AC, TA, XK).</summary>
    public string? RegionName => Valid ? PhoneRegionNames.English(Region) : null;

    /// <summary>The digits of a wa.me link: country code and national number, no <c>+</c>, no trunk zero.</summary>
    public string? WaMeDigits => E164?[1..];
}
