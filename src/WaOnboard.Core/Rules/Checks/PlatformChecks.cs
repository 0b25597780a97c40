using System.Buffers;
using System.Globalization;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>The field is not there at all: a field that must never be written (a secret), or one that is read no more.</summary>
internal sealed class AbsentCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (node is not null and not ScalarNode { Kind: ScalarKind.Null })
        {
            scope.Fail(node, node is ScalarNode scalar ? scalar.Text : null);
        }
    }
}

/// <summary>
/// No field of the packet whose name contains <c>pin</c> holds a six-digit value: the two-step verification PIN is
/// a secret, and a packet is a shared document. Looks at the whole packet wherever the rule's path points.
/// </summary>
internal sealed class NoPinValuesCheck : Check
{
    private const int MaxDepth = 32;

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (scope.Run.Document.Root is not { } root)
        {
            return;
        }
        // The way down is kept as keys and item indices, from the pool: a path is written only for a finding, so a
        // packet without a PIN costs no allocation however many fields it has.
        var keys = ArrayPool<string?>.Shared.Rent(MaxDepth + 2);
        var items = ArrayPool<int>.Shared.Rent(MaxDepth + 2);
        try
        {
            Walk(root, new Way(keys, items), scope, 0, inPhone: false);
        }
        finally
        {
            ArrayPool<string?>.Shared.Return(keys, clearArray: true);
            ArrayPool<int>.Shared.Return(items);
        }
    }

    private static void Walk(PacketNode node, Way way, CheckScope scope, int depth, bool inPhone)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        switch (node)
        {
            case MapNode map:
                // By index: the entries are an IReadOnlyList, whose enumerator would be boxed for every map.
                for (var e = 0; e < map.Entries.Count; e++)
                {
                    var entry = map.Entries[e];
                    way.Keys[depth] = entry.Key;
                    // phone.twoStepPin has its own rule (phone-two-step-pin-absent), whatever its value.
                    var twoStepPin = inPhone ? entry.Key == "twoStepPin" : depth == 0 && entry.Key == "phone.twoStepPin";
                    if (!twoStepPin && entry.Key.Contains("pin", StringComparison.OrdinalIgnoreCase) && entry.Value is ScalarNode scalar && IsSixDigits(scalar.Text))
                    {
                        // The value itself is never echoed: it is the secret.
                        scope.Fail(entry.Value, "******", null, way.PathTo(depth));
                        continue;
                    }
                    Walk(entry.Value, way, scope, depth + 1, inPhone: depth == 0 && entry.Key == "phone");
                }
                break;
            case ListNode list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    way.Keys[depth] = null;
                    way.Items[depth] = i;
                    Walk(list.Items[i], way, scope, depth + 1, inPhone: false);
                }
                break;
        }
    }

    /// <summary>The steps from the root: a key, or (when the key is null) an item index, per depth.</summary>
    private readonly record struct Way(string?[] Keys, int[] Items)
    {
        public string PathTo(int depth)
        {
            var path = "";
            for (var i = 0; i <= depth; i++)
            {
                path = Keys[i] is { } key ? PacketPath.Field(path, key) : PacketPath.Item(path, Items[i]);
            }
            return path;
        }
    }

    private static bool IsSixDigits(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 6 && trimmed.All(char.IsAsciiDigit);
    }
}

