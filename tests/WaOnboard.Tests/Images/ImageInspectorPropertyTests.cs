using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WaOnboard.Images;
using static WaOnboard.Tests.Images.TestImages;

namespace WaOnboard.Tests.Images;

public class ImageInspectorPropertyTests
{
    private static readonly byte[] ValidPng = Png(640, 640, Chunk("tEXt", "Comment\0avatar"u8), Chunk("zTXt", Concat("Title\0\0"u8.ToArray(), Zlib("WhatsApp"u8))));
    private static readonly byte[] ValidJpeg = Jpeg();
    private static readonly byte[] ValidIdat = Zlib(PartlyNoisyRgbRows(2));

    private static readonly Gen<byte[]> AnyBytes =
        Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    // Random bytes behind a real signature reach the chunk and segment walks, not just the sniffer.
    private static readonly Gen<byte[]> SignedBytes =
        Gen.OneOf(
            AnyBytes,
            AnyBytes.Select(tail => Concat(PngSignature, tail)),
            AnyBytes.Select(tail => Concat(ValidPng[..33], tail)),
            AnyBytes.Select(tail => Concat([0xFF, 0xD8, 0xFF], tail)));

    [Property]
    public Property NeverThrowsOnArbitraryBytes() =>
        Prop.ForAll(SignedBytes.ToArbitrary(), InspectsWithoutThrowing);

    [Property]
    public Property NeverThrowsOnAValidPngWithBytesFlippedOrCut() =>
        Prop.ForAll(Damage(ValidPng).ToArbitrary(), InspectsWithoutThrowing);

    [Property]
    public Property NeverThrowsOnAValidJpegWithBytesFlippedOrCut() =>
        Prop.ForAll(Damage(ValidJpeg).ToArbitrary(), InspectsWithoutThrowing);

    [Property]
    public Property NeverThrowsOnAValidPngWhoseImageDataIsDamagedBehindGoodCrcs() =>
        // Damage inside the IDAT with its CRC recomputed reaches the inflater and the row checks, not the CRC check.
        Prop.ForAll(Damage(ValidIdat).ToArbitrary(), idat =>
            InspectsWithoutThrowing(Concat(ValidPng[..33], Chunk("IDAT", idat), Chunk("IEND", []))));

    [Property]
    public Property FlippingAnyByteOfASmallPngIsNoticed()
    {
        // Every byte of a small PNG is covered by the signature, a CRC, or the length walk.
        var flips = Gen.Choose(0, ValidPng.Length - 1).Zip(Gen.Choose(1, 255));
        return Prop.ForAll(flips.ToArbitrary(), flip =>
        {
            var bytes = (byte[])ValidPng.Clone();
            bytes[flip.Item1] ^= (byte)flip.Item2;
            return !ImageInspector.Inspect(bytes).IsIntact;
        });
    }

    [Property]
    public Property SystemIoHashingCrcIsThePngCrc() =>
        // The PNG CRC as the spec defines it, bit by bit, against the library's (same polynomial, same byte order).
        Prop.ForAll(AnyBytes.ToArbitrary(), bytes => System.IO.Hashing.Crc32.HashToUInt32(bytes) == TestCrc32.Compute(bytes));

    private static Gen<byte[]> Damage(byte[] valid) =>
        from cut in Gen.Choose(0, valid.Length)
        from flips in Gen.Choose(0, valid.Length - 1).Zip(Gen.Choose(0, 255)).ArrayOf()
        select Flip(valid, flips)[..cut];

    private static byte[] Flip(byte[] valid, (int At, int Value)[] flips)
    {
        var bytes = (byte[])valid.Clone();
        foreach (var (at, value) in flips)
        {
            bytes[at] = (byte)value;
        }

        return bytes;
    }

    private static bool InspectsWithoutThrowing(byte[] bytes)
    {
        var result = ImageInspector.Inspect(bytes);
        return result.Length == bytes.Length && (result.IsIntact || result.Problem!.Length > 0);
    }
}
