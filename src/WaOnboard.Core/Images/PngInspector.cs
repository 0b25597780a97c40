using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace WaOnboard.Images;

/// <summary>Walks a PNG's chunks from the signature to IEND, checks every CRC, and inflates all the image data through a fixed buffer.</summary>
/// <remarks>
/// Correctness first, memory bounded: time grows with the file (every byte is read once for the CRCs, and the
/// image data is inflated once more to count it), allocation does not. Decisions:
/// <list type="bullet">
/// <item>Every chunk's CRC is checked (System.IO.Hashing's CRC-32), a window at a time.</item>
/// <item>The image data (IDAT, concatenated) is inflated in full through a stack buffer, straight from the file:
/// the output must be exactly the bytes the header implies (<see cref="Header.RawBytes"/>, Adam7 passes
/// included), every row must start with a filter byte of 0-4, and inflation stops as soon as the output
/// would exceed the picture's size, so a "bomb" costs at most that size of output (1.6 MB for 640x640 RGBA).
/// A header that implies more than <see cref="MaxInflatedImageBytes"/> is not inflated: its size is the finding.</item>
/// <item>Compressed metadata (zTXt, iTXt, iCCP) is never inflated beyond <see cref="BombOutput"/>
/// bytes from at most <see cref="InflatePrefix"/> input bytes: more than that is a compression bomb.</item>
/// <item>Nothing is allocated from a size the file claims: buffers are the caller's window, the stack,
/// one pooled 1 KiB array for metadata, and the inflater's own fixed state.</item>
/// </list>
/// </remarks>
internal static class PngInspector
{
    /// <summary>A picture needs a few dozen chunks; the bound keeps a file of empty chunks from costing time.</summary>
    public const int MaxChunks = 10_000;

    /// <summary>Compressed bytes fed to the inflater at most for each compressed metadata chunk.</summary>
    public const int InflatePrefix = 1024;

    /// <summary>Inflated bytes beyond which a metadata chunk's first <see cref="InflatePrefix"/> bytes count as a bomb.</summary>
    public const int BombOutput = 64 * 1024;

    /// <summary>Compressed metadata chunks inflated per file at most; more are only walked.</summary>
    public const int MaxInflatedChunks = 4;

    /// <summary>Image data sizes beyond which the rows are not inflated: such a picture is far from 640x640, which is the finding.</summary>
    /// <remarks>64 MiB is 4096x4096 RGBA; inflating it costs tens of ms. Without the cap a 5 MB file of deflated zeros under a 16384x16384 RGBA 16-bit header would cost 2 GiB of inflation (time, not memory).</remarks>
    public const long MaxInflatedImageBytes = 64L << 20;

    // Inflated bytes handled at a time, on the stack: the only buffer image data passes through.
    private const int OutputBuffer = 8 * 1024;

    private const uint Ihdr = 0x49484452, Plte = 0x504C5445, Idat = 0x49444154, Iend = 0x49454E44;
    private const uint Ztxt = 0x7A545874, Itxt = 0x69545874, Iccp = 0x69434350;

