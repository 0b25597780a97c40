using System.Globalization;
using System.Text;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>Characters that make a text look like something it is not: invisible ones, digits of other scripts, look-alike letters.</summary>
internal static class TextSafety
{
    // Cyrillic and Greek letters drawn like Latin ones, and their Latin reading (lower case: patterns on names ignore case).
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a',
        ['А'] = 'a',
        ['в'] = 'b',
        ['В'] = 'b',
        ['с'] = 'c',
        ['С'] = 'c',
        ['е'] = 'e',
        ['Е'] = 'e',
        ['ё'] = 'e',
        ['һ'] = 'h',
        ['Н'] = 'h',
        ['і'] = 'i',
        ['І'] = 'i',
        ['ј'] = 'j',
        ['Ј'] = 'j',
        ['к'] = 'k',
        ['К'] = 'k',
        ['м'] = 'm',
        ['М'] = 'm',
        ['о'] = 'o',
        ['О'] = 'o',
        ['р'] = 'p',
        ['Р'] = 'p',
        ['ԛ'] = 'q',
        ['ѕ'] = 's',
        ['Ѕ'] = 's',
        ['т'] = 't',
        ['Т'] = 't',
        ['у'] = 'y',
        ['У'] = 'y',
        ['х'] = 'x',
        ['Х'] = 'x',
        ['ԝ'] = 'w',
        ['Ԝ'] = 'w',
        ['α'] = 'a',
        ['Α'] = 'a',
        ['Β'] = 'b',
        ['ε'] = 'e',
        ['Ε'] = 'e',
        ['Η'] = 'h',
        ['ι'] = 'i',
        ['Ι'] = 'i',
        ['Κ'] = 'k',
        ['Μ'] = 'm',
        ['Ν'] = 'n',
        ['ν'] = 'v',
        ['ο'] = 'o',
        ['Ο'] = 'o',
        ['ρ'] = 'p',
        ['Ρ'] = 'p',
        ['Τ'] = 't',
        ['υ'] = 'u',
        ['Χ'] = 'x',
        ['χ'] = 'x',
        ['Υ'] = 'y',
        ['Ζ'] = 'z',
    };

    /// <summary>True for a character that shows nothing, or moves or hides other text: controls, zero-width and direction marks.</summary>
    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    /// <summary>The text as a reader sees it: invisible characters removed, full-width forms and look-alike letters read as Latin.</summary>
    /// <remarks>By hand rather than with NFKC: the product runs with invariant globalization, where normalization is not available.</remarks>
    public static string Fold(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            // Printable ASCII has nothing to fold: most values, which then cost no copy.
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }
            builder.Append(c switch
            {
                // Full-width ASCII (U+FF01-FF5E) is ASCII shifted by 0xFEE0; U+3000 is the ideographic space.
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => LookAlikes.TryGetValue(c, out var latin) ? latin : c,
            });
        }
        return builder.ToString();
    }

    /// <summary>The first character that would mislead a reader of an identifier (a digit of another script, an invisible character), described with what to do; else null.</summary>
    public static string? DescribeMisleading(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var what = c switch
            {
                >= '\u0660' and <= '\u0669' => "an Arabic-Indic digit",
                >= '\u06F0' and <= '\u06F9' => "an Eastern Arabic-Indic (Persian) digit",
                >= '\uFF10' and <= '\uFF19' => "a full-width digit",
                _ when char.IsDigit(c) && !char.IsAsciiDigit(c) => "a digit of another script",
                _ when IsInvisible(c) => "an invisible character",
                _ => null,
            };
            if (what is null)
            {
                continue;
            }
            var shown = IsInvisible(c) ? "" : $"'{c}' ";
            var advice = char.IsDigit(c)
                ? $" that looks like {(int)char.GetNumericValue(c)} but is not one of the digits 0-9: type the value again with 0-9"
                : ": remove it";
            return string.Create(CultureInfo.InvariantCulture, $"{shown}(U+{(int)c:X4}, {what}) at character {i + 1}{advice}");
        }
        return null;
    }

    /// <summary>
    /// A rule's pattern with the meaning its author expects, whatever .NET makes of it: <c>\d</c> is <c>[0-9]</c> (not any
    /// Unicode digit), <c>\D</c> is <c>[^0-9]</c>, and <c>$</c> is the very end of the text (not also before a final newline).
    /// </summary>
    /// <remarks>
    /// RegexOptions.ECMAScript gives the same digits but cannot be combined with the non-backtracking engine that keeps
    /// user patterns linear, so the pattern is rewritten instead. Escapes and character classes are followed so that
    /// <c>\$</c>, <c>[$]</c> and <c>\\d</c> keep their meaning.
    /// </remarks>
    public static string AsciiPattern(string pattern, out string? problem)
    {
        problem = null;
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                switch (next)
                {
                    case 'd':
                        builder.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D' when !inClass:
                        builder.Append("[^0-9]");
                        break;
                    case 'D':
                        problem = "'\\D' inside [...] would match digits of other scripts; write the class without it";
                        builder.Append("\\D");
                        break;
                    default:
                        builder.Append(c).Append(next);
                        break;
                }
                continue;
            }
            if (inClass)
            {
                if (c == ']' && builder[^1] != '[' && !(builder.Length >= 2 && builder[^1] == '^' && builder[^2] == '['))
                {
                    inClass = false;
                }
                builder.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    builder.Append(c);
                    break;
                case '$':
                    builder.Append("\\z");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}

/// <summary>The text holds no invisible character (controls, zero-width characters, direction overrides such as U+202E).</summary>
internal sealed class NoInvisibleCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        var at = Find(text);
        if (at >= 0)
        {
            scope.Fail(node, text, string.Create(CultureInfo.InvariantCulture, $"U+{(int)text[at]:X4} at character {at + 1}"));
        }
    }

    private static int Find(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (TextSafety.IsInvisible(text[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
