using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WaOnboard.Images;

/// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320).</summary>
/// <remarks>
/// System.IO.Hashing is not in the shared framework and no package may be added. The 16 KiB CRC
/// budget of the PNG walk took 15-30 µs with tables alone on the project's (shared) machine, up to
/// half the inspector's 50 µs, so where the CPU has PCLMULQDQ the bulk is folded 64 bytes at a time (Gopal et al., "Fast CRC
/// Computation for Generic Polynomials Using PCLMULQDQ", Intel 2009; the constants are those of
/// zlib's and Chromium's crc32_simd). The tail, short inputs and other CPUs use slicing-by-8 tables.
/// </remarks>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Initial register value; pass it to <see cref="Append"/>, then <see cref="Finish"/>.</summary>
    public const uint Start = 0xFFFFFFFF;

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (Pclmulqdq.IsSupported && Sse2.IsSupported && data.Length >= 64)
        {
            var folded = data.Length & ~15;
            crc = Fold(crc, data[..folded]);
            data = data[folded..];
        }

        return AppendScalar(crc, data);
    }

    internal static uint AppendScalar(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Table.AsSpan();
        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (int)(one & 0xFF)] ^ t[(6 * 256) + (int)((one >> 8) & 0xFF)]
                ^ t[(5 * 256) + (int)((one >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(one >> 24)]
                ^ t[(3 * 256) + (int)(two & 0xFF)] ^ t[(2 * 256) + (int)((two >> 8) & 0xFF)]
                ^ t[256 + (int)((two >> 16) & 0xFF)] ^ t[(int)(two >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return crc;
    }

    public static uint Finish(uint crc) => ~crc;

    // Folds a multiple of 16 bytes, at least 64, into the register; a line-by-line port of
    // crc32_sse42_simd_ (zlib/Chromium), where the algorithm's steps are explained.
    private static uint Fold(uint crc, ReadOnlySpan<byte> data)
    {
        var k1k2 = Vector128.Create(0x0154442bd4UL, 0x01c6e41596UL);
        var k3k4 = Vector128.Create(0x01751997d0UL, 0x00ccaa009eUL);
        var k5k0 = Vector128.Create(0x0163cd6124UL, 0UL);
        var poly = Vector128.Create(0x01db710641UL, 0x01f7011641UL);
        var mask = Vector128.Create(~0u, 0u, ~0u, 0u).AsUInt64();

        var x1 = Load(data, 0x00) ^ Vector128.CreateScalar(crc).AsUInt64();
        var x2 = Load(data, 0x10);
        var x3 = Load(data, 0x20);
        var x4 = Load(data, 0x30);
        var at = 64;
        for (; data.Length - at >= 64; at += 64)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x11) ^ Load(data, at);
            x2 = Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x11) ^ Load(data, at + 0x10);
            x3 = Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x11) ^ Load(data, at + 0x20);
            x4 = Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x11) ^ Load(data, at + 0x30);
        }

        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ x2;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ x3;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ x4;
        for (; data.Length - at >= 16; at += 16)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Load(data, at);
        }

        // 128 bits to 64.
        x2 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x10);
        x1 = Sse2.ShiftRightLogical128BitLane(x1, 8) ^ x2;
        x2 = Sse2.ShiftRightLogical128BitLane(x1, 4);
        x1 = Pclmulqdq.CarrylessMultiply(x1 & mask, k5k0, 0x00) ^ x2;

        // Barrett reduction to 32 bits.
        x2 = Pclmulqdq.CarrylessMultiply(x1 & mask, poly, 0x10);
        x2 = Pclmulqdq.CarrylessMultiply(x2 & mask, poly, 0x00);
        return (x1 ^ x2).AsUInt32().GetElement(1);

        static Vector128<ulong> Load(ReadOnlySpan<byte> data, int offset) => Vector128.Create(data.Slice(offset, 16)).AsUInt64();
    }

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var i = 0; i < 256; i++)
            {
                var previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
