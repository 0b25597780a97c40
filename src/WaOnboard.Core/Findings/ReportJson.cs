using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WaOnboard.Findings;

/// <summary>Writes reports in the JSON of the packet specification.</summary>
public static class ReportJson
{
    // Reports are read by people and pipelines, not embedded in HTML: keep quotes and accents as they are.
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>One report as the spec's JSON object.</summary>
    public static string Write(ValidationReport report) => JsonSerializer.Serialize(report, Context.ValidationReport);

    /// <summary>Several reports as <c>{"packets": [report, ...]}</c>.</summary>
    public static string Write(IReadOnlyList<ValidationReport> reports) => JsonSerializer.Serialize(new PacketReports(reports), Context.PacketReports);
}

/// <summary>The envelope for several reports.</summary>
public sealed record PacketReports(IReadOnlyList<ValidationReport> Packets);

[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(PacketReports))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
