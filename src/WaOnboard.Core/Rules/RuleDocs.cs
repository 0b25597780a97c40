using System.Text;
using WaOnboard.Findings;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>Writes the rule catalogue (docs/rules.md) from the rule files, so the documentation cannot drift from them.</summary>
public static class RuleDocs
{
    /// <summary>The built-in file-level findings, which come from the loader rather than from rule files.</summary>
    public static readonly IReadOnlyList<(string Id, Severity Severity, string Title)> LoaderFindings =
    [
        ("packet-unreadable", Severity.Error, "The packet file or folder cannot be found or read (exit code 2)"),
        ("packet-too-large", Severity.Error, $"The packet file is over {PacketLoader.MaxBytes / 1024} KiB, or holds more than 10,000 values once YAML aliases are expanded"),
        ("packet-syntax", Severity.Error, "The file is not valid YAML or JSON, or is not a mapping; the message gives line and column"),
        ("schema-version", Severity.Error, "schemaVersion is not 1"),
        ("duplicate-key", Severity.Error, "A field is written twice in the same mapping"),
        ("unknown-field", Severity.Warning, "A field the packet format does not know (a typo such as verifedName); it is ignored"),
        ("field-type", Severity.Error, "A value of the wrong kind (text where a list is expected, 'yes' for true, ...)"),
        ("value-too-long", Severity.Error, "A value over 4096 characters; it is not checked further"),
        ("provider-unknown", Severity.Error, "provider names no profile; the default profile is used instead"),
    ];

    /// <summary>The catalogue as Markdown: profiles, then every rule with its profiles, severity, check and source.</summary>
    public static string Markdown(RuleSet ruleSet)
    {
        var text = new StringBuilder();
        text.AppendLine("# Rules").AppendLine();
        text.AppendLine("Generated from `rules/` by `wa-onboard rules --format markdown`; a test fails when this file is out of date.").AppendLine();
        text.AppendLine("## Profiles").AppendLine();
        foreach (var profile in ruleSet.Profiles)
        {
            text.AppendLine($"- **{profile.Name}** ({profile.Title}, {ruleSet.RulesFor(profile.Name).Count} rules): {profile.Description}");
        }
        text.AppendLine().AppendLine("## Findings about the file itself").AppendLine();
        text.AppendLine("| id | severity | when |").AppendLine("| --- | --- | --- |");
        foreach (var (id, severity, title) in LoaderFindings)
        {
            text.AppendLine($"| {Anchor(id)}`{id}` | {Name(severity)} | {title} |");
        }
        text.AppendLine().AppendLine("## Rules").AppendLine();
        text.AppendLine("Severity per profile: **E** error, **W** warning, **I** info, **·** not in the profile.").AppendLine();
        var profiles = ruleSet.Profiles.Select(p => p.Name).ToList();
        text.AppendLine($"| id | field | check | {string.Join(" | ", profiles)} | what it requires | source |");
        text.AppendLine($"| --- | --- | --- | {string.Join(" | ", profiles.Select(_ => "---"))} | --- | --- |");
        var all = profiles.SelectMany(ruleSet.RulesFor).DistinctBy(r => r.Id).ToList();
        foreach (var rule in all)
        {
            var cells = profiles.Select(p => ruleSet.RulesFor(p).FirstOrDefault(r => r.Id == rule.Id) is { } inProfile
                ? Name(inProfile.Severity)[..1].ToUpperInvariant()
                : "·");
            text.AppendLine($"| {Anchor(rule.Id)}`{rule.Id}` | `{rule.Path}` | {rule.CheckName}{Parameters(rule)} | {string.Join(" | ", cells)} | {Escape(rule.Title)} | {Escape(rule.Source)} |");
        }
        text.AppendLine().AppendLine("## Checks a rule file can use").AppendLine();
        foreach (var (name, description) in CheckCatalogue.Descriptions)
        {
            text.AppendLine($"- `{name}`: {description}");
        }
        return text.ToString();
    }

    private static string Parameters(Rule rule)
    {
        var shown = rule.Parameters
            .Where(p => p.Key is not ("values" or "ignoreCase"))
            .Select(p => $"{p.Key}: {(p.Value is ScalarNode s ? s.Text : string.Join(", ", ((ListNode)p.Value).Items.OfType<ScalarNode>().Select(i => i.Text)))}")
            .ToList();
        if (rule.Parameters.TryGetValue("values", out var values) && values is ListNode list)
        {
            shown.Add($"values: {string.Join(", ", list.Items.OfType<ScalarNode>().Select(i => i.Text))}");
        }
        return shown.Count == 0 ? "" : " (" + Escape(string.Join("; ", shown)) + ")";
    }

    // An anchor per rule id, so that a SARIF rule's helpUri (docs/rules.md#rule-id) lands on its row.
    private static string Anchor(string id) => $"<a id=\"{id}\"></a>";

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
