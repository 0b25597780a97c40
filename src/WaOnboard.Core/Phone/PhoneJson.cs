using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WaOnboard.Phone;

/// <summary>Writes the JSON of the <c>phone</c> command: an array of <c>{"input", "valid", "e164", "region", "type"}</c>.</summary>
public static class PhoneJson
{
    // Relaxed escaping so that E.164 reads "+33...", not "\u002B33...": the output is a terminal's or a
    // program's, never HTML. Quotes and control characters are still escaped.
    private static readonly PhoneJsonContext Context = new(new JsonSerializerOptions(PhoneJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The numbers as the spec's JSON array.</summary>
    public static string Write(IEnumerable<PhoneNumberInfo> numbers) =>
        JsonSerializer.Serialize(
            [.. numbers.Select(n => new PhoneJsonEntry(n.Input, n.Valid, n.E164, n.Region, n.Type.Name()))],
            Context.PhoneJsonEntryArray);
}

/// <summary>One number in the <c>phone</c> command's JSON; <c>e164</c> and <c>region</c> are written even when null.</summary>
internal sealed record PhoneJsonEntry(string Input, bool Valid, string? E164, string? Region, string Type);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(PhoneJsonEntry[]))]
internal sealed partial class PhoneJsonContext : JsonSerializerContext;
