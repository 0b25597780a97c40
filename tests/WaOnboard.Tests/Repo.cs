using System.Text.Json.Nodes;
using WaOnboard.Packets;

namespace WaOnboard.Tests;

/// <summary>Paths in the repository, and packets built from the examples for tests.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>True when golden files should be rewritten instead of compared (UPDATE_GOLDEN=1).</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Validation.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Validation.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The example packet of a profile as a JSON tree, to change one field at a time.</summary>
    public static JsonObject ExampleAsJson(string example)
    {
        var document = PacketLoader.LoadPath(PathOf("examples", example));
        return (JsonObject)ToJson(document.Root!)!;
    }

    /// <summary>Loads a JSON tree as a packet whose files are those of an example folder.</summary>
    public static PacketDocument Load(JsonObject packet, string example) =>
        PacketLoader.Load(System.Text.Encoding.UTF8.GetBytes(packet.ToJsonString()), PacketFormat.Json, "test",
            new FolderPacketFiles(PathOf("examples", example)));

    /// <summary>Sets (or, with null, removes) the field at a dotted path with [i] indices, creating maps on the way.</summary>
    public static void Set(JsonObject packet, string path, JsonNode? value)
    {
        JsonNode current = packet;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, index) = Split(parts[i]);
            var last = i == parts.Length - 1;
            var map = (JsonObject)current;
            if (index is null)
            {
                if (last)
                {
                    if (value is null)
                    {
                        map.Remove(name);
                    }
                    else
                    {
                        map[name] = value;
                    }
                    return;
                }
                current = map[name] ??= new JsonObject();
                continue;
            }
            var list = (JsonArray)map[name]!;
            if (last)
            {
                if (value is null)
                {
                    list.RemoveAt(index.Value);
                }
                else if (index.Value == list.Count)
                {
                    list.Add(value);
                }
                else
                {
                    list[index.Value] = value;
                }
                return;
            }
            current = list[index.Value]!;
        }
    }

    private static (string Name, int? Index) Split(string part)
    {
        var open = part.IndexOf('[');
        return open < 0 ? (part, null) : (part[..open], int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static JsonNode? ToJson(PacketNode node) => node switch
    {
        MapNode map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        ListNode list => new JsonArray([.. list.Items.Select(ToJson)]),
        ScalarNode { Kind: ScalarKind.Null } => null,
        ScalarNode { Kind: ScalarKind.Boolean } b => JsonValue.Create(b.IsTrue),
        ScalarNode { Kind: ScalarKind.Number } n when n.Text.Length < 10 => JsonValue.Create(long.Parse(n.Text, System.Globalization.CultureInfo.InvariantCulture)),
        ScalarNode s => JsonValue.Create(s.Text),
        _ => null,
    };

    /// <summary>Converts YAML-ish test values (from case files) into JSON nodes.</summary>
    public static JsonNode? FromCase(PacketNode? node) => node is null ? null : ToJson(node);
}
