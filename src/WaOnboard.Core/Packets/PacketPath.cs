using System.Globalization;

namespace WaOnboard.Packets;

/// <summary>Builds field paths in the report's notation: dotted names, <c>[i]</c> for list items.</summary>
public static class PacketPath
{
    /// <summary>The path of a field of the map at <paramref name="parent"/>.</summary>
    public static string Field(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The value at a concrete path (<c>hsm[0].translations[1].body</c>), or null when the packet has none there.</summary>
    public static PacketNode? Find(MapNode? root, string path)
    {
        // Walks the path in place, with no Split and no substrings: checklists look up every element this way.
        PacketNode? node = root;
        var rest = path.AsSpan();
        while (node is not null && rest.Length > 0)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            rest = dot < 0 ? [] : rest[(dot + 1)..];
            var bracket = segment.IndexOf('[');
            node = (node as MapNode)?.Find(bracket < 0 ? segment : segment[..bracket]);
            if (bracket >= 0)
            {
                var index = int.TryParse(segment[(bracket + 1)..^1], out var i) ? i : -1;
                node = node is ListNode list && index >= 0 && index < list.Items.Count ? list.Items[index] : null;
            }
        }
        return node;
    }

    /// <summary>The text at a concrete path, or null when it is missing or blank.</summary>
    public static string? Text(MapNode? root, string path) => Find(root, path) is ScalarNode { IsBlank: false } s ? s.Text : null;
}
