namespace WaOnboard.Packets;

/// <summary>What a scalar value was written as in the packet file.</summary>
public enum ScalarKind
{
    /// <summary>Text (quoted, or plain text that is nothing else).</summary>
    String,

    /// <summary>A plain number such as <c>1000</c> or <c>104857600000042</c>; its text is kept exactly.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>, <c>~</c> or an empty plain value.</summary>
    Null,
}

/// <summary>A value in a packet file, with where it was written.</summary>
public abstract class PacketNode(int line, int column)
{
    /// <summary>Line in the file, 1-based.</summary>
    public int Line { get; } = line;

    /// <summary>Column in the file, 1-based.</summary>
    public int Column { get; } = column;
}

/// <summary>A single value: text, number, boolean or null. Its text is kept exactly as written.</summary>
public sealed class ScalarNode(string text, ScalarKind kind, int line, int column) : PacketNode(line, column)
{
    /// <summary>The value as written (unquoted); empty for null.</summary>
    public string Text { get; } = text;

    /// <summary>What the value was written as.</summary>
    public ScalarKind Kind { get; } = kind;

    /// <summary>True for null, and for text that is empty or only white space.</summary>
    public bool IsBlank => Kind == ScalarKind.Null || string.IsNullOrWhiteSpace(Text);

    /// <summary>True when the value is the boolean <c>true</c>.</summary>
    public bool IsTrue => Kind == ScalarKind.Boolean && Text.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the value is the boolean <c>false</c>.</summary>
    public bool IsFalse => Kind == ScalarKind.Boolean && Text.Equals("false", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One key of a map, with where the key was written.</summary>
public readonly record struct MapEntry(string Key, PacketNode Value, int Line, int Column);

/// <summary>A set of named fields, in file order.</summary>
public sealed class MapNode(IEnumerable<MapEntry> entries, int line, int column) : PacketNode(line, column)
{
    // An array, not a list behind an interface: looking a key up must not allocate an enumerator.
    private readonly MapEntry[] _entries = [.. entries];

    /// <summary>The fields in file order.</summary>
    public IReadOnlyList<MapEntry> Entries => _entries;

    /// <summary>The value of a field, or null when the map has no such field.</summary>
    public PacketNode? this[string key] => Find(key);

    /// <summary>The value of a field named by a slice of a longer path, or null when the map has no such field.</summary>
    public PacketNode? Find(ReadOnlySpan<char> key)
    {
        // Packets have a handful of keys per map: a linear scan beats hashing and allocates nothing.
        foreach (var entry in _entries)
        {
            if (key.SequenceEqual(entry.Key))
            {
                return entry.Value;
            }
        }
        return null;
    }
}

/// <summary>A list of values.</summary>
public sealed class ListNode(IEnumerable<PacketNode> items, int line, int column) : PacketNode(line, column)
{
    /// <summary>The items in file order.</summary>
    public IReadOnlyList<PacketNode> Items { get; } = [.. items];
}
