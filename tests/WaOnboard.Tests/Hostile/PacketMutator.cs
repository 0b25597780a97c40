using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WaOnboard.Tests.Hostile;

/// <summary>A seeded random mutator over the example packets: hostile values at random places, and random byte edits.</summary>
internal static class PacketMutator
{
    public static readonly string[] Examples = ["engage-digital", "8x8", "generic", "many-mistakes"];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null,
        _ => JsonValue.Create(""),
        _ => JsonValue.Create(true),
        _ => JsonValue.Create(0),
        _ => JsonValue.Create("1e999"),
        _ => JsonValue.Create("\u202EknaB emcA"),
        _ => JsonValue.Create("Wh\u200BatsApp \u0430pp"),
        _ => JsonValue.Create("\u0661\u0660\u0664\u0668\u0665\u0667\u0666\u0660\u0660\u0660\u0660\u0660\u0660\u0664\u0662"),
        _ => JsonValue.Create("104857600000042\n"),
        _ => JsonValue.Create("\u001b[2J\u001b[32m valid"),
        _ => JsonValue.Create("🏦🏦🏦"),
        _ => JsonValue.Create("../../../../etc/passwd"),
        _ => JsonValue.Create("{{1}}{{2}} {{"),
        _ => JsonValue.Create("+33 6 12 34 56 78"),
        _ => JsonValue.Create("https://"),
        r => JsonValue.Create(new string('x', r.Next(4000, 4200))),
        _ => new JsonObject(),
        _ => new JsonArray(),
        r => new JsonArray([.. Enumerable.Range(0, r.Next(1, 60)).Select(_ => (JsonNode)new JsonObject())]),
        r => new JsonArray([.. Enumerable.Range(0, r.Next(1, 12)).Select(i => (JsonNode)JsonValue.Create("v" + i))]),
    ];

    /// <summary>An example packet with a few hostile values put at random places, as a JSON tree.</summary>
    public static JsonObject Mutate(int seed)
    {
        var random = new Random(seed);
        var packet = Repo.ExampleAsJson(Examples[random.Next(Examples.Length)]);
        for (var edits = random.Next(1, 6); edits > 0; edits--)
        {
            var (parent, key, index) = RandomPlace(packet, random);
            var value = Values[random.Next(Values.Length)](random);
            if (parent is JsonObject map)
            {
                map[key ?? "extra" + random.Next(3)] = value;
            }
            else if (parent is JsonArray list)
            {
                if (index < list.Count)
                {
                    list[index] = value;
                }
                else
                {
                    list.Add(value);
                }
            }
        }
        return packet;
    }

    /// <summary>The bytes of a packet with random byte edits: flips, insertions (of structural or non-UTF-8 bytes) and deletions.</summary>
    public static byte[] MutateBytes(byte[] content, int seed)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(content);
        byte[] pool = [(byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)':', (byte)',', (byte)'\n', (byte)'-', (byte)'&', (byte)'*', 0, 0xE9, 0xFF, 0xC3, 0x80];
        for (var edits = random.Next(1, 8); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = pool[random.Next(pool.Length)];
                    break;
                case 1:
                    bytes.Insert(at, pool[random.Next(pool.Length)]);
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>The same tree written as block YAML, every string double-quoted (JSON's escapes are YAML's too).</summary>
    public static string ToYaml(JsonNode root)
    {
        var builder = new StringBuilder();
        Write(builder, root, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    builder.Append(pad).Append(Quote(key)).Append(':');
                    WriteValue(builder, value, indent);
                }
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    builder.Append(pad).Append('-');
                    WriteValue(builder, item, indent);
                }
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JsonObject or JsonArray:
                builder.Append('\n');
                Write(builder, value, indent + 2);
                break;
            case null:
                builder.Append(" null\n");
                break;
            default:
                var element = JsonSerializer.SerializeToElement(value);
                builder.Append(' ').Append(element.ValueKind switch
                {
                    JsonValueKind.String => Quote(element.GetString()!),
                    _ => element.GetRawText(),
                }).Append('\n');
                break;
        }
    }

    /// <summary>A YAML double-quoted scalar: only what YAML cannot hold raw is escaped (controls, BOM), so emoji stay whole.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.Append('"').ToString();
    }

    private static (JsonNode Parent, string? Key, int Index) RandomPlace(JsonObject root, Random random)
    {
        JsonNode current = root;
        for (var depth = 0; depth < 6; depth++)
        {
            switch (current)
            {
                case JsonObject map when map.Count > 0 && random.Next(3) > 0:
                    var entry = map.ElementAt(random.Next(map.Count));
                    if (entry.Value is JsonObject or JsonArray && random.Next(2) == 0)
                    {
                        current = entry.Value;
                        continue;
                    }
                    return (map, entry.Key, 0);
                case JsonArray list when list.Count > 0 && random.Next(3) > 0:
                    var index = random.Next(list.Count);
                    if (list[index] is JsonObject or JsonArray && random.Next(2) == 0)
                    {
                        current = list[index]!;
                        continue;
                    }
                    return (list, null, index);
                default:
                    return (current, null, current is JsonArray array ? array.Count : 0);
            }
        }
        return (current, null, current is JsonArray a ? a.Count : 0);
    }

    public static string Describe(int seed) => seed.ToString(CultureInfo.InvariantCulture);
}
