using WaOnboard.Packets;

namespace WaOnboard.Checklists;

/// <summary>Reads values out of a packet tree by the report's paths (<c>hsm[0].translations[1].body</c>).</summary>
internal static class PacketValues
{
    public static IReadOnlyList<string> Texts(MapNode? root, string path) => PacketPath.Find(root, path) switch
    {
        ListNode list => [.. list.Items.OfType<ScalarNode>().Where(s => !s.IsBlank).Select(s => s.Text)],
        ScalarNode { IsBlank: false } s => [s.Text],
        _ => [],
    };

    public static bool? Flag(MapNode? root, string path) => PacketPath.Find(root, path) switch
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
