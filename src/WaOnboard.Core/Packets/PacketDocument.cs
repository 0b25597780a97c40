using WaOnboard.Findings;

namespace WaOnboard.Packets;

/// <summary>A packet as read from its file: the value tree, the files beside it, and what went wrong reading it.</summary>
public sealed class PacketDocument
{
    internal PacketDocument(string source, MapNode? root, IReadOnlyList<Finding> loadFindings, IPacketFiles files, bool readable)
    {
        Source = source;
        Root = root;
        LoadFindings = loadFindings;
        Files = files;
        IsReadable = readable;
    }

    /// <summary>The packet as the user named it: a path, or a label such as <c>request</c>.</summary>
    public string Source { get; }

    /// <summary>The top-level map, or null when the file could not be parsed into one.</summary>
    public MapNode? Root { get; }

    /// <summary>Findings about the file itself: syntax, size, unknown fields, wrong types.</summary>
    public IReadOnlyList<Finding> LoadFindings { get; }

    /// <summary>The files the packet names (the avatar), resolved inside the packet's folder.</summary>
    public IPacketFiles Files { get; }

    /// <summary>False when the file could not be found or read at all (exit code 2 on the command line).</summary>
    public bool IsReadable { get; }

    /// <summary>The provider profile the packet asks for, or null when it names none.</summary>
    public string? Provider => Root?["provider"] is ScalarNode { IsBlank: false } provider ? provider.Text : null;

    /// <summary>The packet as typed values, read on first use.</summary>
    public Packet Packet => _packet ??= PacketReader.Read(Root);

    private Packet? _packet;

    /// <summary>True when the packet has a non-blank value at a concrete path or under it (<c>phone</c>, <c>hsm[0].elementName</c>).</summary>
    public bool HasValueAt(string path) => HasValue(PacketPath.Find(Root, path));

    /// <summary>Where the value at a concrete path was written (line, column), or null when the packet has none there.</summary>
    public (int Line, int Column)? PositionOf(string path) => PacketPath.Find(Root, path) is { } node ? (node.Line, node.Column) : null;

    private static bool HasValue(PacketNode? node) => node switch
    {
        ScalarNode s => !s.IsBlank,
        ListNode list => list.Items.Any(HasValue),
        MapNode map => map.Entries.Any(e => HasValue(e.Value)),
        _ => false,
    };
}
