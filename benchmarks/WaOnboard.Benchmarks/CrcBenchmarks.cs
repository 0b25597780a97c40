using BenchmarkDotNet.Attributes;

namespace WaOnboard.Benchmarks;

/// <summary>
/// The hand-written PNG CRC-32 (slicing-by-8 tables, PCLMULQDQ folding) against System.IO.Hashing's, at the size
/// of a small chunk budget (16 KiB) and of a large IDAT run (1 MiB). Kept for docs/decisions/0005 while both exist.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CrcBenchmarks
{
    private byte[] _data = [];

    [Params(16 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(Size).NextBytes(_data);
        if (Images.Crc32.Compute(_data) != System.IO.Hashing.Crc32.HashToUInt32(_data))
        {
            throw new InvalidOperationException("The two CRC-32 implementations disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public uint HandWritten() => Images.Crc32.Compute(_data);

    [Benchmark]
    public uint SystemIoHashing() => System.IO.Hashing.Crc32.HashToUInt32(_data);
}