    public static (int Width, int Height, string? Problem) Inspect(ref ByteReader reader)
    {
        var header = default(Header);
        var pos = 8L;
        var chunks = 0;
        var inflated = 0;
        bool sawPlte = false, sawIdat = false, idatClosed = false;
        long idatBytes = 0, firstIdat = -1;

        while (true)
        {
            if (!reader.TryPeek(pos, 8, out var head))
            {
                return header.With("is truncated: the PNG ends before its IEND chunk");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(head);
            var type = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
            if (!IsLetters(type))
            {
                return header.With($"is corrupt: the PNG chunk at byte {pos} has no valid type (its name is not four letters)");
            }

            if (length > int.MaxValue)
            {
                return header.With($"is corrupt: its {Name(type)} chunk claims {length} bytes, more than a PNG chunk may hold (2^31-1)");
            }

            if (!reader.Holds(pos + 8, length + 4L))
            {
                return header.With($"is truncated: the PNG ends inside its {Name(type)} chunk");
            }

            if (++chunks > MaxChunks)
            {
                return header.With(FormattableString.Invariant($"has more than {MaxChunks:N0} PNG chunks, far more than any picture needs"));
            }

            if (chunks == 1 && type != Ihdr)
            {
                return header.With($"is corrupt: the PNG starts with a {Name(type)} chunk instead of IHDR");
            }

            if (type != Idat && sawIdat)
            {
                idatClosed = true;
            }

            var data = pos + 8;
            string? problem = null;
            switch (type)
            {
                case Ihdr:
                    if (chunks != 1)
                    {
                        return header.With("is corrupt: the PNG has a second IHDR chunk");
                    }

                    if (length != 13)
                    {
                        return header.With($"is corrupt: its IHDR chunk is {length} bytes long instead of 13");
                    }

                    if (!reader.TryPeek(data, 13, out var ihdr))
                    {
                        return header.With("is truncated: the PNG ends inside its IHDR chunk");
                    }

                    (header, problem) = Header.Parse(ihdr);
                    problem ??= CheckCrc(ref reader, pos, length, type);
                    break;

                case Plte:
                    sawPlte = true;
                    problem = header.ColourType is 0 or 4 ? "is corrupt: its greyscale PNG has a palette (PLTE)"
                        : sawIdat ? "is corrupt: its PNG palette (PLTE) comes after the image data"
                        : length == 0 || length > 768 || length % 3 != 0 ? $"is corrupt: its PNG palette (PLTE) is {length} bytes, not 3 to 768 in threes"
                        : CheckCrc(ref reader, pos, length, type);
                    break;

                case Idat:
                    if (idatClosed)
                    {
                        return header.With("is corrupt: its PNG image data (IDAT) is split by other chunks");
                    }

                    if (!sawIdat)
                    {
                        (sawIdat, firstIdat) = (true, pos);
                    }

                    idatBytes += length;
                    problem = CheckCrc(ref reader, pos, length, type);
                    break;

                case Iend:
                    if (length != 0)
                    {
                        return header.With($"is corrupt: its IEND chunk is {length} bytes long instead of 0");
                    }

                    problem = CheckCrc(ref reader, pos, 0, type);
                    break;

                default:
                    if ((type & 0x20000000) == 0)
                    {
                        // A critical chunk that a decoder does not know makes it give up (PNG spec 5.4).
                        return header.With($"uses a critical PNG chunk ({Name(type)}) that image viewers do not know");
                    }

                    // The CRC first: a damaged chunk is reported as damaged, not as what its damage looks like.
                    problem = CheckCrc(ref reader, pos, length, type);
                    if (problem is null && type is Ztxt or Itxt or Iccp && inflated < MaxInflatedChunks)
                    {
                        inflated++;
                        problem = CheckCompressedText(ref reader, data, (int)length, type);
                    }

                    break;
            }

            if (problem is not null)
            {
                return header.With(problem);
            }

            pos = data + length + 4;
            if (type == Iend)
            {
                break;
            }
        }

        if (pos != reader.Length)
        {
            return header.With(FormattableString.Invariant($"has {reader.Length - pos:N0} bytes of other data after the end of the PNG (IEND)"));
        }

        if (!sawIdat)
        {
            return header.With("is corrupt: the PNG has no image data (IDAT)");
        }

        if (header.ColourType == 3 && !sawPlte)
        {
            return header.With("is corrupt: its palette PNG has no palette (PLTE)");
        }

        return header.With(CheckImageData(ref reader, header, firstIdat, idatBytes));
    }

    /// <summary>The most compressed image data that <paramref name="header"/>'s pixels can need, in the worst real encoder.</summary>
    /// <remarks>
    /// Stored or fixed-Huffman deflate can grow data by 1/8 at worst; encoders that flush per row add
    /// a few bytes per row. Anything beyond is padding, or the tail of a stream that inflates to more
    /// than the image: a compression bomb for a decoder that does not stop at the image's size.
    /// </remarks>
    internal static Int128 MaxIdatBytes(Header header)
    {
        var raw = header.RawBytes();
        return raw + (raw / 8) + (16 * (Int128)header.Height) + 65536;
    }

    private static string? CheckImageData(ref ByteReader reader, Header header, long firstIdat, long idatBytes)
    {
        if (header.Width > ImageInspector.MaxPlausibleEdge || header.Height > ImageInspector.MaxPlausibleEdge
            || header.RawBytes() > MaxInflatedImageBytes)
        {
            // The claimed size is the problem to report; the data is not worth judging against it.
            return null;
        }

        if (idatBytes > MaxIdatBytes(header))
        {
            return FormattableString.Invariant($"holds {idatBytes:N0} bytes of compressed image data, more than {header.Width}x{header.Height} pixels can need: it is padded or a compression bomb");
        }

        // Check the zlib header here: PNG forbids a preset dictionary, and the message is clearer than the inflater's.
        // A header split across IDAT chunks is legal but perverse: the inflater then judges it.
        if (reader.TryPeek(firstIdat, 10, out var head) && BinaryPrimitives.ReadUInt32BigEndian(head) >= 2)
        {
            int cmf = head[8], flg = head[9];
            if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || (((cmf << 8) | flg) % 31) != 0 || (flg & 0x20) != 0)
            {
                return "is corrupt: its image data (IDAT) is not a zlib stream";
            }
        }

        return InflateImageData(reader.Stream, firstIdat, header);
    }

