using System.Text.RegularExpressions;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>What a rule verifies at each place its path reaches. A check reads its parameters once, when rules load.</summary>
internal abstract class Check
{
    /// <summary>Runs at one place; <paramref name="node"/> is null where the field is missing.</summary>
    public abstract void Run(PacketNode? node, CheckScope scope);

    /// <summary>Checks that look at text skip missing and blank values: the <c>required</c> rule speaks for those.</summary>
    protected static bool TryText(PacketNode? node, out string text)
    {
        if (node is ScalarNode { IsBlank: false } scalar && scalar.Kind != ScalarKind.Boolean)
        {
            text = scalar.Text;
            return true;
        }
        text = "";
        return false;
    }
}

/// <summary>Reads a check's parameters from its rule, collecting what is wrong with them.</summary>
internal sealed class CheckParameters(IReadOnlyDictionary<string, PacketNode> values, List<string> problems)
{
    /// <summary>The engine of the rule's pattern: <see cref="RegexOptions.NonBacktracking"/> for a user's rule, the interpreter or <see cref="RegexOptions.Compiled"/> for a built-in one.</summary>
    public RegexOptions PatternEngine { get; init; } = RegexOptions.NonBacktracking;

    private readonly HashSet<string> _read = [];

    public IReadOnlyCollection<string> Unread => [.. values.Keys.Where(k => !_read.Contains(k))];

    public string? Text(string name, bool required = true)
    {
        _read.Add(name);
        if (values.TryGetValue(name, out var node) && node is ScalarNode { IsBlank: false } scalar)
        {
            return scalar.Text;
        }
        if (required)
        {
            problems.Add($"the check needs '{name}'");
        }
        return null;
    }

    public int? Number(string name, bool required = false)
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 0)
        {
            return number;
        }
        problems.Add($"'{name}' must be a whole number, not '{text}'");
        return null;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return values.TryGetValue(name, out var node) && node is ScalarNode { IsTrue: true };
    }

    public string[] List(string name, bool required = true)
    {
        _read.Add(name);
        if (values.TryGetValue(name, out var node) && node is ListNode list && list.Items.Count > 0)
        {
            return [.. list.Items.OfType<ScalarNode>().Select(s => s.Text)];
        }
        if (required)
        {
            problems.Add($"the check needs '{name}' as a list of values");
        }
        return [];
    }

    public void Problem(string problem) => problems.Add(problem);
}
