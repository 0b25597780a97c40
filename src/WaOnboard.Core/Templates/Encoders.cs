using System.Text;
using HandlebarsDotNet;

namespace WaOnboard.Templates;

/// <summary>
/// The encoder of HTML templates. Set explicitly rather than relying on Handlebars' default, so that what is escaped
/// is decided here: the five HTML specials (every attribute in the templates is quoted, so these suffice in text and
/// attribute values alike), and characters an HTML parser reports as errors (controls, non-characters, lone surrogates) become U+FFFD so a
/// hostile value can never make the page malformed. Everything else, RTL text and emoji included, passes as UTF-8.
/// </summary>
internal sealed class HtmlTextEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                if (!IsAllowed(c))
                {
                    replacement = "\uFFFD";
                }
            }
            if (replacement is null)
            {
                continue;
            }
            target.Write(text.AsSpan(start, i - start));
            target.Write(replacement);
            start = i + 1;
        }
        target.Write(text.AsSpan(start));
    }

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        if (text is null)
        {
            return;
        }
        var builder = new StringBuilder();
        while (text.MoveNext())
        {
            builder.Append(text.Current);
        }
        Encode(builder.ToString(), target);
    }

    /// <summary>True for a character an HTML parser accepts without a parse error.</summary>
    internal static bool IsAllowed(char c) =>
        c switch
        {
            '\t' or '\n' or '\r' => true,
            < ' ' => false,
            >= '\u007F' and <= '\u009F' => false,
            >= '\uFDD0' and <= '\uFDEF' => false,
            '\uFFFE' or '\uFFFF' => false,
            _ when char.IsSurrogate(c) => false,
            _ => true,
        };
}

/// <summary>The encoder of text templates: writes values as they are, never HTML entities.</summary>
internal sealed class PlainTextEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => target.Write(text);

    public void Encode(string? text, TextWriter target) => target.Write(text);

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        while (text is not null && text.MoveNext())
        {
            target.Write(text.Current);
        }
    }
}
