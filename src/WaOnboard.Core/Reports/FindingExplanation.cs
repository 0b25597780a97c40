using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Reports;

/// <summary>Why a finding was raised: the rule, what it enforces, the value it looked at, its parameters, and facts derived on the way.</summary>
/// <param name="Finding">The finding explained.</param>
/// <param name="Title">What the rule requires.</param>
/// <param name="Source">The passage of a seed document, WhatsApp's facts or the packet format it enforces.</param>
/// <param name="Check">The check that ran (<c>pattern</c>, <c>phone-number</c>, ...), or null for the loader's own findings.</param>
/// <param name="Parameters">The check's parameters in the profile that ran, as written.</param>
/// <param name="Value">The value at the finding's path, or null when the field is missing or not a single value.</param>
/// <remarks>What the check derived on the way (the number's classification, the avatar's inspection) is the finding's own <see cref="Finding.Facts"/>, recorded when it ran.</remarks>
public sealed record FindingExplanation(
    Finding Finding,
    string Title,
    string Source,
    string? Check,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? Value);

/// <summary>Builds <see cref="FindingExplanation"/>s for <c>validate --explain</c> from a report and the packet it was checked from.</summary>
public static class FindingExplanations
{
    /// <summary>An explanation per finding of the report, in report order.</summary>
    public static IReadOnlyList<FindingExplanation> For(ValidationReport report, PacketDocument document, RuleSet ruleSet)
    {
        var rules = ruleSet.RulesFor(report.Profile).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var explanations = new List<FindingExplanation>(report.Findings.Count);
        foreach (var finding in report.Findings)
        {
            var value = finding.Path.Length == 0 ? null : PacketPath.Find(document.Root, finding.Path) is ScalarNode { IsBlank: false } s ? s.Text : null;
            if (rules.TryGetValue(finding.RuleId, out var rule))
            {
                explanations.Add(new FindingExplanation(finding, rule.Title, rule.Source, rule.CheckName, Describe(rule.Parameters), value));
                continue;
            }
            var loader = RuleDocs.LoaderFindings.FirstOrDefault(l => l.Id == finding.RuleId);
            var title = loader.Title ?? Repository.Suppressions.Rules.FirstOrDefault(r => r.Id == finding.RuleId).Title ?? finding.RuleId;
            var source = loader.Title is not null ? "spec/packet.md (the packet format)" : "wa-onboard.yaml (suppressions)";
            explanations.Add(new FindingExplanation(finding, title, source, null, [], value));
        }
        return explanations;
    }

    private static List<KeyValuePair<string, string>> Describe(IReadOnlyDictionary<string, PacketNode> parameters) =>
        [.. parameters.Select(p => KeyValuePair.Create(p.Key, p.Value switch
        {
            ScalarNode scalar => scalar.Text,
            ListNode list => string.Join(", ", list.Items.OfType<ScalarNode>().Select(i => i.Text)),
            _ => "(a mapping)",
        }))];
}
