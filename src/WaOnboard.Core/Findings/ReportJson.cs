using System.Text.Json;
using System.Text.Json.Serialization;

namespace WaOnboard.Findings;

/// <summary>Writes reports in the JSON of the packet specification.</summary>
public static class ReportJson
{
    /// <summary>One report as the spec's JSON object.</summary>
    public static string Write(ValidationReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.ValidationReport);

    /// <summary>Several reports as <c>{"packets": [report, ...]}</c>.</summary>
    public static string Write(IReadOnlyList<ValidationReport> reports) =>
        JsonSerializer.Serialize(new PacketReports(reports), ReportJsonContext.Default.PacketReports);
}

/// <summary>The envelope for several reports.</summary>
public sealed record PacketReports(IReadOnlyList<ValidationReport> Packets);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(PacketReports))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
