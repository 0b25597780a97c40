using System.Text;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>
/// Message template placeholders. <c>none</c>: no interpolation at all (Engage Digital sends one fixed text);
/// <c>whatsapp</c>: WhatsApp's variable rules (balanced <c>{{...}}</c>, sequential from 1, not at the start or end,
/// not side by side, one style).
/// </summary>
internal sealed class HsmVariablesCheck : Check
{
    private readonly bool _none;
    private readonly bool _placement;

    public HsmVariablesCheck(CheckParameters parameters)
    {
        var mode = parameters.Text("mode");
        _none = mode == "none";
        // placement: false leaves where the variables stand to the rules that know whether examples are given.
        _placement = parameters.Text("placement", required: false) is not "false";
        if (mode is not null and not "none" and not "whatsapp")
        {
            parameters.Problem($"'mode' must be none or whatsapp, not '{mode}'");
        }
    }

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text) || text.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return;
        }
        var problem = _none ? NoInterpolation(text) : WhatsAppRules(text, _placement);
        if (problem is not null)
        {
            scope.Fail(node, text, problem);
        }
    }

    private static string NoInterpolation(string text)
    {
        var start = text.IndexOf('{');
        var end = text.IndexOf('}', Math.Max(start, 0));
        while (end >= 0 && end + 1 < text.Length && text[end + 1] == '}')
        {
            end++;
        }
        return start >= 0 && end > start
            ? $"it contains the placeholder '{Clip(text[start..(end + 1)])}'"
            : "it contains a brace, which reads as a broken placeholder";
    }

    internal static string? WhatsAppRules(string text, bool placement = true)
    {
        var positions = new List<(int Start, int End, string Name)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                return "it has a '}' with no '{{' before it";
            }
            if (text[i] != '{')
            {
                continue;
            }
            if (i + 1 >= text.Length || text[i + 1] != '{')
            {
                return "it has a single '{': variables are written {{1}}";
            }
            var close = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
            var nextOpen = text.IndexOf('{', i + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                return "it has a '{{' that is never closed with '}}'";
            }
            var name = text[(i + 2)..close];
            if (name.Length == 0 || !(name.All(char.IsAsciiDigit) || name.All(c => c is (>= 'a' and <= 'z') or '_')))
            {
                return $"'{{{{{Clip(name)}}}}}' is not a variable: write {{{{1}}}}, {{{{2}}}}, ... or a lowercase name";
            }
            positions.Add((i, close + 2, name));
            i = close + 1;
        }
        if (positions.Count == 0)
        {
            return null;
        }
        var positional = positions.Count(p => char.IsAsciiDigit(p.Name[0]));
        if (positional != 0 && positional != positions.Count)
        {
            return "it mixes numbered and named variables";
        }
        if (positional > 0)
        {
            var numbers = positions.Select(p => int.TryParse(p.Name, out var n) ? n : -1).Distinct().Order().ToList();
            for (var n = 0; n < numbers.Count; n++)
            {
                if (numbers[n] != n + 1)
                {
                    return $"its variables are not numbered 1, 2, 3, ... in sequence ({{{{{n + 1}}}}} is missing)";
                }
            }
        }
        return placement ? TemplateVariables.Placement(text) : null;
    }

    private static string Clip(string text) => text.Length <= 20 ? text : text[..20] + "...";
}

/// <summary>The text has no emoji (WhatsApp rejects display names with emoji).</summary>
internal sealed class NoEmojiCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEmoji(rune))
            {
                scope.Fail(node, text, rune.ToString());
                return;
            }
        }
    }

    private static bool IsEmoji(Rune rune) => rune.Value is
        (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF) or 0xFE0F or 0x200D or (>= 0x1F1E6 and <= 0x1F1FF);
}

/// <summary>
/// The text is not written in capitals only. Short acronyms are fine ("SRN app", "IBM"); four or more letters with no
/// lowercase letter is what WhatsApp's display-name guidelines reject ("ZENVIA").
/// </summary>
internal sealed class NotAllCapitalsCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        int letters = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                lower += char.IsLower(c) ? 1 : 0;
            }
        }
        if (letters >= 4 && lower == 0)
        {
            scope.Fail(node, text);
        }
    }
}
