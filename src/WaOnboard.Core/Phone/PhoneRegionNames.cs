extern alias LibPhoneNumber;

using LibPhoneNumber::PhoneNumbers;

namespace WaOnboard.Phone;

/// <summary>Region names from libphonenumber's own table (country_names.txt), read one region at a time and cached by it.</summary>
/// <remarks>
/// .NET's RegionInfo cannot serve here: the product runs with InvariantGlobalization, where
/// <c>new RegionInfo("FR")</c> throws. libphonenumber names 242 of its 245 regions; not Ascension Island
/// (AC), Tristan da Cunha (TA) or Kosovo (XK), which get no name rather than one from a table of our own.
/// </remarks>
internal static class PhoneRegionNames
{
    /// <summary>The region's English name, or null when there is no region or no name for it.</summary>
    public static string? English(string? region) =>
        region is null ? null : new Locale("", region).GetDisplayCountry("en") is { Length: > 0 } name ? name : null;
}
