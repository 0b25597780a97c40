using WaOnboard.Images;
using static WaOnboard.Tests.Images.ImageInspectorTests;
using static WaOnboard.Tests.Images.TestImages;

namespace WaOnboard.Tests.Images;

/// <summary>
/// Corruption that only a check of all the image data can see: every chunk's CRC, the whole zlib stream inflated
/// and counted against the header's size, every row's filter byte. The inspector of 2026-11 (CRCs within 16 KiB,
/// 1 KiB of IDAT inflated) accepted each of these files.
/// </summary>
public class PngImageDataTests
{
    // 1 GiB of zeros deflated: about 1 MB of IDAT, which passes any size check a 640x640 RGBA picture allows.
    private static readonly Lazy<byte[]> GigabyteOfZeros = new(() => ZlibOfZeros(1L << 30));

    [Fact]
    public void PngWhoseImageDataIsCutInHalfWithChunksAndCrcsIntactIsTruncated()
    {
        var zlib = Zlib(PartlyNoisyRgbRows(20));
        var png = PngWithImageData(Ihdr(640, 640), zlib[..(zlib.Length / 2)]);

        var result = ImageInspector.Inspect(png);

        Assert.False(result.IsWellFormed);
        Assert.Matches(@"^is truncated: its image data \(IDAT\) ends after [0-9,]+ of the 1,229,440 bytes that 640x640 pixels need$", result.Problem);
    }

