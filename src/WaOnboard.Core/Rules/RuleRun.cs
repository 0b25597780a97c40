using System.Globalization;
using System.Text;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Phone;

namespace WaOnboard.Rules;

/// <summary>The state of one validation: the packet, the options, and the findings so far.</summary>
internal sealed class RuleRun(PacketDocument document, ValidationOptions options)
{
    /// <summary>Values longer than this are not given to any check: patterns never run on unbounded input.</summary>
    public const int MaxCheckedLength = 4096;

    /// <summary>A report lists at most this many findings, then one that counts the rest: a packet of 10,000 empty values would otherwise make 100,000.</summary>
    public const int MaxFindings = 1000;

    private readonly RankedFindings _findings = new(MaxFindings);
    private int _sequence;

    private HashSet<string>? _tooLong;
    private string? _phoneText;
    private PhoneNumberInfo? _phone;
    private Dictionary<string, object>? _cache;

    public PacketDocument Document { get; } = document;

    public ValidationOptions Options { get; } = options;

    public int[] Indices { get; } = new int[8];

    /// <summary>The index of the rule that runs now in its profile's rules; -1 before any (the loader's findings).</summary>
    public int RuleIndex { get; set; } = -1;

    // A finding ranks by its rule, then by when it was made: the order of a rule-by-rule run, whatever order the plan ran in.
    private long Rank => ((long)(RuleIndex + 1) << 32) | (uint)_sequence;

    /// <summary>Adds a finding, or only counts it once the report is full.</summary>
    public void Add(Finding finding)
    {
        _findings.Add(finding, Rank);
        _sequence++;
    }

    /// <summary>True (and counted) when a finding of this severity would not be listed: call before building it, so that none is built.</summary>
    public bool IsUnlisted(Severity severity) => _findings.IsUnlisted(severity, Rank);

    /// <summary>The counts of the findings that were not listed, or null when every finding was.</summary>
    public Summary? Unlisted => _findings.Unlisted;

    /// <summary>The listed findings in rule-set order, then <paramref name="last"/> when given.</summary>
    public IReadOnlyList<Finding> Findings(Finding? last = null) => _findings.InOrder(last);

    /// <summary>Work shared by several rules on the same field (the avatar is inspected once).</summary>
    public T Cached<T>(string key, Func<T> compute)
        where T : class
    {
        _cache ??= [];
        if (!_cache.TryGetValue(key, out var value))
        {
            value = compute();
            _cache[key] = value;
        }
        return (T)value;
    }

    /// <summary>What the inspector learnt of the avatar, when a rule looked at it.</summary>
    public Images.ImageInspection? Avatar { get; set; }

    /// <summary>Inspects a phone number once for all the rules that look at it in turn (the caller may have done it already).</summary>
    public PhoneNumberInfo InspectPhone(string text)
    {
        if (!ReferenceEquals(text, _phoneText))
        {
            _phone = Options.Phone is { } known && known.Input == text ? known : PhoneNumbers.Inspect(text);
            _phoneText = text;
        }
        return _phone!;
    }

    /// <summary>True when the value may be checked; otherwise records, once per field, that it is too long.</summary>
    public bool IsCheckable(PacketNode? node, Selector path, ReadOnlySpan<int> indices)
    {
        if (node is not ScalarNode { Text.Length: > MaxCheckedLength } scalar)
        {
            return true;
        }
        var where = path.PathFor(indices);
        if ((_tooLong ??= []).Add(where))
        {
            Add(new Finding("value-too-long", Severity.Error, where,
                $"{where} is {scalar.Text.Length} characters long; no field of a packet takes more than {MaxCheckedLength}. It was not checked further.",
                "Shorten the value: see the limits in docs/rules.md.")
            { Line = node.Line, Column = node.Column });
        }
        return false;
    }
}

/// <summary>Where a check runs: the rule, the run, and the item indices of the place it reached.</summary>
internal readonly ref struct CheckScope(Rule rule, RuleRun run, ReadOnlySpan<int> indices, PacketNode? nearest)
{
    public Rule Rule { get; } = rule;

    public RuleRun Run { get; } = run;

    public ReadOnlySpan<int> Indices { get; } = indices;

    public string Path => Rule.Definition.Path.PathFor(Indices);

    /// <summary>Records a failure of the rule at this place. Only failures allocate.</summary>
    /// <param name="node">The value that failed, or null when it is missing.</param>
    /// <param name="value">The text for <c>{value}</c>.</param>
    /// <param name="detail">The text for <c>{detail}</c>.</param>
    /// <param name="path">The place, when it is not the rule's own.</param>
    /// <param name="message">A message that replaces the rule's, when the rule's would mislead (it counts digits that are not 0-9).</param>
    /// <param name="facts">What the check derived and relied on (the number's classification, the avatar's inspection), for explanations.</param>
    public void Fail(PacketNode? node, string? value = null, string? detail = null, string? path = null, string? message = null, FindingFacts? facts = null)
    {
        if (Run.IsUnlisted(Rule.Severity))
        {
            return;
        }
        var where = path ?? Path;
        // A missing field has no position of its own: point at the nearest thing that is there.
        var at = node ?? nearest;
        var text = Rule.TextFor(Run.Options.Language);
        Run.Add(new Finding(Rule.Id, Rule.Severity, where,
            message ?? Format(text.Message, where, value, detail), Format(text.Help, where, value, detail))
        { Line = at?.Line, Column = at?.Column, Facts = facts });
    }

    private string Format(string template, string path, string? value, string? detail)
    {
        if (!template.Contains('{'))
        {
            return template;
        }
        var builder = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i) : -1;
            if (close < 0)
            {
                builder.Append(template[i]);
                continue;
            }
            var name = template[(i + 1)..close];
            var replacement = name switch
            {
                "path" => path,
                "value" => Clip(value ?? ""),
                "length" => (value is null ? 0 : TextLength.Of(value)).ToString(CultureInfo.InvariantCulture),
                "digits" => (value ?? "").Count(char.IsAsciiDigit).ToString(CultureInfo.InvariantCulture),
                "detail" => detail ?? "",
                _ when Rule.Parameters.TryGetValue(name, out var parameter) => Describe(parameter),
                _ => null,
            };
            if (replacement is null)
            {
                builder.Append(template[i]);
                continue;
            }
            builder.Append(replacement);
            i = close;
        }
        return builder.ToString();
    }

    private static string Describe(PacketNode parameter) => parameter switch
    {
        ScalarNode scalar => scalar.Text,
        ListNode list => string.Join(", ", list.Items.OfType<ScalarNode>().Select(s => s.Text)),
        _ => "",
    };

    private static string Clip(string value) => value.Length <= 80 ? value : value[..77] + "...";
}

/// <summary>How long a text is as people count it: in Unicode characters, not UTF-16 code units.</summary>
internal static class TextLength
{
    public static int Of(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
