namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>Reads the digits out of the notations people write numbers in: spaces, dots, dashes, brackets, <c>+</c>, <c>tel:</c>.</summary>
internal static class Notation
{
    private const string TelScheme = "tel:";
    private const string PhoneContext = "phone-context=";

    // libphonenumber's VALID_PUNCTUATION: dashes, slashes, dots, spaces, brackets and tildes, ASCII and wide.
    private const string Punctuation =
        "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D" + "\uFF0F/" + "\uFF0E." +
        " \u00A0\u00AD\u200B\u2060\u3000\t" + "()\uFF08\uFF09\uFF3B\uFF3D[]" + "~\u2053\u223C\uFF5E";

    /// <summary>The ASCII digits of the number and whether it starts with <c>+</c>; or why it is not a number.</summary>
    public static (string Digits, bool Plus, string? Problem) Read(string input)
    {
        var text = input.AsSpan().Trim();
        if (text.StartsWith(TelScheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[TelScheme.Length..];
            var parameters = text.IndexOf(';');
            if (parameters >= 0)
            {
                // RFC 3966: a local number gets its country code from phone-context=+33.
                var context = GetParameter(text[(parameters + 1)..], PhoneContext);
                text = text[..parameters];
                if (context.StartsWith("+") && !text.StartsWith("+"))
                {
                    return Read(string.Concat(context, text));
                }
            }
        }

        if (text.IsEmpty)
        {
            return ("", false, "is empty");
        }

        Span<char> digits = text.Length <= PhoneNumbers.MaxInputLength ? stackalloc char[text.Length] : new char[text.Length];
        var count = 0;
        var plus = false;
        foreach (var c in text)
        {
            if (AsciiDigit(c) is var digit and not '\0')
            {
                digits[count++] = digit;
            }
            else if (c is '+' or '\uFF0B')
            {
                if (plus || count > 0)
                {
                    return ("", false, "has a + that is not at the start");
                }

                plus = true;
            }
            else if (!Punctuation.Contains(c, StringComparison.Ordinal))
            {
                return ("", false, $"contains \"{c}\", which is not part of a phone number");
            }
        }

        return count switch
        {
            0 => ("", false, "has no digits"),
            < 3 => ("", false, "has too few digits to be a phone number"),
            _ => (new string(digits[..count]), plus, null),
        };
    }

    // ASCII, wide and Arabic-Indic digits, as libphonenumber accepts them; '\0' for anything else.
    private static char AsciiDigit(char c) => c switch
    {
        >= '0' and <= '9' => c,
        >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => '\0',
    };

    private static ReadOnlySpan<char> GetParameter(ReadOnlySpan<char> parameters, string name)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range];
            if (parameter.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter[name.Length..];
            }
        }

        return [];
    }
}
