using System.Text.Json;
using WaOnboard.Findings;

namespace WaOnboard.Packets;

/// <summary>Builds the value tree of a JSON packet, keeping line and column of every value.</summary>
internal ref struct JsonPacketReader
{
    /// <summary>Deeper nesting than this is refused: a packet is at most five levels deep.</summary>
    public const int MaxDepth = 32;

    private Utf8JsonReader _reader;
    private readonly ReadOnlySpan<byte> _content;
    private readonly List<Finding> _findings;
    private int _scanned;
    private int _line;
    private int _lineStart;
    private int _values;

    private JsonPacketReader(ReadOnlySpan<byte> content, List<Finding> findings)
    {
        _content = content;
        _findings = findings;
        _reader = new Utf8JsonReader(content, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        _line = 1;
    }

    public static MapNode? Read(ReadOnlySpan<byte> content, List<Finding> findings)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }
        if (!PacketEncoding.IsUtf8(content, findings))
        {
            return null;
        }
        var reader = new JsonPacketReader(content, findings);
        return reader.ReadDocument();
    }

    private MapNode? ReadDocument()
    {
        try
        {
            if (!_reader.Read())
            {
                _findings.Add(PacketLoader.FileFinding("packet-syntax", "The packet is empty.", "Write the packet as one JSON object: { \"provider\": ..., \"business\": {...} }."));
                return null;
            }
            var value = ReadValue("");
            if (value is not MapNode map)
            {
                _findings.Add(PacketLoader.FileFinding("packet-syntax", "The packet must be one JSON object with fields such as provider and business.",
                    "Wrap the packet in { }.", value.Line, value.Column));
                return null;
            }
            return map;
        }
        catch (TooManyValuesException e)
        {
            _findings.Add(PacketLoader.FileFinding("packet-too-large", e.Message,
                "A packet has a few hundred values: remove the repeated or empty entries.", e.Line, e.Column));
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a string whose escapes make no text, such as a lone surrogate "\uD800".
            var (line, column) = Position();
            _findings.Add(PacketLoader.FileFinding("packet-syntax",
                $"The packet is not valid JSON at line {line}, column {column}: a string holds an escape that is no character (such as a lone \\uD800).",
                "Write the character itself, or a complete surrogate pair.", line, column));
            return null;
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own 0-based position; the finding carries a 1-based one instead.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
            int line = (int)(e.LineNumber ?? 0) + 1, column = (int)(e.BytePositionInLine ?? 0) + 1;
            _findings.Add(PacketLoader.FileFinding("packet-syntax", $"The packet is not valid JSON at line {line}, column {column}: {message}",
                "Fix the JSON syntax there (a missing comma, quote or brace is the usual cause).", line, column));
            return null;
        }
    }

    private PacketNode ReadValue(string path)
    {
        var (line, column) = Position();
        // The same bound as YAML's: a 1 MiB file of empty objects would otherwise be 350,000 values, each with its findings.
        if (++_values > YamlPacketReader.MaxNodes)
        {
            throw new TooManyValuesException(
                $"The packet holds more than {YamlPacketReader.MaxNodes} values (at line {line}, column {column}).", line, column);
        }
        switch (_reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<MapEntry>();
                while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = Position();
                    var key = _reader.GetString()!;
                    _reader.Read();
                    var keyPath = PacketPath.Field(path, key);
                    var value = ReadValue(keyPath);
                    if (entries.Exists(e => e.Key == key))
                    {
                        _findings.Add(new Finding("duplicate-key", Severity.Error, keyPath,
                            $"The field '{key}' is written twice in the same object (line {keyLine}).",
                            "Keep one of the two: a duplicate would silently hide the other value.")
                        { Line = keyLine, Column = keyColumn });
                        continue;
                    }
                    entries.Add(new MapEntry(key, value, keyLine, keyColumn));
                }
                return new MapNode(entries, line, column);
            case JsonTokenType.StartArray:
                var items = new List<PacketNode>();
                while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(PacketPath.Item(path, items.Count)));
                }
                return new ListNode(items, line, column);
            case JsonTokenType.String:
                return new ScalarNode(_reader.GetString()!, ScalarKind.String, line, column);
            case JsonTokenType.Number:
                return new ScalarNode(System.Text.Encoding.UTF8.GetString(_reader.ValueSpan), ScalarKind.Number, line, column);
            case JsonTokenType.True:
                return new ScalarNode("true", ScalarKind.Boolean, line, column);
            case JsonTokenType.False:
                return new ScalarNode("false", ScalarKind.Boolean, line, column);
            default:
                return new ScalarNode("", ScalarKind.Null, line, column);
        }
    }

    /// <summary>1-based line and column of the current token, counting newlines once as the reader moves on.</summary>
    private (int Line, int Column) Position()
    {
        var start = (int)_reader.TokenStartIndex;
        for (; _scanned < start; _scanned++)
        {
            if (_content[_scanned] == (byte)'\n')
            {
                _line++;
                _lineStart = _scanned + 1;
            }
        }
        return (_line, start - _lineStart + 1);
    }

    private sealed class TooManyValuesException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