    /// <summary>Inflates all the image data into a stack buffer, counting it and checking each row's filter byte.</summary>
    private static string? InflateImageData(Stream file, long firstIdat, Header header)
    {
        var expected = (long)header.RawBytes();
        var rows = new RowCursor(header);
        long total = 0;
        Span<byte> output = stackalloc byte[OutputBuffer];
        try
        {
            using var data = new ImageDataStream(file, firstIdat);
            using var inflater = new ZLibStream(data, CompressionMode.Decompress);
            while (true)
            {
                // Never ask for more than one byte beyond the picture's size: that byte is the proof of too much data.
                var n = inflater.Read(output[..(int)Math.Min(output.Length, expected - total + 1)]);
                if (n == 0)
                {
                    break;
                }

                if (total + n > expected)
                {
                    return FormattableString.Invariant($"is corrupt: its image data (IDAT) inflates to more than the {expected:N0} bytes that {header.Width}x{header.Height} pixels need");
                }

                var problem = rows.Check(output[..n], total);
                if (problem is not null)
                {
                    return problem;
                }

                total += n;
            }
        }
        catch (InvalidDataException)
        {
            // zlib's own reasons (invalid code, distance too far back, incorrect data check) mean nothing to a user.
            return "is corrupt: its image data (IDAT) does not decompress";
        }

        return total < expected
            ? FormattableString.Invariant($"is truncated: its image data (IDAT) ends after {total:N0} of the {expected:N0} bytes that {header.Width}x{header.Height} pixels need")
            : null;
    }

    private static string? CheckCompressedText(ref ByteReader reader, long data, int length, uint type)
    {
        // Keyword (1-79 bytes) and NUL, then for iTXt a compression flag, then the method byte;
        // iTXt then has a language tag and a translated keyword, each NUL-terminated.
        if (!reader.TryPeek(data, Math.Min(length, reader.WindowSize), out var bytes))
        {
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul is < 1 or > 79)
        {
            return $"is corrupt: its {Name(type)} chunk has no valid keyword";
        }

        var start = nul + 1;
        if (type == Itxt)
        {
            if (bytes.Length < start + 2 || bytes[start] == 0)
            {
                // Not compressed (or cut short, which the CRC or walk reports): nothing can inflate.
                return null;
            }

            start += 2;
            for (var field = 0; field < 2; field++)
            {
                var end = bytes[start..].IndexOf((byte)0);
                if (end < 0)
                {
                    // Language tags longer than the window are not worth a second read.
                    return null;
                }

                start += end + 1;
            }
        }
        else
        {
            start++;
        }

        return start > length ? $"is corrupt: its {Name(type)} chunk is cut short"
            : Inflate(ref reader, data + start, length - start, $"{Name(type)} chunk");
    }

