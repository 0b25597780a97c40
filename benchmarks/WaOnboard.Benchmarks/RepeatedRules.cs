using System.Text;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Benchmarks;

/// <summary>
/// A folder of user rule files that repeat every rule of a profile, as the profile runs it (overrides applied), under
/// new ids: loaded through <see cref="RuleSet.Load(IEnumerable{string})"/>, it gives a rule set with n times the
/// profile's rules. One file per copy, as a rule file holds at most 10,000 values like a packet.
/// </summary>
internal static class RepeatedRules
{
    /// <summary>Writes <paramref name="copies"/> more copies of each rule of <paramref name="profile"/>; returns the folder.</summary>
    public static string Write(RuleSet ruleSet, string profile, int copies)
    {
        var folder = Directory.CreateTempSubdirectory("wa-onboard-bench-rules-").FullName;
        for (var copy = 1; copy <= copies; copy++)
        {
            var yaml = new StringBuilder("rules:\n");
            foreach (var rule in ruleSet.RulesFor(profile))
            {
                yaml.Append("  - id: ").Append(Quote($"{rule.Id}-copy{copy}")).Append('\n');
                Field(yaml, "title", rule.Title);
                yaml.Append("    severity: ").Append(rule.Severity.ToString().ToLowerInvariant()).Append('\n');
                yaml.Append("    profiles: [").Append(profile).Append("]\n");
                Field(yaml, "path", rule.Path);
                Field(yaml, "check", rule.CheckName);
                foreach (var (name, value) in rule.Parameters)
                {
                    yaml.Append("    ").Append(name).Append(": ").Append(Value(value)).Append('\n');
                }
                if (rule.Definition.When is { } when)
                {
                    yaml.Append("    when: { path: ").Append(Quote(when.Path.Text))
                        .Append(when.EqualsValue is { } equals ? ", equals: " + Quote(equals) : "")
                        .Append(when.Missing ? ", missing: true" : "").Append(" }\n");
                }
                Field(yaml, "message", rule.Message);
                Field(yaml, "help", rule.Help);
                Field(yaml, "source", rule.Source);
            }
            File.WriteAllText(Path.Combine(folder, $"copy{copy}.yaml"), yaml.ToString());
        }
        return folder;
    }

    private static void Field(StringBuilder yaml, string name, string text) => yaml.Append("    ").Append(name).Append(": ").Append(Quote(text)).Append('\n');

    private static string Value(PacketNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Boolean or ScalarKind.Number } scalar => scalar.Text,
        ScalarNode scalar => Quote(scalar.Text),
        ListNode list => "[" + string.Join(", ", list.Items.Select(Value)) + "]",
        MapNode map => "{ " + string.Join(", ", map.Entries.Select(e => e.Key + ": " + Value(e.Value))) + " }",
        _ => "''",
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
