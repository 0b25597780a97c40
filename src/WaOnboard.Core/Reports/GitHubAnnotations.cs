using System.Text;
using WaOnboard.Findings;

namespace WaOnboard.Reports;

/// <summary>Writes reports as GitHub Actions workflow commands (<c>::error file=...::message</c>) and a Markdown job summary.</summary>
public static class GitHubAnnotations
{
    /// <summary>One workflow command per finding: <c>error</c>, <c>warning</c> or <c>notice</c>; suppressed findings are notices that say so.</summary>
    public static string Write(IReadOnlyList<ReportedPacket> packets)
    {
        var text = new StringBuilder();
        foreach (var packet in packets)
        {
            foreach (var finding in packet.Report.Findings)
            {
                var command = finding.Suppression is not null ? "notice" : finding.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "notice",
                };
                text.Append("::").Append(command).Append(" file=").Append(Property(packet.FileOf(finding)));
                if (finding.Line is { } line)
                {
                    text.Append(",line=").Append(line);
                    if (finding.Column is { } column)
                    {
                        text.Append(",col=").Append(column);
                    }
                }
                var title = finding.Suppression is { } s ? $"{finding.RuleId} (suppressed: {s.Reason})" : finding.RuleId;
                text.Append(",title=").Append(Property(title)).Append("::");
                var message = string.IsNullOrEmpty(finding.Help) ? finding.Message : $"{finding.Message}\n{finding.Help}";
                text.Append(Data(finding.Path.Length == 0 ? message : $"{finding.Path}: {message}")).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The job summary: a verdict line and a table of findings per packet, in GitHub-flavoured Markdown; each packet fails by its own threshold.</summary>
    public static string Summary(IReadOnlyList<ReportedPacket> packets)
    {
        var text = new StringBuilder();
        var failing = packets.Count(p => p.Fails);
        text.Append("## wa-onboard: ").Append(packets.Count).Append(packets.Count == 1 ? " packet" : " packets").Append(", ")
            .Append(failing).Append(" failing\n\n");
        foreach (var packet in packets)
        {
            var summary = packet.Report.Summary;
            var mark = packet.Fails ? "❌" : "✅";
            text.Append("### ").Append(mark).Append(" `").Append(Cell(packet.File)).Append("` (profile ").Append(packet.Report.Profile).Append(")\n\n");
            text.Append($"{summary.Errors} errors, {summary.Warnings} warnings, {summary.Infos} infos");
            text.Append(summary.Suppressed > 0 ? $", {summary.Suppressed} suppressed\n\n" : "\n\n");
            if (packet.Report.Findings.Count == 0)
            {
                continue;
            }
            text.Append("| severity | rule | file | field | line | message |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var finding in packet.Report.Findings)
            {
                var severity = finding.Severity.ToString().ToLowerInvariant() + (finding.Suppression is { } s ? $" (suppressed: {Cell(s.Reason)})" : "");
                text.Append($"| {severity} | `{finding.RuleId}` | {(finding.File is { } file ? $"`{Cell(file)}`" : "packet")} | `{Cell(finding.Path)}` | {finding.Line} | {Cell(finding.Message)} |\n");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Escapes a command's message as the runner reads it back: <c>%</c>, CR and LF.</summary>
    public static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a command's property value: as <see cref="Data"/>, plus <c>:</c> and <c>,</c>.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