    /// <summary>Inflates at most <see cref="InflatePrefix"/> bytes of a metadata chunk's zlib stream; more than <see cref="BombOutput"/> bytes out is a bomb.</summary>
    private static string? Inflate(ref ByteReader reader, long offset, int length, string what)
    {
        var take = Math.Min(length, InflatePrefix);
        if (take < 2)
        {
            return null;
        }

        var input = ArrayPool<byte>.Shared.Rent(take);
        try
        {
            if (!reader.TryRead(offset, input.AsSpan(0, take)))
            {
                return $"is truncated: the PNG ends inside its {what}";
            }

            int cmf = input[0], flg = input[1];
            if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || (((cmf << 8) | flg) % 31) != 0 || (flg & 0x20) != 0)
            {
                return $"is corrupt: its {what} is not a zlib stream";
            }

            using var source = new MemoryStream(input, 0, take, writable: false);
            using var inflater = new ZLibStream(source, CompressionMode.Decompress);
            Span<byte> output = stackalloc byte[4096];
            var total = 0;
            while (total <= BombOutput)
            {
                var n = inflater.Read(output);
                if (n == 0)
                {
                    // The prefix ran out (or the stream ended): all that can be judged was judged.
                    return null;
                }

                total += n;
            }

            return $"is a compression bomb: its {what} inflates to more than {BombOutput / 1024} KiB from at most {InflatePrefix / 1024} KiB";
        }
        catch (InvalidDataException)
        {
            return $"is corrupt: its {what} does not decompress";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static string? CheckCrc(ref ByteReader reader, long chunk, long length, uint type)
    {
        var actual = reader.Crc(chunk + 4, 4 + length);
        if (actual is null || !reader.TryPeek(chunk + 8 + length, 4, out var stored))
        {
            return $"is truncated: the PNG ends inside its {Name(type)} chunk";
        }

        return actual.Value == BinaryPrimitives.ReadUInt32BigEndian(stored) ? null
            : $"is corrupt: the checksum (CRC) of its {Name(type)} chunk does not match its contents";
    }

    private static bool IsLetters(uint type)
    {
        for (var shift = 0; shift < 32; shift += 8)
        {
            var c = (type >> shift) & 0xFF;
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Name(uint type) =>
        string.Create(4, type, static (span, t) =>
        {
            for (var i = 0; i < 4; i++)
            {
                span[i] = (char)((t >> (24 - (8 * i))) & 0xFF);
            }
        });

    /// <summary>The fields of IHDR that the inspector uses.</summary>
    internal readonly record struct Header(int Width, int Height, byte BitDepth, byte ColourType, bool Interlaced)
    {
        public (int Width, int Height, string? Problem) With(string? problem) => (Width, Height, problem);

        public static (Header Header, string? Problem) Parse(ReadOnlySpan<byte> ihdr)
        {
            var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
            var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
            byte depth = ihdr[8], colour = ihdr[9];
            var header = new Header(
                width <= int.MaxValue ? (int)width : 0, height <= int.MaxValue ? (int)height : 0, depth, colour, ihdr[12] == 1);
            var validDepth = colour switch
            {
                0 => depth is 1 or 2 or 4 or 8 or 16,
                3 => depth is 1 or 2 or 4 or 8,
                2 or 4 or 6 => depth is 8 or 16,
                _ => false,
            };
            string? problem =
                width == 0 || height == 0 ? $"is corrupt: its PNG header (IHDR) gives a size of {width}x{height} pixels"
                : width > int.MaxValue || height > int.MaxValue ? $"is corrupt: its PNG header (IHDR) claims {width}x{height} pixels, beyond the PNG limit of 2^31-1"
                : !validDepth ? $"is corrupt: its PNG header (IHDR) gives bit depth {depth} with colour type {colour}"
                : ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1 ? "is corrupt: its PNG header (IHDR) names an unknown compression, filter or interlace method"
                : null;
            return (header, problem);
        }

        /// <summary>Bits per pixel: samples per pixel times the bit depth.</summary>
        public int Bits => BitDepth * ColourType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

        /// <summary>The number of image passes: 7 for Adam7 interlacing, else 1.</summary>
        public int Passes => Interlaced ? 7 : 1;

        /// <summary>Bytes of filtered image data the pixels need: each row of each pass is a filter byte and its packed samples.</summary>
        public Int128 RawBytes()
        {
            Int128 total = 0;
            for (var p = 0; p < Passes; p++)
            {
                var (rowBytes, rows) = Pass(p);
                total += (Int128)rowBytes * rows;
            }

            return total;
        }

        /// <summary>Bytes per row (filter byte included) and rows of pass <paramref name="p"/>; no rows when the pass is empty.</summary>
        public (long RowBytes, long Rows) Pass(int p)
        {
            if (!Interlaced)
            {
                return (RowBytes(Width), Height);
            }

            // Adam7 (PNG spec 8.2): first column, first row, column step and row step of each pass.
            ReadOnlySpan<int> passes = [0, 0, 8, 8, 4, 0, 8, 8, 0, 4, 4, 8, 2, 0, 4, 4, 0, 2, 2, 4, 1, 0, 2, 2, 0, 1, 1, 2];
            var at = 4 * p;
            long columns = Width > passes[at] ? ((long)Width - passes[at] + passes[at + 2] - 1) / passes[at + 2] : 0;
            long rows = Height > passes[at + 1] ? ((long)Height - passes[at + 1] + passes[at + 3] - 1) / passes[at + 3] : 0;
            return columns == 0 ? (0, 0) : (RowBytes(columns), rows);
        }

        private long RowBytes(long pixels) => 1 + (((pixels * Bits) + 7) / 8);
    }

    /// <summary>Follows the rows of the inflated image data, pass by pass, to find each row's filter byte.</summary>
    private struct RowCursor
    {
        private readonly Header _header;
        private int _pass = -1;
        private long _rowBytes, _rowsLeft, _row, _next;

        public RowCursor(Header header)
        {
            _header = header;
            NextPass();
        }

        /// <summary>Checks the filter bytes within <paramref name="bytes"/>, which start at offset <paramref name="start"/> of the image data.</summary>
        public string? Check(ReadOnlySpan<byte> bytes, long start)
        {
            while (_next < start + bytes.Length)
            {
                var filter = bytes[(int)(_next - start)];
                _row++;
                if (filter > 4)
                {
                    var where = _header.Interlaced ? FormattableString.Invariant($"row {_row} of interlace pass {_pass + 1}") : FormattableString.Invariant($"row {_row}");
                    return $"is corrupt: its image data (IDAT) has an invalid filter ({filter}) at the start of {where}";
                }

                _next += _rowBytes;
                if (--_rowsLeft == 0)
                {
                    NextPass();
                }
            }

            return null;
        }

        private void NextPass()
        {
            _row = 0;
            do
            {
                if (++_pass >= _header.Passes)
                {
                    // Past the last row: whatever follows is counted as too much data, not checked here.
                    _next = long.MaxValue;
                    return;
                }

                (_rowBytes, _rowsLeft) = _header.Pass(_pass);
            }
            while (_rowsLeft == 0);
        }
    }
}
