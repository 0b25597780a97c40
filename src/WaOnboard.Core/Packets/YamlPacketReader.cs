using System.Text.RegularExpressions;
using WaOnboard.Findings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WaOnboard.Packets;

/// <summary>Builds the value tree of a YAML packet from the parser's events, keeping line and column of every value.</summary>
/// <remarks>
/// Aliases share the anchored node rather than copying it, and every alias counts the full size of what it
/// stands for against <see cref="MaxNodes"/>: an alias bomb ("billion laughs") stops after a few thousand
/// events with a finding, instead of growing exponentially.
/// </remarks>
internal sealed partial class YamlPacketReader
{
    /// <summary>A packet has a few hundred values; more than this, counting what aliases stand for, is refused.</summary>
    public const int MaxNodes = 10_000;

    private readonly IParser _parser;
    private readonly List<Finding> _findings;
    private readonly Dictionary<string, (PacketNode Node, int Size)> _anchors = [];
    private int _nodes;

    private YamlPacketReader(IParser parser, List<Finding> findings)
    {
        _parser = parser;
        _findings = findings;
    }

    public static MapNode? Read(ReadOnlySpan<byte> content, List<Finding> findings)
    {
        if (!PacketEncoding.IsUtf8(content, findings))
        {
            return null;
        }
        var reader = new YamlPacketReader(new Parser(new StringReader(PacketLoader.Decode(content))), findings);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException e)
        {
            int line = (int)e.Start.Line, column = (int)e.Start.Column;
            findings.Add(PacketLoader.FileFinding("packet-syntax", $"The packet is not valid YAML at line {line}, column {column}: {e.Message}",
                "Fix the YAML there: check the indentation, and quote values that contain ': ' or start with a special character.", line, column));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed input (FsCheck found one); to the user it is a syntax error.
            var at = reader._parser.Current?.Start;
            int line = (int)(at?.Line ?? 1), column = (int)(at?.Column ?? 1);
            findings.Add(PacketLoader.FileFinding("packet-syntax", $"The packet is not valid YAML near line {line}, column {column}.",
                "Fix the YAML there: check the indentation and the quotes.", line, column));
            return null;
        }
        catch (PacketTooLargeException e)
        {
            findings.Add(PacketLoader.FileFinding("packet-too-large", e.Message,
                "Write the packet out plainly: YAML anchors and aliases (&name, *name) that repeat large parts are not needed in a packet.",
                e.Line, e.Column));
            return null;
        }
    }

    private MapNode? ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.Accept<StreamEnd>(out _))
        {
            _findings.Add(PacketLoader.FileFinding("packet-syntax", "The packet is empty.", "Start from one of the packets in examples/."));
            return null;
        }
        _parser.Consume<DocumentStart>();
        var (root, _) = ReadValue("", depth: 0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var next))
        {
            _findings.Add(new Finding("packet-syntax", Severity.Warning, "",
                $"The file holds more than one YAML document (another starts at line {next.Start.Line}); only the first is read.",
                "Keep one packet per file, without a second '---'.")
            { Line = (int)next.Start.Line, Column = (int)next.Start.Column });
        }
        if (root is not MapNode map)
        {
            _findings.Add(PacketLoader.FileFinding("packet-syntax", "The packet must be a YAML mapping with fields such as provider and business.",
                "Start from one of the packets in examples/.", root.Line, root.Column));
            return null;
        }
        return map;
    }

    private (PacketNode Node, int Size) ReadValue(string path, int depth)
    {
        var start = _parser.Current!.Start;
        int line = (int)start.Line, column = (int)start.Column;
        if (depth > JsonPacketReader.MaxDepth)
        {
            throw new PacketTooLargeException($"The packet is nested more than {JsonPacketReader.MaxDepth} levels deep (line {line}).", line, column);
        }
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                throw new YamlException(alias.Start, alias.End, $"The alias *{alias.Value} names no anchor defined before it.");
            }
            Count(anchored.Size, line, column);
            return anchored;
        }

        (PacketNode Node, int Size) result;
        AnchorName anchor;
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            Count(1, line, column);
            anchor = scalar.Anchor;
            result = (new ScalarNode(scalar.Value, KindOf(scalar), line, column), 1);
        }
        else if (_parser.TryConsume<SequenceStart>(out var sequence))
        {
            Count(1, line, column);
            anchor = sequence.Anchor;
            var items = new List<PacketNode>();
            var size = 1;
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                var (item, itemSize) = ReadValue(PacketPath.Item(path, items.Count), depth + 1);
                items.Add(item);
                size = Math.Min(MaxNodes + 1, size + itemSize);
            }
            result = (new ListNode(items, line, column), size);
        }
        else
        {
            var mapping = _parser.Consume<MappingStart>();
            Count(1, line, column);
            anchor = mapping.Anchor;
            var entries = new List<MapEntry>();
            var size = 1;
            while (!_parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = _parser.Current!.Start;
                var (keyNode, _) = ReadValue(path, depth + 1);
                var key = keyNode is ScalarNode s ? s.Text : "";
                var keyPath = PacketPath.Field(path, key);
                var (value, valueSize) = ReadValue(keyPath, depth + 1);
                size = Math.Min(MaxNodes + 1, size + valueSize + 1);
                if (entries.Exists(e => e.Key == key))
                {
                    _findings.Add(new Finding("duplicate-key", Severity.Error, keyPath,
                        $"The field '{key}' is written twice in the same mapping (line {keyStart.Line}).",
                        "Keep one of the two: a duplicate would silently hide the other value.")
                    { Line = (int)keyStart.Line, Column = (int)keyStart.Column });
                    continue;
                }
                entries.Add(new MapEntry(key, value, (int)keyStart.Line, (int)keyStart.Column));
            }
            result = (new MapNode(entries, line, column), size);
        }
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = result;
        }
        return result;
    }

    private void Count(int size, int line, int column)
    {
        _nodes += size;
        if (_nodes > MaxNodes)
        {
            throw new PacketTooLargeException(
                $"The packet holds more than {MaxNodes} values once its aliases are expanded (at line {line}, column {column}).", line, column);
        }
    }

    private static ScalarKind KindOf(Scalar scalar)
    {
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }
        var text = scalar.Value;
        if (text.Length == 0 || text == "~" || text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return ScalarKind.Null;
        }
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return ScalarKind.Boolean;
        }
        return text.Length <= 64 && NumberPattern().IsMatch(text) ? ScalarKind.Number : ScalarKind.String;
    }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    private sealed class PacketTooLargeException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
