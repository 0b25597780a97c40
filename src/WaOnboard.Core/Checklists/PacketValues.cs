using WaOnboard.Packets;

namespace WaOnboard.Checklists;

/// <summary>Reads values out of a packet tree by the report's paths (<c>hsm[0].translations[1].body</c>).</summary>
internal static class PacketValues
{
    public static PacketNode? At(MapNode? root, string path)
    {
        // Walks the path in place: this runs for every element and field of a checklist, so no Split, no substrings
        // beyond the map keys.
        PacketNode? node = root;
        var rest = path.AsSpan();
        while (node is not null && rest.Length > 0)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            rest = dot < 0 ? [] : rest[(dot + 1)..];
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            node = node is MapNode map ? Field(map, name) : null;
            if (bracket >= 0)
            {
                var index = int.TryParse(segment[(bracket + 1)..^1], out var i) ? i : -1;
                node = node is ListNode list && index >= 0 && index < list.Items.Count ? list.Items[index] : null;
            }
        }
        return node;
    }

    private static PacketNode? Field(MapNode map, ReadOnlySpan<char> key)
    {
        foreach (var entry in map.Entries)
        {
            if (key.SequenceEqual(entry.Key))
            {
                return entry.Value;
            }
        }
        return null;
    }

    public static string? Text(MapNode? root, string path) => At(root, path) is ScalarNode { IsBlank: false } s ? s.Text : null;

    public static IReadOnlyList<string> Texts(MapNode? root, string path) => At(root, path) switch
    {
        ListNode list => [.. list.Items.OfType<ScalarNode>().Where(s => !s.IsBlank).Select(s => s.Text)],
        ScalarNode { IsBlank: false } s => [s.Text],
        _ => [],
    };

    public static bool? Flag(MapNode? root, string path) => At(root, path) switch
    {
        ScalarNode { IsTrue: true } => true,
        ScalarNode { IsFalse: true } => false,
        _ => null,
    };

    public static bool HasValue(PacketNode? node) => node switch
    {
        ScalarNode s => !s.IsBlank,
        ListNode list => list.Items.Any(HasValue),
        MapNode map => map.Entries.Any(e => HasValue(e.Value)),
        _ => false,
    };

    /// <summary>True when a finding's path is the element's path or lies under it.</summary>
    public static bool Covers(string prefix, string path) =>
        path.StartsWith(prefix, StringComparison.Ordinal)
        && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    /// <summary>The text of a URL field when it is an absolute http(s) address; null otherwise, so it never reaches a template.</summary>
    public static string? HttpUrl(string? value) =>
        value is not null
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? value.Trim()
            : null;
}
