using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>The field is present and not blank (an empty list or mapping counts as missing).</summary>
internal sealed class RequiredCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        var present = node switch
        {
            ScalarNode scalar => !scalar.IsBlank,
            ListNode list => list.Items.Count > 0,
            MapNode map => map.Entries.Count > 0,
            _ => false,
        };
        if (!present)
        {
            scope.Fail(node);
        }
    }
}

/// <summary>The text matches (or, with <c>forbid</c>, does not match) a regular expression.</summary>
/// <remarks>
/// A user's rule file may hold any pattern, so its patterns run on .NET's non-backtracking engine: matching time is
/// linear in the input, which is itself capped (<see cref="RuleRun.MaxCheckedLength"/>). Building that engine costs
/// 4 to 6 ms a pattern (90 ms for the 21 built-in ones, a quarter of a command's start), so the built-in patterns,
/// which are reviewed and hold no quantified group that itself repeats (a test says so), run on the backtracking
/// interpreter (7 ms for all 21; 130 ns a match against 88), or compiled to code in a server (74 ns). No match
/// timeout: checking for one doubled the cost of every match (decision 1203). Each is built when the rules load, so a
/// bad pattern is reported then, once for all the profiles that share it.
/// </remarks>
internal sealed class PatternCheck : Check
{
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> Built = new();

    private readonly Regex _regex;
    private readonly bool _forbid;
    private readonly bool _fold;

    public PatternCheck(CheckParameters parameters, bool forbid)
    {
        _forbid = forbid;
        // fold: true looks at the text as a reader sees it (no invisible characters, look-alike letters as Latin ones).
        _fold = parameters.Flag("fold");
        var pattern = TextSafety.AsciiPattern(parameters.Text("pattern") ?? "", out var unsafePattern);
        if (unsafePattern is not null)
        {
            parameters.Problem(unsafePattern);
        }
        var options = parameters.PatternEngine | RegexOptions.CultureInvariant;
        if (parameters.Flag("ignoreCase"))
        {
            options |= RegexOptions.IgnoreCase;
        }
        try
        {
            _regex = Built.GetOrAdd((pattern, options), key => new Regex(key.Pattern, key.Options));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            parameters.Problem($"'pattern' is not a usable regular expression: {e.Message}");
            _regex = new Regex("$^");
        }
    }

    /// <summary>The engine the pattern runs on (<see cref="RegexOptions.NonBacktracking"/> for a user's pattern).</summary>
    public RegexOptions Options => _regex.Options;

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        var seen = _fold ? TextSafety.Fold(text) : text;
        if (_regex.IsMatch(seen) != _forbid)
        {
            return;
        }
        if (!_forbid && TextSafety.DescribeMisleading(text) is { } misleading)
        {
            // "has 0 digits" would hide the cause: name the character that only looks right.
            var where = scope.Path;
            scope.Fail(node, text, misleading, message: $"{where}: '{Clip(text)}' holds {misleading}.");
            return;
        }
        // The match is found again only for a failure: passing values allocate nothing.
        scope.Fail(node, text, _forbid ? _regex.Match(seen).Value : null);
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

/// <summary>The text has between <c>min</c> and <c>max</c> characters (Unicode characters, as people count them).</summary>
internal sealed class LengthCheck(CheckParameters parameters) : Check
{
    private readonly int _min = parameters.Number("min") ?? 0;
    private readonly int _max = parameters.Number("max") ?? int.MaxValue;

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (TryText(node, out var text))
        {
            var length = TextLength.Of(text);
            if (length < _min || length > _max)
            {
                scope.Fail(node, text);
            }
        }
    }
}

/// <summary>A list has between <c>min</c> and <c>max</c> items.</summary>
internal sealed class CountCheck(CheckParameters parameters) : Check
{
    private readonly int _min = parameters.Number("min") ?? 0;
    private readonly int _max = parameters.Number("max") ?? int.MaxValue;

    public override void Run(PacketNode? node, CheckScope scope)
    {
        var count = node switch
        {
            ListNode list => list.Items.Count,
            ScalarNode { IsBlank: true } or null => 0,
            _ => 1,
        };
        if (count < _min || count > _max)
        {
            scope.Fail(node, null, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>The text is one of a list of values.</summary>
internal sealed class OneOfCheck(CheckParameters parameters) : Check
{
    private readonly string[] _values = parameters.List("values");
    private readonly StringComparison _comparison = parameters.Flag("ignoreCase") ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        foreach (var value in _values)
        {
            if (string.Equals(value, text, _comparison))
            {
                return;
            }
        }
        var near = Near(text);
        scope.Fail(node, text, near is null ? null : $" (did you mean '{near}'?)");
    }

    // Apart from Run: a lambda that captures the text there would allocate its closure on every call, passing or not.
    private string? Near(string text) => _values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)
        || string.Equals(v.Replace('_', '-'), text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The value equals (or, with <c>negate</c>, differs from) <c>value</c>; a missing value passes.</summary>
internal sealed class EqualsCheck(CheckParameters parameters, bool negate) : Check
{
    private readonly string _expected = parameters.Text("value") ?? "";

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (node is ScalarNode { IsBlank: false } scalar
            && string.Equals(scalar.Text, _expected, StringComparison.OrdinalIgnoreCase) == negate)
        {
            scope.Fail(node, scalar.Text);
        }
    }
}

/// <summary>The text is an absolute http or https address, optionally on one of <c>hosts</c>.</summary>
internal sealed class UrlCheck(CheckParameters parameters) : Check
{
    private readonly string[] _hosts = parameters.List("hosts", required: false);

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || HasWhiteSpace(text))
        {
            scope.Fail(node, text, "it is not an address that starts with http:// or https://");
            return;
        }
        if (_hosts.Length > 0 && !IsOnHost(uri.Host))
        {
            scope.Fail(node, text, $"it is on {uri.Host}, not on {string.Join(" or ", _hosts)}");
        }
    }

    private bool IsOnHost(string host)
    {
        foreach (var allowed in _hosts)
        {
            if (host.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The text is a single e-mail address (one @, a local part, a domain with a dot, no spaces).</summary>
internal sealed class EmailCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (TryText(node, out var text) && !IsEmail(text))
        {
            scope.Fail(node, text);
        }
    }

    internal static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
        {
            return false;
        }
        var domain = text.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 2 && !domain.StartsWith(".") && !domain.Contains("..", StringComparison.Ordinal)
            && !text.AsSpan().ContainsAny(" \t\r\n,;<>()[]\\\"");
    }
}

/// <summary>No two items of a list have the same value (of <c>key</c>, when the items are mappings).</summary>
internal sealed class UniqueCheck(CheckParameters parameters) : Check
{
    private readonly string? _key = parameters.Text("key", required: false);

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (node is not ListNode list)
        {
            return;
        }
        for (var i = 1; i < list.Items.Count; i++)
        {
            var value = ValueOf(list.Items[i]);
            if (value is null)
            {
                continue;
            }
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(ValueOf(list.Items[j]), value, StringComparison.OrdinalIgnoreCase))
                {
                    var path = PacketPath.Item(scope.Path, i);
                    scope.Fail(list.Items[i], value, PacketPath.Item(scope.Path, j), _key is null ? path : PacketPath.Field(path, _key));
                    break;
                }
            }
        }
    }

    private string? ValueOf(PacketNode item) =>
        (_key is null ? item : (item as MapNode)?[_key]) is ScalarNode { IsBlank: false } scalar ? scalar.Text : null;
}
