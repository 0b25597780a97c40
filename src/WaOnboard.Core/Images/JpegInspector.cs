using System.Buffers.Binary;

namespace WaOnboard.Images;

/// <summary>Walks a JPEG's marker segments from SOI to the first scan (SOS), then checks that the file ends with EOI.</summary>
/// <remarks>
/// Each segment costs one 4-byte read and a seek over its body, so time depends on the number of
/// segments (at most <see cref="MaxSegments"/>), never on the file's size. The entropy-coded data
/// after SOS is not scanned: finding its end would mean reading it all, so the check is that the
/// last two bytes of the file are EOI (FF D9).
/// </remarks>
internal static class JpegInspector
{
    /// <summary>Segments before the first scan, at most; real files have a dozen (a split ICC profile, a few dozen).</summary>
    public const int MaxSegments = 1_000;

    public static (int Width, int Height, string? Problem) Inspect(ref ByteReader reader)
    {
        int width = 0, height = 0;
        var sawFrame = false;
        var pos = 2L;
        for (var steps = 0; ; steps++)
        {
            if (steps > MaxSegments)
            {
                return (width, height, FormattableString.Invariant($"has more than {MaxSegments:N0} JPEG segments before its image data"));
            }

            if (!reader.TryPeek(pos, 2, out var marker))
            {
                return (width, height, "is truncated: the JPEG ends before its image data (SOS)");
            }

            if (marker[0] != 0xFF)
            {
                return (width, height, $"is corrupt: the JPEG has no marker where one should start (byte {pos})");
            }

            var code = marker[1];
            if (code == 0xFF)
            {
                // Fill bytes may precede a marker (T.81 B.1.1.2): step over one at a time.
                pos++;
                continue;
            }

            pos += 2;
            switch (code)
            {
                case 0xD8:
                    return (width, height, "is corrupt: the JPEG has a second start-of-image marker (FFD8)");
                case 0xD9:
                    return (width, height, "is truncated: the JPEG ends (FFD9) before its image data");
                case 0x01 or (>= 0xD0 and <= 0xD7):
                    // TEM and RSTn stand alone, without a length.
                    continue;
                case 0x00:
                    return (width, height, "is corrupt: the JPEG has an invalid marker (FF00) among its headers");
            }

            if (!reader.TryPeek(pos, 2, out var lengthBytes))
            {
                return (width, height, $"is truncated: the JPEG ends inside its {Name(code)} segment");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
            if (length < 2)
            {
                return (width, height, $"is corrupt: its JPEG {Name(code)} segment gives a length of {length}");
            }

            if (!reader.Holds(pos, length))
            {
                return (width, height, $"is truncated: the JPEG ends inside its {Name(code)} segment");
            }

            if (IsFrame(code))
            {
                if (sawFrame)
                {
                    return (width, height, "is corrupt: the JPEG has two frame headers (SOF)");
                }

                sawFrame = true;
                if (length < 8 || !reader.TryPeek(pos + 2, 6, out var frame))
                {
                    return (width, height, "is corrupt: the JPEG's frame header (SOF) is too short");
                }

                height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..]);
                int components = frame[5];
                var problem =
                    length != 8 + (3 * components) || components is 0 or > 4 ? "is corrupt: the JPEG's frame header (SOF) does not match its component count"
                    : width == 0 ? "is corrupt: the JPEG's frame header (SOF) gives a width of 0"
                    : height == 0 ? "gives its height only after the image data (DNL marker), which few decoders support"
                    : code is not (0xC0 or 0xC1 or 0xC2) ? $"uses a JPEG coding process (SOF{code - 0xC0}: lossless, hierarchical or arithmetic) that common viewers do not support"
                    : null;
                if (problem is not null)
                {
                    return (width, height, problem);
                }
            }
            else if (code == 0xDA)
            {
                return (width, height, CheckScanAndEnd(ref reader, pos, length, sawFrame));
            }

            pos += length;
        }
    }

    private static string? CheckScanAndEnd(ref ByteReader reader, long pos, int length, bool sawFrame)
    {
        if (!sawFrame)
        {
            return "has no JPEG frame header (SOF) before its image data, so its size is unknown";
        }

        if (length < 3 || !reader.TryPeek(pos + 2, 1, out var count) || count[0] is 0 or > 4 || length != 6 + (2 * count[0]))
        {
            return "is corrupt: the JPEG's scan header (SOS) does not match its component count";
        }

        var scanEnd = pos + length;
        if (!reader.TryPeek(reader.Length - 2, 2, out var last) || last[0] != 0xFF || last[1] != 0xD9)
        {
            return "does not end with the JPEG end-of-image marker (FFD9): it is truncated or has data appended";
        }

        return reader.Length - 2 <= scanEnd ? "is truncated: the JPEG has no image data after its scan header" : null;
    }

    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static bool IsFrame(byte code) => code is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static string Name(byte code) => code switch
    {
        >= 0xE0 and <= 0xEF => $"APP{code - 0xE0}",
        0xDB => "DQT",
        0xC4 => "DHT",
        0xDD => "DRI",
        0xFE => "COM",
        0xDA => "SOS",
        0xCC => "DAC",
        _ when IsFrame(code) => $"SOF{code - 0xC0}",
        _ => $"FF{code:X2}",
    };
}
