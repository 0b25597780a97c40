using System.Text;

namespace WaOnboard.Snippets;

/// <summary>Builds click to chat links from digits and percent-encoded text only.</summary>
public static class WaLinks
{
    /// <summary>The wa.me link: <c>https://wa.me/&lt;digits&gt;</c>, with <c>?text=</c> when there is pre-filled text.</summary>
    public static string WaMe(string digits, string? text = null)
    {
        RequireDigits(digits);
        return string.IsNullOrEmpty(text) ? "https://wa.me/" + digits : "https://wa.me/" + digits + "?text=" + EncodeUriComponent(text);
    }

    /// <summary>The app deep link <c>whatsapp://send?text=...</c> (opens the composer; the user picks the contact).</summary>
    public static string DeepLink(string? text) =>
        string.IsNullOrEmpty(text) ? "whatsapp://send" : "whatsapp://send?text=" + EncodeUriComponent(text);

    /// <summary>Percent-encodes text as JavaScript's encodeURIComponent does; a lone surrogate becomes U+FFFD.</summary>
    public static string EncodeUriComponent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 && IsUnreserved(c))
            {
                builder.Append(c);
                continue;
            }
            // A lone surrogate decodes to U+FFFD (encodeURIComponent would throw; a link must still come out).
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            i += consumed - 1;
            var length = rune.EncodeToUtf8(bytes);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(Hex[bytes[b] >> 4]).Append(Hex[bytes[b] & 0xF]);
            }
        }
        return builder.ToString();
    }

    private const string Hex = "0123456789ABCDEF";

    // encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) as they are.
    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';

    private static void RequireDigits(string digits)
    {
        // wa.me wants country code and national number, digits only, no leading zero (spec/whatsapp-facts.md section 6).
        if (digits.Length is < 7 or > 15 || digits[0] == '0' || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{digits}' is not the digits of an international number (country code and number, 7 to 15 digits).", nameof(digits));
        }
    }
}