    [Fact]
    public void FlippedBitInA32KbImageDataWithItsCrcRecomputedDoesNotDecompress()
    {
        var png = PngWithImageData(Ihdr(640, 640), Zlib(PartlyNoisyRgbRows(16)));
        var idat = ChunkAt(png, "IDAT");
        Assert.InRange(png.Length - idat, 30_000, 40_000);
        png[idat + 8 + 20_000] ^= 0x10;
        RecomputeCrc(png, idat);

        Assert.Equal("is corrupt: its image data (IDAT) does not decompress", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void FlippedBitInA32KbImageDataFailsItsCrc()
    {
        var png = PngWithImageData(Ihdr(640, 640), Zlib(PartlyNoisyRgbRows(16)));
        png[ChunkAt(png, "IDAT") + 8 + 20_000] ^= 0x10;

        Assert.Equal("is corrupt: the checksum (CRC) of its IDAT chunk does not match its contents", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void FlippedBitInALargeAncillaryChunkFailsItsCrc()
    {
        var png = Png(640, 640, Chunk("prVt", new byte[100_000]));
        png[ChunkAt(png, "prVt") + 8 + 90_000] ^= 0x01;

        Assert.Equal("is corrupt: the checksum (CRC) of its prVt chunk does not match its contents", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void InvalidFilterByteInTheLastRowIsCorrupt()
    {
        var raw = SolidRgbRows(640, 640);
        raw[639 * 1921] = 5;

        Assert.Equal(
            "is corrupt: its image data (IDAT) has an invalid filter (5) at the start of row 640",
            ImageInspector.Inspect(PngWithImageData(Ihdr(640, 640), Zlib(raw))).Problem);
    }

    [Fact]
    public void ImageDataOneRowTooLongIsCorrupt()
    {
        var raw = SolidRgbRows(640, 641);

        Assert.Equal(
            "is corrupt: its image data (IDAT) inflates to more than the 1,229,440 bytes that 640x640 pixels need",
            ImageInspector.Inspect(PngWithImageData(Ihdr(640, 640), Zlib(raw))).Problem);
    }

    [Fact]
    public void ImageDataOneByteTooLongIsCorrupt()
    {
        var raw = Concat(SolidRgbRows(640, 640), [0]);

        Assert.Equal(
            "is corrupt: its image data (IDAT) inflates to more than the 1,229,440 bytes that 640x640 pixels need",
            ImageInspector.Inspect(PngWithImageData(Ihdr(640, 640), Zlib(raw))).Problem);
    }

    [Fact]
    public void ImageDataOneRowShortIsTruncated()
    {
        var raw = SolidRgbRows(640, 639);

        Assert.Equal(
            "is truncated: its image data (IDAT) ends after 1,227,519 of the 1,229,440 bytes that 640x640 pixels need",
            ImageInspector.Inspect(PngWithImageData(Ihdr(640, 640), Zlib(raw))).Problem);
    }

    [Fact]
    public void GigabyteImageDataBombIsRejectedWithBoundedMemory()
    {
        // 640x640 RGBA claimed; 1 GiB of rows of zeros (filter 0, black) behind it.
        var png = PngWithImageData(Ihdr(640, 640, 8, 6), GigabyteOfZeros.Value);
        Assert.InRange(png.Length, 0, (int)ImageInspector.MaxBytes);

        var (result, allocated) = InspectMeasured(png);

        Assert.Equal("is corrupt: its image data (IDAT) inflates to more than the 1,639,040 bytes that 640x640 pixels need", result.Problem);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void GigabyteImageDataBombStopsAfterTheImageSize()
    {
        // Inflation stops at the picture's size: reading the whole bomb would cost about 1 MB of input per GiB of output.
        var png = PngWithImageData(Ihdr(640, 640, 8, 6), GigabyteOfZeros.Value);
        using var stream = new CountingStream(new MemoryStream(png));

        Assert.NotNull(ImageInspector.Inspect(stream).Problem);
        // The walk reads every byte once for the CRCs; inflation adds what 1.6 MB of output needs (a few KB).
        Assert.InRange(stream.BytesRead, png.Length, png.Length + (64 * 1024));
    }

    [Fact]
    public void BombUnderAHeaderClaimingMoreThan64MiBOfRowsIsJudgedByItsSizeWithoutInflating()
    {
        // 16384x16384 RGBA needs 1 GiB of rows: the bomb would match it, at the cost of inflating it all.
        var png = PngWithImageData(Ihdr(16_384, 16_384, 8, 6), GigabyteOfZeros.Value);

        var (result, allocated) = InspectMeasured(png);

        Assert.Equal("is 16384x16384 pixels; a profile picture must be exactly 640x640", result.Problem);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void InterlacedPngOfTheRightSizeIsWellFormed()
    {
        // Adam7 passes of a 640x640 RGB picture: 7 sub-images, each row with its own filter byte.
        var raw = new byte[InterlacedRgbBytes(640, 640)];
        Assert.Equal(1_230_000, raw.Length);

        var result = ImageInspector.Inspect(PngWithImageData(Ihdr(640, 640, interlace: 1), Zlib(raw)));

        Assert.Null(result.Problem);
        Assert.True(result.IsWellFormed);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(9, 2)]
    public void InterlacedPngWithEmptyPassesIsWellFormed(int width, int height)
    {
        // Small pictures leave some of the seven passes empty: an empty pass has no rows and no filter bytes.
        var raw = new byte[InterlacedRgbBytes(width, height)];

        var result = ImageInspector.Inspect(PngWithImageData(Ihdr((uint)width, (uint)height, interlace: 1), Zlib(raw)));

        Assert.True(result.IsWellFormed, result.Problem);
    }

    [Fact]
    public void InterlacedPngWithTheSizeOfAPlainOneIsTruncated()
    {
        // Black rows of a plain 640x640 picture: every byte that Adam7 takes for a filter byte is 0, so only the count can tell.
        var png = PngWithImageData(Ihdr(640, 640, interlace: 1), Zlib(new byte[640 * 1921]));

        Assert.Equal(
            "is truncated: its image data (IDAT) ends after 1,229,440 of the 1,230,000 bytes that 640x640 pixels need",
            ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void InterlacedPngWithAnInvalidFilterInItsLastPassIsCorrupt()
    {
        var raw = new byte[InterlacedRgbBytes(640, 640)];
        // The last pass has 320 rows of 640 pixels (1,921 bytes); its last row starts 1,921 bytes from the end.
        raw[^1921] = 200;

        Assert.Equal(
            "is corrupt: its image data (IDAT) has an invalid filter (200) at the start of row 320 of interlace pass 7",
            ImageInspector.Inspect(PngWithImageData(Ihdr(640, 640, interlace: 1), Zlib(raw))).Problem);
    }

    [Fact]
    public void ImageDataSpreadOverManyIdatChunksIsInflatedAcrossThem()
    {
        var raw = PartlyNoisyRgbRows(40);
        raw[639 * 1921] = 6;
        var zlib = Zlib(raw);
        var png = Concat([PngSignature, Ihdr(640, 640), .. zlib.Chunk(8192).Select(part => Chunk("IDAT", part)), Chunk("IEND", [])]);

        Assert.Equal("is corrupt: its image data (IDAT) has an invalid filter (6) at the start of row 640", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PaletteAndSixteenBitPicturesOfTheRightSizeAreWellFormed()
    {
        var palette = Concat(PngSignature, Ihdr(640, 640, 4, 3), Chunk("PLTE", [0, 0, 0, 255, 255, 255]), Chunk("IDAT", Zlib(new byte[640 * 321])), Chunk("IEND", []));
        var deep = PngWithImageData(Ihdr(640, 640, 16, 6), Zlib(new byte[640 * (1 + (640 * 8))]));

        Assert.Null(ImageInspector.Inspect(palette).Problem);
        Assert.Null(ImageInspector.Inspect(deep).Problem);
    }

    [Fact]
    public void FiveMegabytePngAllocatesNoMoreThanATwentyKilobyteOne()
    {
        var small = PngWithImageData(Ihdr(640, 640), Zlib(PartlyNoisyRgbRows(10)));
        var large = PngOfLength(ImageInspector.MaxBytes);
        // Once each first: what the first inflation in a process sets up once is not the file's cost.
        InspectMeasured(small);
        InspectMeasured(large);

        var (smallResult, smallAllocated) = InspectMeasured(small);
        var (largeResult, largeAllocated) = InspectMeasured(large);

        Assert.Null(smallResult.Problem);
        Assert.Null(largeResult.Problem);
        Assert.InRange(smallAllocated, 0, 8 * 1024);
        Assert.InRange(largeAllocated, 0, smallAllocated + 256);
    }

    // Bytes of filtered data for an interlaced 8-bit RGB picture, pass by pass (PNG spec, Adam7).
    private static int InterlacedRgbBytes(int width, int height)
    {
        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        var total = 0;
        foreach (var (x, y, dx, dy) in passes)
        {
            var columns = (width - x + dx - 1) / dx;
            var rows = (height - y + dy - 1) / dy;
            if (columns > 0 && rows > 0)
            {
                total += rows * (1 + (3 * columns));
            }
        }

        return total;
    }
}
