using WaOnboard.Packets;
using WaOnboard.Phone;
using WaOnboard.Reports;
using WaOnboard.Rules;

namespace WaOnboard.Cli;

/// <summary>Writes <c>validate --explain</c>: per finding, the rule, its source, the value it looked at, its parameters and derived facts.</summary>
internal static class ExplainText
{
    public static void Write(TextWriter output, IReadOnlyList<ReportedPacket> packets, RuleSet ruleSet)
    {
        foreach (var packet in packets)
        {
            if (packet.Report.Findings.Count == 0)
            {
                continue;
            }
            // The report does not keep the value tree: read the packet again, which is cheap, rather than widen the report.
            var document = PacketLoader.LoadPath(packet.Report.Packet);
            output.WriteLine($"{packet.Report.Packet}: why each finding (profile {packet.Report.Profile})");
            foreach (var explanation in FindingExplanations.For(packet.Report, document, ruleSet))
            {
                var finding = explanation.Finding;
                output.WriteLine($"  {finding.RuleId} ({finding.Severity.ToString().ToLowerInvariant()}{(finding.Suppressed ? ", suppressed" : "")}): {explanation.Title}");
                var where = finding.Line is { } line ? $" at {packet.FileOf(finding)}:{line}" + (finding.Column is { } column ? $":{column}" : "") : "";
                output.WriteLine($"    field:      {(finding.Path.Length == 0 ? "(the file)" : finding.Path)}{where}");
                output.WriteLine($"    value:      {(explanation.Value is { } value ? Quote(value) : "(none: missing, empty, or not a single value)")}");
                if (explanation.Check is { } check)
                {
                    var parameters = explanation.Parameters.Count == 0 ? "" : " (" + string.Join("; ", explanation.Parameters.Select(p => $"{p.Key}: {p.Value}")) + ")";
                    output.WriteLine($"    check:      {check}{parameters}");
                }
                if (explanation.Phone is { } phone)
                {
                    var verdict = phone.Valid
                        ? $"valid, {phone.E164}, {phone.Region ?? "non-geographic"}, {phone.Type.Name()}"
                        : $"not valid{(phone.Problem is { } problem ? $" ({problem})" : "")}";
                    output.WriteLine($"    number:     {Quote(phone.Input)} classified as {verdict}");
                }
                output.WriteLine($"    source:     {explanation.Source}");
                output.WriteLine($"    message:    {finding.Message}");
            }
            output.WriteLine();
        }
    }

    private static string Quote(string value) => "'" + (value.Length <= 200 ? value : value[..197] + "...") + "'";
}
