using System.Buffers.Binary;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using WaOnboard.Images;

namespace WaOnboard.Benchmarks;

/// <summary>
/// The avatar inspector on a 20 KB and a 5 MB picture, from memory and from a file. Since issue 9 it reads every
/// byte of a PNG (all CRCs) and inflates all its image data, so time grows with the file; allocation must not.
/// Files are built here, in memory and in a temp folder; the file cases include opening and closing the file, as
/// the CLI does; the "open file" cases show the inspection alone. Figures: docs/performance.md, avatar section.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AvatarBenchmarks
{
    private readonly Dictionary<string, byte[]> _bytes = [];
    private readonly Dictionary<string, string> _paths = [];
    private readonly Dictionary<string, FileStream> _open = [];
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        var png20Kb = Png(NoiseRows(10), idatChunk: 8192);
        _bytes["png20k"] = png20Kb;
        _bytes["png5m-ancillary"] = PadWithAncillary(png20Kb, ImageInspector.MaxBytes);
        _bytes["png5m-idat"] = Png(NoiseRows(10), idatChunk: int.MaxValue, idatPadding: (int)ImageInspector.MaxBytes - 20_000);
        // The worst legitimate case: 640x640 RGBA 16-bit noise in libpng's 8 KB IDAT chunks (400 chunks).
        _bytes["png3m-8k-idats"] = Png(Noise(640 * (1 + (640 * 8))), idatChunk: 8192, colourType: 6, bitDepth: 16);
        _bytes["jpeg20k"] = Jpeg(20_000);
        _bytes["jpeg5m"] = Jpeg(ImageInspector.MaxBytes);

        _folder = Directory.CreateTempSubdirectory("wa-onboard-avatars-").FullName;
        foreach (var (name, bytes) in _bytes)
        {
            _paths[name] = Path.Combine(_folder, name);
            File.WriteAllBytes(_paths[name], bytes);
        }

        foreach (var name in new[] { "png20k", "png5m-ancillary", "jpeg5m" })
        {
            _open[name] = new FileStream(_paths[name], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        }

        foreach (var (name, bytes) in _bytes)
        {
            var verdict = ImageInspector.Inspect(bytes);
            Console.WriteLine($"// {name}: {bytes.Length:N0} bytes, {verdict.Format} {verdict.Width}x{verdict.Height}, {verdict.Problem ?? "intact"}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var stream in _open.Values)
        {
            stream.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public ImageInspection Png20KbFromMemory() => FromMemory("png20k");

    [Benchmark]
    public ImageInspection Png5MbAncillaryFromMemory() => FromMemory("png5m-ancillary");

    [Benchmark]
    public ImageInspection Png5MbIdatFromMemory() => FromMemory("png5m-idat");

    [Benchmark]
    public ImageInspection Png3MbIn400IdatsFromMemory() => FromMemory("png3m-8k-idats");

    [Benchmark]
    public ImageInspection Jpeg20KbFromMemory() => FromMemory("jpeg20k");

    [Benchmark]
    public ImageInspection Jpeg5MbFromMemory() => FromMemory("jpeg5m");

    [Benchmark]
    public ImageInspection Png20KbFromFile() => ImageInspector.InspectFile(_paths["png20k"]);

    [Benchmark]
    public ImageInspection Png5MbAncillaryFromFile() => ImageInspector.InspectFile(_paths["png5m-ancillary"]);

    [Benchmark]
    public ImageInspection Png5MbIdatFromFile() => ImageInspector.InspectFile(_paths["png5m-idat"]);

    [Benchmark]
    public ImageInspection Png3MbIn400IdatsFromFile() => ImageInspector.InspectFile(_paths["png3m-8k-idats"]);

    [Benchmark]
    public ImageInspection Jpeg20KbFromFile() => ImageInspector.InspectFile(_paths["jpeg20k"]);

    [Benchmark]
    public ImageInspection Jpeg5MbFromFile() => ImageInspector.InspectFile(_paths["jpeg5m"]);

    [Benchmark]
    public ImageInspection Png20KbFromOpenFile() => ImageInspector.Inspect(_open["png20k"]);

    [Benchmark]
    public ImageInspection Png5MbAncillaryFromOpenFile() => ImageInspector.Inspect(_open["png5m-ancillary"]);

    [Benchmark]
    public ImageInspection Jpeg5MbFromOpenFile() => ImageInspector.Inspect(_open["jpeg5m"]);

    private ImageInspection FromMemory(string name)
    {
        // A MemoryStream over the existing array: a few dozen bytes, as a caller holding an upload would pay.
        using var stream = new MemoryStream(_bytes[name], writable: false);
        return ImageInspector.Inspect(stream);
    }

    // 640x640 RGB rows, the first `noisy` rows random (incompressible) and the rest one colour.
    private static byte[] NoiseRows(int noisy)
    {
        var raw = new byte[640 * (1 + (640 * 3))];
        new Random(640).NextBytes(raw.AsSpan(0, noisy * 1921));
        for (var y = 0; y < 640; y++)
        {
            raw[y * 1921] = 0;
        }

        return raw;
    }

    private static byte[] Noise(int length)
    {
        var raw = new byte[length];
        new Random(640).NextBytes(raw);
        for (var y = 0; y < 640; y++)
        {
            raw[y * (1 + (640 * 8))] = 0;
        }

        return raw;
    }

    private static byte[] Png(byte[] raw, int idatChunk, int idatPadding = 0, byte colourType = 2, byte bitDepth = 8)
    {
        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.Optimal))
        {
            z.Write(raw);
        }

        var data = zlib.ToArray().Concat(new byte[idatPadding]).ToArray();
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 640);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 640);
        (ihdr[8], ihdr[9]) = (bitDepth, colourType);
        Chunk(png, "IHDR", ihdr);
        foreach (var part in data.Chunk(idatChunk))
        {
            Chunk(png, "IDAT", part);
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] PadWithAncillary(byte[] png, long length)
    {
        using var padded = new MemoryStream();
        padded.Write(png.AsSpan(0, 33));
        Chunk(padded, "prVt", new byte[length - png.Length - 12]);
        padded.Write(png.AsSpan(33));
        return padded.ToArray();
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        for (var i = 0; i < 4; i++)
        {
            head[4 + i] = (byte)type[i];
        }

        var crc = new System.IO.Hashing.Crc32();
        crc.Append(head.AsSpan(4));
        crc.Append(data);
        var stored = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(stored, crc.GetCurrentHashAsUInt32());
        png.Write(head);
        png.Write(data);
        png.Write(stored);
    }

    // Baseline JPEG of `length` bytes: headers, then entropy-coded filler up to EOI.
    private static byte[] Jpeg(long length)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, 0x02, 0x80, 0x02, 0x80, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0]);
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0]);
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        jpeg.Write(Enumerable.Repeat((byte)0x2A, (int)(length - jpeg.Length - 2)).ToArray());
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static void Segment(Stream jpeg, byte marker, ReadOnlySpan<byte> body)
    {
        jpeg.Write([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        jpeg.Write(body);
    }
}