/// <summary>The text shares at least one word with one of the fields of <c>with</c> (paths from the packet's root) that are given.</summary>
internal sealed class SharesWordCheck(CheckParameters parameters) : Check
{
    private const CompareOptions Loosely = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    private readonly string[] _with = parameters.List("with");

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        var root = scope.Run.Document.Root;
        // The first field given is the one the message names; the words are compared in place, without sets or substrings.
        string? first = null;
        foreach (var path in _with)
        {
            switch (PacketPath.Find(root, path))
            {
                case ScalarNode { IsBlank: false } other when SharesWord(text, other.Text):
                    return;
                case ScalarNode { IsBlank: false } other:
                    first ??= other.Text;
                    break;
                case ListNode list:
                    foreach (var item in list.Items)
                    {
                        if (item is ScalarNode { IsBlank: false } listed)
                        {
                            if (SharesWord(text, listed.Text))
                            {
                                return;
                            }
                            first ??= listed.Text;
                        }
                    }
                    break;
            }
        }
        if (first is not null)
        {
            scope.Fail(node, text, first);
        }
    }

    /// <summary>True when a word of one text is a word of the other, ignoring case (accents too, where globalization is not invariant).</summary>
    internal static bool SharesWord(string text, string other)
    {
        for (var (start, end) = NextWord(text, 0); start >= 0; (start, end) = NextWord(text, end))
        {
            for (var (from, to) = NextWord(other, 0); from >= 0; (from, to) = NextWord(other, to))
            {
                if (CultureInfo.InvariantCulture.CompareInfo.Compare(text.AsSpan(start, end - start), other.AsSpan(from, to - from), Loosely) == 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The next run of letters and digits at or after <paramref name="at"/>, as (start, end); (-1, -1) when none is left.</summary>
    private static (int Start, int End) NextWord(string text, int at)
    {
        while (at < text.Length && !char.IsLetterOrDigit(text[at]))
        {
            at++;
        }
        if (at == text.Length)
        {
            return (-1, -1);
        }
        var end = at;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }
        return (at, end);
    }
}

/// <summary>The text has at most <c>max</c> template variables (<c>{{1}}</c>, <c>{{name}}</c>).</summary>
internal sealed class VariableCountCheck(CheckParameters parameters) : Check
{
    private readonly int _max = parameters.Number("max", required: true) ?? 0;

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (TryText(node, out var text))
        {
            var count = TemplateVariables.Count(text);
            if (count > _max)
            {
                scope.Fail(node, text, count.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}

/// <summary>
/// Per message template (<c>hsm[*]</c>): a template not yet approved names its <c>category</c> (<c>aspect: category</c>),
/// and each of its translations gives one sample value per variable of the body (<c>aspect: examples</c>). Examples
/// that are given must match the variables in number, approved or not.
/// </summary>
internal sealed class TemplateSubmissionCheck : Check
{
    private readonly string _aspect;

    public TemplateSubmissionCheck(CheckParameters parameters)
    {
        _aspect = parameters.Text("aspect") ?? "";
        if (_aspect is not ("category" or "examples"))
        {
            parameters.Problem($"'aspect' must be category or examples, not '{_aspect}'");
        }
    }

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (node is not MapNode template)
        {
            return;
        }
        var approved = template["approved"] is ScalarNode { IsTrue: true };
        // The template's name is the value the messages quote, so that a reader knows which template is meant.
        var name = template["elementName"] is ScalarNode { IsBlank: false } elementName ? elementName.Text : "?";
        if (_aspect == "category")
        {
            if (!approved && template["category"] is null or ScalarNode { IsBlank: true })
            {
                scope.Fail(template["category"], name, null, PacketPath.Field(scope.Path, "category"));
            }
            return;
        }
        if (template["translations"] is not ListNode translations)
        {
            return;
        }
        for (var i = 0; i < translations.Items.Count; i++)
        {
            if (translations.Items[i] is not MapNode translation || translation["body"] is not ScalarNode { IsBlank: false } body)
            {
                continue;
            }
            var variables = TemplateVariables.Distinct(body.Text);
            var examples = translation["examples"] switch
            {
                ListNode list => list.Items.Count,
                ScalarNode { IsBlank: false } => 1,
                _ => -1,
            };
            if (examples < 0 && variables > 0 && !approved)
            {
                scope.Fail(translation, name, string.Create(CultureInfo.InvariantCulture, $"the body has {variables} variable(s) and no example"), ExamplesPath(scope, i));
            }
            else if (examples >= 0 && examples != variables)
            {
                scope.Fail(translation["examples"], name, string.Create(CultureInfo.InvariantCulture, $"the body has {variables} variable(s) and {examples} example(s)"), ExamplesPath(scope, i));
            }
        }
    }

    // Written only for a finding: the path of a template that passes is never needed.
    private static string ExamplesPath(CheckScope scope, int translation) =>
        PacketPath.Field(PacketPath.Item(PacketPath.Field(scope.Path, "translations"), translation), "examples");
}

/// <summary>
/// Where the body's variables stand (<c>hsm[*].translations[*]</c>): not at the start, not at the end, never two side by
/// side. <c>examples: missing</c> runs where the translation has no examples, <c>examples: given</c> where it has.
/// </summary>
internal sealed class VariablePlacementCheck : Check
{
    private readonly bool _withExamples;

    public VariablePlacementCheck(CheckParameters parameters)
    {
        var examples = parameters.Text("examples");
        _withExamples = examples == "given";
        if (examples is not ("given" or "missing"))
        {
            parameters.Problem($"'examples' must be given or missing, not '{examples}'");
        }
    }

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (node is not MapNode translation || translation["body"] is not ScalarNode { IsBlank: false } body)
        {
            return;
        }
        var hasExamples = translation["examples"] is ListNode { Items.Count: > 0 } or ScalarNode { IsBlank: false };
        if (hasExamples != _withExamples)
        {
            return;
        }
        if (TemplateVariables.Placement(body.Text) is { } problem)
        {
            scope.Fail(body, body.Text, problem, PacketPath.Field(scope.Path, "body"));
        }
    }
}

/// <summary>The variables of a template text: <c>{{1}}</c> or <c>{{name}}</c>.</summary>
internal static class TemplateVariables
{
    /// <summary>The variables as (start, end) spans, in order; malformed braces are left to the syntax rule.</summary>
    public static List<(int Start, int End, string Name)> Find(string text)
    {
        var found = new List<(int, int, string)>();
        for (var (open, end) = Next(text, 0); open >= 0; (open, end) = Next(text, end))
        {
            found.Add((open, end, NameOf(text, open, end).ToString()));
        }
        return found;
    }

    /// <summary>How many variables the text has.</summary>
    public static int Count(string text)
    {
        var count = 0;
        for (var (open, end) = Next(text, 0); open >= 0; (open, end) = Next(text, end))
        {
            count++;
        }
        return count;
    }

    /// <summary>How many different variables the text has; counted in place for the few variables of a real body.</summary>
    public static int Distinct(string text)
    {
        var count = 0;
        for (var (open, end) = Next(text, 0); open >= 0; (open, end) = Next(text, end))
        {
            if (++count > 16)
            {
                // Comparing each with those before is quadratic: a body of hundreds of variables takes a set.
                return Find(text).Select(v => v.Name).Distinct(StringComparer.Ordinal).Count();
            }
        }
        var distinct = 0;
        for (var (open, end) = Next(text, 0); open >= 0; (open, end) = Next(text, end))
        {
            var name = NameOf(text, open, end);
            var seen = false;
            for (var (before, beforeEnd) = Next(text, 0); before < open; (before, beforeEnd) = Next(text, beforeEnd))
            {
                seen |= NameOf(text, before, beforeEnd).SequenceEqual(name);
            }
            distinct += seen ? 0 : 1;
        }
        return distinct;
    }

    /// <summary>The next variable at or after <paramref name="from"/>: where its <c>{{</c> opens and where its <c>}}</c> ends; (-1, -1) when none is left.</summary>
    private static (int Open, int End) Next(string text, int from)
    {
        var open = text.IndexOf("{{", from, StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
        return close < 0 ? (-1, -1) : (open, close + 2);
    }

    private static ReadOnlySpan<char> NameOf(string text, int open, int end) => text.AsSpan(open + 2, end - open - 4).Trim();

    /// <summary>What is wrong with where the variables stand; null when nothing is.</summary>
    public static string? Placement(string text)
    {
        var positions = Find(text);
        if (positions.Count == 0)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(text[..positions[0].Start]))
        {
            return "it starts with a variable";
        }
        if (string.IsNullOrWhiteSpace(text[positions[^1].End..]))
        {
            return "it ends with a variable";
        }
        for (var k = 1; k < positions.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(text[positions[k - 1].End..positions[k].Start]))
            {
                return "two variables stand side by side";
            }
        }
        return null;
    }
}
