using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WaOnboard.Findings;

/// <summary>Writes reports in the JSON of the packet specification.</summary>
public static class ReportJson
{
    // Reports are read by people and pipelines, not embedded in HTML: keep quotes and accents as they are. The
    // escaping is the writer's, so the serializer keeps the generated options and their fast path (no metadata to
    // build at start: a third of a one-packet `validate --format json`, decision 1203).
    private static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One report as the spec's JSON object.</summary>
    public static string Write(ValidationReport report) => Serialize(report, ReportJsonContext.Default.ValidationReport);

    /// <summary>Several reports as <c>{"packets": [report, ...]}</c>.</summary>
    public static string Write(IReadOnlyList<ValidationReport> reports) => Serialize(new PacketReports(reports), ReportJsonContext.Default.PacketReports);

    private static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            JsonSerializer.Serialize(writer, value, type);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>The envelope for several reports.</summary>
public sealed record PacketReports(IReadOnlyList<ValidationReport> Packets);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(PacketReports))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
