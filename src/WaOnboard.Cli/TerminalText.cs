using System.Globalization;
using System.Text;

namespace WaOnboard.Cli;

/// <summary>Text from a packet made safe for a terminal: colours and cursor moves come only from the product.</summary>
internal static class TerminalText
{
    /// <summary>Writes every control character (ESC, CR, ...) and every invisible formatting one (U+202E, U+200B, ...) as a visible <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnsafe(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
