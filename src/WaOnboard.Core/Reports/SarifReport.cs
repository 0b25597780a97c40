using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WaOnboard.Findings;

namespace WaOnboard.Reports;

/// <summary>Writes reports as SARIF 2.1.0, as GitHub code scanning and Azure DevOps read it.</summary>
public static class SarifReport
{
    /// <summary>The rule catalogue each rule's <c>helpUri</c> points into (an anchor per rule id).</summary>
    public const string RulesDocumentUri = "https://github.com/wa-onboard/wa-onboard/blob/main/docs/rules.md";

    /// <summary>The base id of the artifact locations: the repository root, as GitHub's upload resolves it.</summary>
    public const string UriBaseId = "%SRCROOT%";

    /// <summary>The key of the fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "waOnboardFinding/v1";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One SARIF log with one run for all the packets; the driver lists every rule that ran on any of them.</summary>
    public static string Write(IReadOnlyList<ReportedPacket> packets, string toolVersion)
    {
        var rules = packets.SelectMany(p => p.Rules).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules, toolVersion);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(UriBaseId);
            json.WriteStartObject("description");
            json.WriteString("text", "The root of the repository that holds the packets.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            // YAML positions count characters; JSON ones count UTF-8 bytes, which agree on the ASCII that packets' keys are written in.
            json.WriteString("columnKind", "unicodeCodePoints");
            json.WriteStartArray("results");
            foreach (var packet in packets)
            {
                foreach (var finding in packet.Report.Findings)
                {
                    WriteResult(json, packet, finding, index[finding.RuleId]);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, List<RuleInfo> rules, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "wa-onboard");
        json.WriteString("semanticVersion", toolVersion);
        json.WriteString("informationUri", RulesDocumentUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Id));
            WriteText(json, "shortDescription", Sentence(rule.Title));
            WriteText(json, "fullDescription", rule.Source.Length == 0 ? Sentence(rule.Title) : $"{Sentence(rule.Title)} Source: {Sentence(rule.Source)}");
            var help = rule.Help.Length == 0 ? "See the rule catalogue." : rule.Help;
            json.WriteStartObject("help");
            json.WriteString("text", help);
            json.WriteString("markdown", $"{help}\n\n**Source:** {rule.Source}\n\n[`{rule.Id}` in the rule catalogue]({RulesDocumentUri}#{rule.Id})");
            json.WriteEndObject();
            json.WriteString("helpUri", $"{RulesDocumentUri}#{rule.Id}");
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ReportedPacket packet, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", string.IsNullOrEmpty(finding.Help) ? finding.Message : $"{finding.Message} {finding.Help}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri.EscapeDataString(packet.RepositoryPathOf(finding)).Replace("%2F", "/", StringComparison.Ordinal));
        json.WriteString("uriBaseId", UriBaseId);
        json.WriteEndObject();
        if (finding.Line is { } line)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            if (finding.Column is { } column)
            {
                json.WriteNumber("startColumn", column);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (finding.Path.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.Path);
            json.WriteString("kind", "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, packet.Fingerprint(finding));
        json.WriteEndObject();
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.External ? "external" : "inSource");
            json.WriteString("status", "accepted");
            json.WriteString("justification", suppression.Reason);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Sentence(string text) => text.Length == 0 || text.EndsWith('.') ? text : text + ".";

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
