namespace WaOnboard.Phone;

/// <summary>Parses, validates and classifies phone numbers.</summary>
public static class PhoneNumbers
{
    /// <summary>Input longer than this is refused before any pattern runs.</summary>
    public const int MaxInputLength = 64;

    /// <summary>Inspects a number in any common notation; <paramref name="defaultRegion"/> applies when it has no country code.</summary>
    public static PhoneNumberInfo Inspect(string input, string? defaultRegion = null)
    {
        // Interim: E.164 shape only, until the numbering-plan metadata lands (phone module).
        var digits = new string([.. input.Where(char.IsAsciiDigit)]);
        var international = input.TrimStart().StartsWith('+');
        var valid = input.Length <= MaxInputLength && international && digits.Length is >= 8 and <= 15 && digits[0] != '0';
        return new PhoneNumberInfo(input, valid, valid ? "+" + digits : null, null, PhoneNumberType.Unknown)
        {
            HasCountryCode = international,
            Problem = valid ? null : "is not a number in international format (+ and country code)",
        };
    }
}
