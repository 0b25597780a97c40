using System.Globalization;
using WaOnboard.Images;
using WaOnboard.Packets;
using WaOnboard.Phone;
using WaOnboard.Reports;
using WaOnboard.Rules;

namespace WaOnboard.Cli;

/// <summary>Writes <c>validate --explain</c>: per finding, the rule, its source, the value it looked at, its parameters and derived facts.</summary>
internal static class ExplainText
{
    /// <summary>Explains each packet's findings; <paramref name="documents"/> are the packets checked, in the order of <paramref name="packets"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<ReportedPacket> packets, IReadOnlyList<PacketDocument> documents, RuleSet ruleSet)
    {
        for (var i = 0; i < packets.Count; i++)
        {
            var (packet, document) = (packets[i], documents[i]);
            if (packet.Report.Findings.Count == 0)
            {
                continue;
            }
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
                // The facts the check recorded when it ran: nothing is inspected again here.
                if (finding.Facts?.Phone is { } phone)
                {
                    var verdict = phone.Valid
                        ? $"valid, {phone.E164}, {phone.Region ?? "non-geographic"}, {phone.Type.Name()}"
                        : $"not valid{(phone.Problem is { } problem ? $" ({problem})" : "")}";
                    output.WriteLine($"    number:     {Quote(phone.Input)} classified as {verdict}");
                }
                if (finding.Facts?.Avatar is { } image)
                {
                    var format = image.Format == ImageFormat.Unknown ? "not JPEG or PNG" : image.Format.ToString().ToUpperInvariant();
                    var size = image.Width > 0 ? $", {image.Width}x{image.Height} pixels" : "";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    avatar:     inspected as {format}{size}, {image.Length:N0} bytes; {(image.Problem is { } problem ? "problem: " + problem : "no problem found")}"));
                }
                if (finding.Facts?.Registry is { } answer)
                {
                    var holder = answer.MayNameHolder && answer.Holder is { } h ? string.Create(CultureInfo.InvariantCulture, $" ({h.VerifiedName}, recorded {h.RecordedAt:yyyy-MM-dd})") : "";
                    output.WriteLine($"    registry:   {answer.E164} is recorded for another business{holder}");
                }
                output.WriteLine($"    source:     {explanation.Source}");
                output.WriteLine($"    message:    {finding.Message}");
            }
            output.WriteLine();
        }
    }

    private static string Quote(string value) => "'" + (value.Length <= 200 ? value : value[..197] + "...") + "'";
}
