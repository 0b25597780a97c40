using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using WaOnboard.Findings;

namespace WaOnboard.Reports;

/// <summary>Writes reports as JUnit XML, as GitLab and Jenkins show test results: a test suite per packet, a test case per rule that ran.</summary>
public static class JUnitReport
{
    /// <summary>The JUnit document: findings that fail their packet (by its threshold) are failures, the others (and suppressed ones) are the test case's output.</summary>
    public static string Write(IReadOnlyList<ReportedPacket> packets)
    {
        var suites = new List<XElement>();
        int tests = 0, failures = 0;
        foreach (var packet in packets)
        {
            var byRule = packet.Report.Findings.ToLookup(f => f.RuleId, StringComparer.Ordinal);
            var cases = new List<XElement>();
            var suiteFailures = 0;
            foreach (var rule in packet.Rules)
            {
                var testCase = new XElement("testcase",
                    new XAttribute("name", $"{rule.Id}: {Clean(rule.Title)}"),
                    new XAttribute("classname", packet.Report.Packet),
                    new XAttribute("file", packet.File),
                    new XAttribute("time", "0"));
                var findings = byRule[rule.Id].ToList();
                var failing = findings.Where(f => FailPolicy.Fails(f, packet.Threshold)).ToList();
                if (failing.Count > 0)
                {
                    suiteFailures++;
                    testCase.Add(new XElement("failure",
                        new XAttribute("type", rule.Id),
                        new XAttribute("message", Clean(failing[0].Message)),
                        Clean(string.Join("\n", failing.Select(f => Describe(packet, f))))));
                }
                var others = findings.Except(failing).ToList();
                if (others.Count > 0)
                {
                    testCase.Add(new XElement("system-out", Clean(string.Join("\n", others.Select(f => Describe(packet, f))))));
                }
                cases.Add(testCase);
            }
            tests += cases.Count;
            failures += suiteFailures;
            suites.Add(new XElement("testsuite",
                new XAttribute("name", packet.Report.Packet),
                new XAttribute("tests", cases.Count.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("failures", suiteFailures.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("errors", "0"),
                new XAttribute("skipped", "0"),
                new XAttribute("time", "0"),
                new XElement("properties",
                    new XElement("property", new XAttribute("name", "profile"), new XAttribute("value", packet.Report.Profile)),
                    new XElement("property", new XAttribute("name", "file"), new XAttribute("value", packet.File))),
                cases));
        }
        var root = new XElement("testsuites",
            new XAttribute("name", "wa-onboard"),
            new XAttribute("tests", tests.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("failures", failures.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("errors", "0"),
            suites);
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }
        // StringBuilder output declares UTF-16; the file is written as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    private static string Describe(ReportedPacket packet, Finding finding)
    {
        var file = packet.FileOf(finding);
        var where = finding.Line is { } line ? $"{file}:{line}" + (finding.Column is { } column ? $":{column}" : "") : file;
        var field = finding.Path.Length == 0 ? "" : $" {finding.Path}:";
        var suppressed = finding.Suppression is { } s ? $" (suppressed: {s.Reason})" : "";
        var help = string.IsNullOrEmpty(finding.Help) ? "" : $" {finding.Help}";
        return $"{finding.Severity.ToString().ToLowerInvariant()}{suppressed} {where}{field} {finding.Message}{help}";
    }

    /// <summary>Characters that XML 1.0 cannot carry (control characters in a packet value) become U+FFFD.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }
        return builder.ToString();
    }
}
