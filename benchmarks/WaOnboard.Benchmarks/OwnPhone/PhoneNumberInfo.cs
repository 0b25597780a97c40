namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>What the validator knows of one phone number.</summary>
/// <param name="Input">The number as given.</param>
/// <param name="Valid">True when the number is valid for its country's numbering plan.</param>
/// <param name="E164">The number in E.164 (<c>+33612345678</c>), or null when it is not valid.</param>
/// <param name="Region">The ISO 3166 region (<c>FR</c>), when known.</param>
/// <param name="Type">The number's type; <see cref="PhoneNumberType.Unknown"/> when it is not valid.</param>
internal sealed record PhoneNumberInfo(string Input, bool Valid, string? E164, string? Region, PhoneNumberType Type)
{
    /// <summary>The country calling code (<c>33</c>), when the number has one.</summary>
    public int? CountryCode { get; init; }

    /// <summary>Why the number is not valid, in words for the user; null when it is.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the number was written with its country code (<c>+</c>, <c>00</c> or <c>tel:+</c>).</summary>
    public bool HasCountryCode { get; init; }

    /// <summary>The digits of a wa.me link: country code and national number, no <c>+</c>, no trunk zero.</summary>
    public string? WaMeDigits => E164?[1..];
}
