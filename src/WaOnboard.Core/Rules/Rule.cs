using WaOnboard.Findings;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>One declarative rule from a rule file: which field, which check, how serious, and what to tell the user.</summary>
public sealed class Rule
{
    internal Rule(RuleDefinition definition, Check check)
    {
        Definition = definition;
        Check = check;
    }

    internal RuleDefinition Definition { get; }

    internal Check Check { get; }

    /// <summary>Stable identifier; never changes meaning once released.</summary>
    public string Id => Definition.Id;

    /// <summary>What the rule requires, in a few words.</summary>
    public string Title => Definition.Title;

    /// <summary>How serious a failure is in this profile.</summary>
    public Severity Severity => Definition.Severity;

    /// <summary>The field path the rule checks (<c>hsm[*].elementName</c>).</summary>
    public string Path => Definition.Path.Text;

    /// <summary>The name of the check (<c>pattern</c>, <c>length</c>, <c>phone-number</c>, ...).</summary>
    public string CheckName => Definition.CheckName;

    /// <summary>The message for a failure, with placeholders such as <c>{value}</c>.</summary>
    public string Message => Definition.Message;

    /// <summary>What to do about a failure.</summary>
    public string Help => Definition.Help;

    /// <summary>The passage of a seed document or WhatsApp fact the rule enforces.</summary>
    public string Source => Definition.Source;

    /// <summary>The profiles the rule belongs to (<c>all</c> for every profile).</summary>
    public IReadOnlyList<string> Profiles => Definition.Profiles;

    /// <summary>The check's parameters as written (<c>pattern</c>, <c>max</c>, <c>values</c>, ...).</summary>
    public IReadOnlyDictionary<string, PacketNode> Parameters => Definition.Parameters;

    /// <summary>The rule file and line the rule was read from.</summary>
    public string Origin => $"{Definition.File}:{Definition.Line}";

    /// <summary>The message and help in other languages than the rule file's English, by language (<c>fr</c>).</summary>
    public IReadOnlyDictionary<string, RuleText> Texts => Definition.Texts;

    /// <summary>The message and help in a language; the rule file's English when the rule has no text in it.</summary>
    public RuleText TextFor(string? language) =>
        language is not null && language != "en" && Definition.Texts.TryGetValue(language, out var text) ? text : new RuleText(Message, Help);
}

/// <summary>A rule's message and help in one language, with the placeholders of the rule file.</summary>
/// <param name="Message">The message for a failure.</param>
/// <param name="Help">What to do about it.</param>
public sealed record RuleText(string Message, string Help);

/// <summary>A rule as written in its file, before a profile's overrides are applied.</summary>
internal sealed record RuleDefinition(
    string Id,
    string Title,
    Severity Severity,
    IReadOnlyList<string> Profiles,
    Selector Path,
    string CheckName,
    IReadOnlyDictionary<string, PacketNode> Parameters,
    string Message,
    string Help,
    string Source,
    RuleCondition? When,
    string File,
    int Line)
{
    /// <summary>A library rule that applies only to the profiles that <c>use</c> it.</summary>
    public bool Optional { get; init; }

    /// <summary>A rule shipped in the assembly and not changed by a user's profile.</summary>
    public bool BuiltIn { get; init; }

    /// <summary>The message and help in other languages, from the texts files (rules/texts-fr.yaml, a profile's texts-fr.yaml).</summary>
    public IReadOnlyDictionary<string, RuleText> Texts { get; init; } = new Dictionary<string, RuleText>();
}

/// <summary>A rule applies only when another field has a given value, is present, or (with <c>missing</c>) is not.</summary>
internal sealed record RuleCondition(Selector Path, string? EqualsValue, bool Missing)
{
    public bool Holds(MapNode root, int[] indices)
    {
        var visitor = new ConditionVisitor(EqualsValue);
        Path.Visit(root, indices, ref visitor);
        return visitor.Holds != Missing;
    }

    private struct ConditionVisitor(string? expected) : ISelectorVisitor
    {
        public bool Holds { get; private set; }

        public void Visit(PacketNode? node, PacketNode? nearest, ReadOnlySpan<int> indices)
        {
            if (node is ScalarNode { IsBlank: false } scalar)
            {
                Holds |= expected is null || string.Equals(scalar.Text, expected, StringComparison.OrdinalIgnoreCase);
            }
            else if (node is MapNode or ListNode && expected is null)
            {
                Holds = true;
            }
        }
    }
}
