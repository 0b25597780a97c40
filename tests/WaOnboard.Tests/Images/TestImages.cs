using System.Buffers.Binary;
using System.IO.Compression;

namespace WaOnboard.Tests.Images;

/// <summary>Builds PNG and JPEG fixtures in code, so every case states exactly which bytes it is about.</summary>
internal static class TestImages
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG chunk: length, type, data, then the CRC of type and data.</summary>
    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        for (var i = 0; i < 4; i++)
        {
            chunk[4 + i] = (byte)type[i];
        }

        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), TestCrc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Ihdr(uint width, uint height, byte bitDepth = 8, byte colourType = 2, byte interlace = 0)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), height);
        data[8] = bitDepth;
        data[9] = colourType;
        data[12] = interlace;
        return Chunk("IHDR", data);
    }

    public static byte[] Zlib(ReadOnlySpan<byte> raw, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, level))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>Zlib of <paramref name="count"/> zero bytes, written in pieces so the test never holds them all.</summary>
    public static byte[] ZlibOfZeros(long count)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal))
        {
            var zeros = new byte[1 << 20];
            for (var left = count; left > 0; left -= zeros.Length)
            {
                z.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }

        return output.ToArray();
    }

    /// <summary>Filtered image data of a solid RGB picture: each row is filter 0 and the pixels.</summary>
    public static byte[] SolidRgbRows(int width, int height, byte r = 0x25, byte g = 0xD3, byte b = 0x66)
    {
        var stride = 1 + (3 * width);
        var raw = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (y * stride) + 1 + (3 * x);
                (raw[at], raw[at + 1], raw[at + 2]) = (r, g, b);
            }
        }

        return raw;
    }

    /// <summary>Filtered rows of a 640x640 RGB picture whose first <paramref name="noisyRows"/> rows are random (incompressible).</summary>
    public static byte[] PartlyNoisyRgbRows(int noisyRows, int width = 640, int height = 640)
    {
        var raw = SolidRgbRows(width, height);
        var stride = 1 + (3 * width);
        new Random(noisyRows).NextBytes(raw.AsSpan(0, noisyRows * stride));
        for (var y = 0; y < noisyRows; y++)
        {
            raw[y * stride] = 0;
        }

        return raw;
    }

    /// <summary>A PNG of the given header whose single IDAT is <paramref name="zlib"/>, as it is (which may be wrong for the header).</summary>
    public static byte[] PngWithImageData(byte[] ihdr, byte[] zlib) =>
        Concat(PngSignature, ihdr, Chunk("IDAT", zlib), Chunk("IEND", []));

    /// <summary>Offset of the first chunk of <paramref name="type"/> in a PNG (its length field).</summary>
    public static int ChunkAt(byte[] png, string type)
    {
        for (var pos = 8; pos + 12 <= png.Length; pos += 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos)))
        {
            if (png.AsSpan(pos + 4, 4).SequenceEqual(type.Select(c => (byte)c).ToArray()))
            {
                return pos;
            }
        }

        throw new ArgumentException($"No {type} chunk.", nameof(type));
    }

    /// <summary>Writes a correct CRC for the chunk at <paramref name="chunk"/>, so that only a deeper check can see a change to its data.</summary>
    public static void RecomputeCrc(byte[] png, int chunk)
    {
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(chunk));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(chunk + 8 + length), TestCrc32.Compute(png.AsSpan(chunk + 4, 4 + length)));
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>A valid 8-bit RGB PNG of one colour, with optional chunks before IEND.</summary>
    public static byte[] Png(int width = 640, int height = 640, params byte[][] extraChunks) =>
        Concat([PngSignature, Ihdr((uint)width, (uint)height), Chunk("IDAT", Zlib(SolidRgbRows(width, height))), .. extraChunks, Chunk("IEND", [])]);

    /// <summary>A valid 640x640 PNG padded with a private ancillary chunk (<c>prVt</c>) to exactly <paramref name="length"/> bytes.</summary>
    public static byte[] PngOfLength(long length)
    {
        var bare = Png();
        var padding = (int)(length - bare.Length - 12);
        var ihdrEnd = 8 + 25;
        return Concat(bare[..ihdrEnd], Chunk("prVt", new byte[padding]), bare[ihdrEnd..]);
    }

    /// <summary>
    /// A minimal baseline JPEG: SOI, APP0 (JFIF), DQT, SOF0, DHT, SOS, a little entropy-coded data, EOI.
    /// The pixels are not meaningful; the structure is what the inspector reads.
    /// </summary>
    public static byte[] Jpeg(int width = 640, int height = 640, int entropyBytes = 64, byte sof = 0xC0)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, sof, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        // One DC table and one AC table, each with a single 1-bit code.
        Segment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0]);
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0]);
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        jpeg.Write(Enumerable.Repeat((byte)0x2A, entropyBytes).ToArray());
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    public static byte[] JpegOfLength(long length)
    {
        var bare = Jpeg();
        // Pad with entropy-coded bytes: the inspector must not scan them.
        return Jpeg(entropyBytes: (int)(length - bare.Length + 64));
    }

    public static void Segment(Stream jpeg, byte marker, ReadOnlySpan<byte> body)
    {
        jpeg.Write([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        jpeg.Write(body);
    }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Fixtures", name));
}

/// <summary>The PNG CRC-32, computed bit by bit: slow and obviously right, independent of the core's table version.</summary>
internal static class TestCrc32
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}

/// <summary>A stream that counts the bytes read through it, to show that work does not grow with the file.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        BytesRead += n;
        Reads++;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
