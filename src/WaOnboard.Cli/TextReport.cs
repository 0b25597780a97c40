using WaOnboard.Findings;

namespace WaOnboard.Cli;

/// <summary>Writes a report for people: findings grouped by section of the packet, then a summary line.</summary>
internal sealed class TextReport(TextWriter output, bool colour)
{
    private static readonly string[] SectionOrder = ["", "provider", "business", "account", "phone", "hsm", "profile", "lineOfCredit", "channel", "estimate"];

    public void Write(ValidationReport report)
    {
        // Every text that comes from the packet or its path is escaped: a value holding ESC[2J must not clear the screen.
        output.WriteLine(Paint(TerminalText.Escape(report.Packet), "1") + $" (profile {TerminalText.Escape(report.Profile)})");
        var sections = report.Findings
            .GroupBy(f => Section(f.Path))
            .OrderBy(g => Array.IndexOf(SectionOrder, g.Key) is var i && i < 0 ? SectionOrder.Length : i);
        foreach (var section in sections)
        {
            output.WriteLine($"  {(section.Key.Length == 0 ? "file" : TerminalText.Escape(section.Key))}");
            foreach (var finding in section.OrderByDescending(f => f.Severity))
            {
                var (mark, code) = finding.Severity switch
                {
                    Severity.Error => ("error  ", "31"),
                    Severity.Warning => ("warning", "33"),
                    _ => ("info   ", "36"),
                };
                var where = (finding.File, finding.Line) switch
                {
                    ({ } file, { } line) => $" ({TerminalText.Escape(file)}:{line})",
                    ({ } file, null) => $" ({TerminalText.Escape(file)})",
                    (null, { } line) => $" (line {line})",
                    _ => "",
                };
                // Suppressed findings stay in the report, dimmed and saying why, so nothing is silently hidden.
                var suppressed = finding.Suppression is { } s ? Paint($" [suppressed: {TerminalText.Escape(s.Reason)}]", "2") : "";
                output.WriteLine($"    {Paint(mark, finding.Suppressed ? "2" : code)} {TerminalText.Escape(finding.Message)}{Paint(where, "2")}{suppressed}");
                if (!string.IsNullOrEmpty(finding.Help))
                {
                    output.WriteLine($"            {Paint("→ " + TerminalText.Escape(finding.Help), "2")} [{TerminalText.Escape(finding.RuleId)}]");
                }
            }
        }
        var summary = report.Summary;
        var verdict = report.Valid ? Paint("valid", "32") : Paint("not valid", "31");
        var accepted = summary.Suppressed > 0 ? $", {summary.Suppressed} suppressed" : "";
        output.WriteLine($"  {verdict}: {Count(summary.Errors, "error")}, {Count(summary.Warnings, "warning")}, {Count(summary.Infos, "info")}{accepted}");
        output.WriteLine();
    }

    private static string Section(string path)
    {
        var end = path.AsSpan().IndexOfAny('.', '[');
        return end < 0 ? path : path[..end];
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private string Paint(string text, string code) => colour && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
