using System.Text;
using System.Text.Unicode;
using WaOnboard.Findings;

namespace WaOnboard.Packets;

/// <summary>Packets are UTF-8: anything else is a finding that says which encoding the file seems to be in and how to save it as UTF-8.</summary>
/// <remarks>Decoding is strict: a replacement character would silently change a verified name that can never be changed.</remarks>
internal static class PacketEncoding
{
    // Windows-1252 bytes 0x80-0x9F; from 0xA0 it is ISO-8859-1, the byte's own code point.
    private const string Windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    /// <summary>True when the content is UTF-8 (a BOM allowed); otherwise adds one <c>packet-encoding</c> finding.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> content, List<Finding> findings)
    {
        if (TryUtf16(content, out var utf16))
        {
            findings.Add(Finding($"The packet is not UTF-8 text: it seems to be {utf16}.", "UTF-16", 1, 1));
            return false;
        }
        if (Utf8.IsValid(content))
        {
            return true;
        }
        var at = FirstInvalid(content);
        var (line, column) = Position(content, at);
        var b = content[at];
        var seen = b >= 0xA0 ? ((char)b).ToString() : b >= 0x80 ? Windows1252High[b - 0x80].ToString() : null;
        var guess = seen is null
            ? "it is not text in a known encoding"
            : $"it seems to be Windows-1252 (ANSI, Western European) or ISO-8859-1, where that byte is '{seen}'";
        findings.Add(Finding(
            $"The packet is not UTF-8 text: the byte 0x{b:X2} at line {line}, column {column} is not UTF-8; {guess}.",
            "WINDOWS-1252", line, column));
        return false;
    }

    private static Finding Finding(string message, string iconvName, int line, int column) =>
        PacketLoader.FileFinding("packet-encoding", message,
            "Save the file as UTF-8: in Notepad, File > Save as > Encoding: UTF-8; in VS Code, click the encoding in the status bar > "
            + $"Save with Encoding > UTF-8; or run iconv -f {iconvName} -t UTF-8 packet.yaml > packet-utf8.yaml.",
            line, column);

    /// <summary>A UTF-16 (or UTF-32) file: by its byte order mark, or by the zero bytes of ASCII text without one.</summary>
    private static bool TryUtf16(ReadOnlySpan<byte> content, out string description)
    {
        if (content.StartsWith((byte[])[0xFF, 0xFE, 0, 0]))
        {
            description = "UTF-32 (little-endian, with a byte order mark)";
            return true;
        }
        if (content.StartsWith((byte[])[0xFF, 0xFE]))
        {
            description = "UTF-16 (little-endian, with a byte order mark), as Windows' \"Unicode\" encoding writes it";
            return true;
        }
        if (content.StartsWith((byte[])[0xFE, 0xFF]))
        {
            description = "UTF-16 (big-endian, with a byte order mark)";
            return true;
        }
        // ASCII text in UTF-16 has a zero in every other byte: odd positions for little-endian, even for big-endian.
        var sample = content[..Math.Min(content.Length, 512)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
                else
                {
                    oddZeros++;
                }
            }
        }
        var pairs = sample.Length / 2;
        if (pairs > 0 && (oddZeros > pairs * 3 / 4 || evenZeros > pairs * 3 / 4))
        {
            description = oddZeros > evenZeros ? "UTF-16 (little-endian, without a byte order mark)" : "UTF-16 (big-endian, without a byte order mark)";
            return true;
        }
        description = "";
        return false;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> content)
    {
        var offset = 0;
        while (offset < content.Length)
        {
            if (Rune.DecodeFromUtf8(content[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return Math.Max(0, content.Length - 1);
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> content, int at)
    {
        var before = content[..at];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        // The column counts characters of the line, not bytes, as an editor shows it.
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
