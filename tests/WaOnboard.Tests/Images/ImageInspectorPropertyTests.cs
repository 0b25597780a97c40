using FsCheck;
using FsCheck.Fluent;
using WaOnboard.Images;
using static WaOnboard.Tests.Images.TestImages;

namespace WaOnboard.Tests.Images;

public class ImageInspectorPropertyTests
{
    private static readonly byte[] ValidPng = Png(640, 640, Chunk("tEXt", "Comment\0avatar"u8), Chunk("zTXt", Concat("Title\0\0"u8.ToArray(), Zlib("WhatsApp"u8))));
    private static readonly byte[] ValidJpeg = Jpeg();

    private static readonly Gen<byte[]> AnyBytes =
        Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    // Random bytes behind a real signature reach the chunk and segment walks, not just the sniffer.
    private static readonly Gen<byte[]> SignedBytes =
        Gen.OneOf(
            AnyBytes,
            AnyBytes.Select(tail => Concat(PngSignature, tail)),
            AnyBytes.Select(tail => Concat(ValidPng[..33], tail)),
            AnyBytes.Select(tail => Concat([0xFF, 0xD8, 0xFF], tail)));

    [Fact]
    public void NeverThrowsOnArbitraryBytes()
    {
        Prop.ForAll(SignedBytes.ToArbitrary(), bytes => InspectsWithoutThrowing(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NeverThrowsOnAValidPngWithBytesFlippedOrCut()
    {
        Prop.ForAll(Damage(ValidPng).ToArbitrary(), bytes => InspectsWithoutThrowing(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NeverThrowsOnAValidJpegWithBytesFlippedOrCut()
    {
        Prop.ForAll(Damage(ValidJpeg).ToArbitrary(), bytes => InspectsWithoutThrowing(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void FlippingAnyByteOfASmallPngIsNoticed()
    {
        // Every byte of a small PNG is covered by the signature, a CRC, or the length walk.
        var flips = Gen.Choose(0, ValidPng.Length - 1).Zip(Gen.Choose(1, 255));
        Prop.ForAll(flips.ToArbitrary(), flip =>
        {
            var bytes = (byte[])ValidPng.Clone();
            bytes[flip.Item1] ^= (byte)flip.Item2;
            return !ImageInspector.Inspect(bytes).IsIntact;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CoreCrcMatchesTheBitwiseCrcForAnyLength()
    {
        // The core folds 64-byte blocks with PCLMULQDQ where it can: check it against the plain definition.
        Prop.ForAll(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().ToArbitrary(), bytes =>
            Crc32.Compute(bytes) == TestCrc32.Compute(bytes)
            && Crc32.Finish(Crc32.AppendScalar(Crc32.Start, bytes)) == TestCrc32.Compute(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(4096)]
    [InlineData(16_391)]
    public void CoreCrcMatchesTheBitwiseCrcOnLongInputs(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        Assert.Equal(TestCrc32.Compute(bytes), Crc32.Compute(bytes));
        Assert.Equal(TestCrc32.Compute(bytes), Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Start, bytes[..(length / 3)]), bytes[(length / 3)..])));
    }

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
