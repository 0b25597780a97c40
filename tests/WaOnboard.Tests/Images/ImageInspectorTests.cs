using System.Buffers.Binary;
using WaOnboard.Images;
using static WaOnboard.Tests.Images.TestImages;

namespace WaOnboard.Tests.Images;

public class ImageInspectorTests
{
    [Fact]
    public void SolidPng640IsIntact()
    {
        var result = ImageInspector.Inspect(Png());

        Assert.Null(result.Problem);
        Assert.True(result.IsIntact);
        Assert.Equal((ImageFormat.Png, 640, 640), (result.Format, result.Width, result.Height));
    }

    [Fact]
    public void BaselineJpeg640IsIntact()
    {
        var bytes = Jpeg();
        var result = ImageInspector.Inspect(bytes);

        Assert.Null(result.Problem);
        Assert.Equal(new ImageInspection(ImageFormat.Jpeg, 640, 640, bytes.Length) { IsWellFormed = true }, result);
    }

    [Theory]
    [InlineData("avatar.png", ImageFormat.Png)]
    [InlineData("avatar-gradient.png", ImageFormat.Png)]
    [InlineData("avatar-interlaced.png", ImageFormat.Png)]
    [InlineData("avatar.jpg", ImageFormat.Jpeg)]
    [InlineData("avatar-progressive.jpg", ImageFormat.Jpeg)]
    public void ImageMagickFixturesAreIntact(string name, ImageFormat format)
    {
        var result = ImageInspector.InspectFile(Path.Combine(AppContext.BaseDirectory, "Images", "Fixtures", name));

        Assert.Null(result.Problem);
        Assert.Equal((format, 640, 640), (result.Format, result.Width, result.Height));
    }

    [Fact]
    public void PngOf641x640IsTheWrongSize()
    {
        var result = ImageInspector.Inspect(Png(641, 640));

        Assert.Equal((641, 640), (result.Width, result.Height));
        Assert.Equal("is 641x640 pixels; a profile picture must be exactly 640x640", result.Problem);
    }

    [Fact]
    public void JpegOf640x641IsTheWrongSize()
    {
        var result = ImageInspector.Inspect(Jpeg(640, 641));

        Assert.Equal("is 640x641 pixels; a profile picture must be exactly 640x640", result.Problem);
    }

    [Theory]
    [InlineData("GIF89a\x80\x02\x80\x02\0\0\0", "is a GIF, not a JPEG or PNG")]
    [InlineData("RIFF\x10\0\0\0WEBPVP8 ", "is a WebP image, not a JPEG or PNG")]
    [InlineData("\0\0\0\x001CftypheicmsfMheic", "is a HEIC image, not a JPEG or PNG")]
    [InlineData("\0\0\0\x001Cftypavif\0\0\0\0avifmif1", "is an AVIF image, not a JPEG or PNG")]
    [InlineData("%PDF-1.7\n%", "is a PDF document, not a JPEG or PNG")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "is an SVG image, not a JPEG or PNG")]
    [InlineData("<?xml version=\"1.0\"?><feed/>", "is an XML file, not a JPEG or PNG")]
    [InlineData("\n<!DOCTYPE html><html><body>Not found</body></html>", "is an HTML page, not a JPEG or PNG")]
    [InlineData("BM\x36\0\x0C\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x80\x02", "is a BMP image, not a JPEG or PNG")]
    public void OtherFormatsAreNamedWhateverTheFileIsCalled(string start, string problem)
    {
        var result = ImageInspector.Inspect(start.Select(c => (byte)c).ToArray());

        Assert.Equal(ImageFormat.Unknown, result.Format);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void RandomBytesAreNotAnImage()
    {
        var bytes = new byte[4096];
        new Random(640).NextBytes(bytes);
        bytes[0] = 0x42;

        Assert.Equal("is not a JPEG or PNG image (its first bytes match no known image format)", ImageInspector.Inspect(bytes).Problem);
    }

    [Fact]
    public void EmptyFileIsEmpty()
    {
        var result = ImageInspector.Inspect([]);

        Assert.Equal(new ImageInspection(ImageFormat.Unknown, 0, 0, 0), result with { Problem = null });
        Assert.Equal("is empty (0 bytes)", result.Problem);
    }

    [Fact]
    public void PngMissingIendIsTruncated()
    {
        var png = Png();
        var result = ImageInspector.Inspect(png[..^12]);

        Assert.Equal((ImageFormat.Png, 640, 640), (result.Format, result.Width, result.Height));
        Assert.Equal("is truncated: the PNG ends before its IEND chunk", result.Problem);
    }

    [Fact]
    public void PngCutInsideItsImageDataIsTruncated()
    {
        var png = Png();

        Assert.Equal("is truncated: the PNG ends inside its IDAT chunk", ImageInspector.Inspect(png[..60]).Problem);
    }

    [Fact]
    public void PngCutInsideItsSignatureIsTruncated()
    {
        var result = ImageInspector.Inspect(PngSignature[..5]);

        Assert.Equal(ImageFormat.Png, result.Format);
        Assert.Equal("is truncated: the PNG ends inside its signature", result.Problem);
    }

    [Fact]
    public void PngWithBadIhdrCrcIsCorrupt()
    {
        var png = Png();
        png[8 + 8 + 13] ^= 0xFF;

        Assert.Equal("is corrupt: the checksum (CRC) of its IHDR chunk does not match its contents", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithFlippedBitInSmallImageDataFailsItsCrc()
    {
        var png = Png();
        png[8 + 25 + 8 + 10] ^= 0x01;

        Assert.Equal("is corrupt: the checksum (CRC) of its IDAT chunk does not match its contents", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithTrailingGarbageIsFlagged()
    {
        var png = Concat(Png(), "garbage"u8.ToArray());

        Assert.Equal("has 7 bytes of other data after the end of the PNG (IEND)", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWhoseFirstChunkIsNotIhdrIsCorrupt()
    {
        var png = Concat(PngSignature, Chunk("gAMA", [0, 0, 0xB1, 0x8F]), Png()[8..]);

        Assert.Equal("is corrupt: the PNG starts with a gAMA chunk instead of IHDR", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngChunkClaimingMoreThanTwoGigabytesIsCorrupt()
    {
        var png = Png();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8 + 25), 0x80000000);

        Assert.Equal("is corrupt: its IDAT chunk claims 2147483648 bytes, more than a PNG chunk may hold (2^31-1)", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngChunkWhoseTypeIsNotLettersIsCorrupt()
    {
        var png = Png();
        png[8 + 25 + 4] = (byte)'1';

        Assert.Equal("is corrupt: the PNG chunk at byte 33 has no valid type (its name is not four letters)", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithUnknownCriticalChunkIsRejected()
    {
        var png = Png(640, 640, Chunk("XYZW", [1, 2, 3]));

        Assert.Equal("uses a critical PNG chunk (XYZW) that image viewers do not know", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithUnknownAncillaryChunkIsIntact()
    {
        Assert.Null(ImageInspector.Inspect(Png(640, 640, Chunk("tEXt", "Comment\0hello"u8))).Problem);
    }

    [Fact]
    public void PngOfZeroWidthIsCorrupt()
    {
        var png = Concat(PngSignature, Ihdr(0, 640), Png()[33..]);

        Assert.Equal("is corrupt: its PNG header (IHDR) gives a size of 0x640 pixels", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWidthBeyondPngLimitIsCorrupt()
    {
        var png = Concat(PngSignature, Ihdr(0x80000000, 640), Png()[33..]);

        Assert.Equal("is corrupt: its PNG header (IHDR) claims 2147483648x640 pixels, beyond the PNG limit of 2^31-1", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithInvalidBitDepthIsCorrupt()
    {
        var png = Concat(PngSignature, Ihdr(640, 640, bitDepth: 4, colourType: 2), Png()[33..]);

        Assert.Equal("is corrupt: its PNG header (IHDR) gives bit depth 4 with colour type 2", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PaletteImageWithoutPaletteIsCorrupt()
    {
        var raw = Enumerable.Range(0, 640).SelectMany(_ => new byte[641]).ToArray();
        var png = Concat(PngSignature, Ihdr(640, 640, 8, 3), Chunk("IDAT", Zlib(raw)), Chunk("IEND", []));

        Assert.Equal("is corrupt: its palette PNG has no palette (PLTE)", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithoutImageDataIsCorrupt()
    {
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IEND", []));

        Assert.Equal("is corrupt: the PNG has no image data (IDAT)", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWithSplitImageDataIsCorrupt()
    {
        var zlib = Zlib(SolidRgbRows(640, 640));
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IDAT", zlib[..10]), Chunk("tEXt", "a\0b"u8), Chunk("IDAT", zlib[10..]), Chunk("IEND", []));

        Assert.Equal("is corrupt: its PNG image data (IDAT) is split by other chunks", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngImageDataSpreadOverManyChunksIsIntact()
    {
        var zlib = Zlib(SolidRgbRows(640, 640));
        var idats = zlib.Chunk(7).Select(part => Chunk("IDAT", part)).ToArray();
        var png = Concat([PngSignature, Ihdr(640, 640), .. idats, Chunk("IEND", [])]);

        Assert.Null(ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWhoseImageDataIsNotZlibIsCorrupt()
    {
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IDAT", Enumerable.Repeat((byte)0x55, 4000).ToArray()), Chunk("IEND", []));

        Assert.Equal("is corrupt: its image data (IDAT) is not a zlib stream", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWhoseImageDataIsTooShortForItsSizeIsTruncated()
    {
        var zlib = Zlib(SolidRgbRows(640, 640));
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IDAT", zlib[..100]), Chunk("IEND", []));

        Assert.Matches(@"^is truncated: its image data \(IDAT\) ends after [0-9,]+ of the 1,229,440 bytes that 640x640 pixels need$", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void InterlacedPngWithInvalidFirstFilterIsCorrupt()
    {
        var png = Fixture("avatar-interlaced.png");
        var raw = new byte[1_300_000];
        raw[0] = 7;
        var rebuilt = Concat(png[..33], Chunk("IDAT", Zlib(raw)), Chunk("IEND", []));

        Assert.Equal("is corrupt: its image data (IDAT) has an invalid filter (7) at the start of row 1 of interlace pass 1", ImageInspector.Inspect(rebuilt).Problem);
    }

    [Fact]
    public void PngWithInvalidRowFilterIsCorrupt()
    {
        var raw = SolidRgbRows(640, 640);
        raw[1921] = 9;
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IDAT", Zlib(raw)), Chunk("IEND", []));

        Assert.Equal("is corrupt: its image data (IDAT) has an invalid filter (9) at the start of row 2", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngWhoseDeflateDataIsGarbageIsCorrupt()
    {
        var garbage = new byte[4000];
        new Random(7).NextBytes(garbage);
        (garbage[0], garbage[1]) = (0x78, 0x9C);
        garbage[2] = 0xFF; // BTYPE 11: a reserved block type
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IDAT", garbage), Chunk("IEND", []));

        Assert.Equal("is corrupt: its image data (IDAT) does not decompress", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void JpegWithoutEoiIsTruncated()
    {
        var jpeg = Jpeg();

        Assert.Equal(
            "does not end with the JPEG end-of-image marker (FFD9): it is truncated or has data appended",
            ImageInspector.Inspect(jpeg[..^2]).Problem);
    }

    [Fact]
    public void JpegCutInItsEntropyDataWithAnEndMarkerAppendedPassesTheStructuralCheck()
    {
        // The known limit (docs/decisions/0003): only a decoder can see it, and ImageMagick and libjpeg-turbo
        // decode this very file with a warning and exit 0 (convert) or 2 (djpeg), writing a picture either way.
        var jpeg = Fixture("avatar.jpg");
        var sos = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        var entropy = sos + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(sos + 2));
        var cut = entropy + ((jpeg.Length - 2 - entropy) / 2);
        var halved = Concat(jpeg[..(jpeg[cut - 1] == 0xFF ? cut - 1 : cut)], [0xFF, 0xD9]);

        var result = ImageInspector.Inspect(halved);

        Assert.True(halved.Length < jpeg.Length * 0.6);
        Assert.Null(result.Problem);
    }

    [Fact]
    public void JpegCutInsideItsHeadersIsTruncated()
    {
        var result = ImageInspector.Inspect(Jpeg()[..30]);

        Assert.Equal("is truncated: the JPEG ends inside its DQT segment", result.Problem);
    }

    [Fact]
    public void JpegCutInsideItsFrameHeaderIsTruncated()
    {
        var jpeg = Jpeg();
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);

        Assert.Equal("is truncated: the JPEG ends inside its SOF0 segment", ImageInspector.Inspect(jpeg[..(sof + 8)]).Problem);
    }

    [Fact]
    public void JpegWithoutFrameHeaderHasNoKnownSize()
    {
        var jpeg = Jpeg();
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        var withoutSof = Concat(jpeg[..sof], jpeg[(sof + 2 + 11)..]);

        Assert.Equal("has no JPEG frame header (SOF) before its image data, so its size is unknown", ImageInspector.Inspect(withoutSof).Problem);
    }

    [Fact]
    public void JpegEndingBeforeItsScanIsTruncated()
    {
        var jpeg = Jpeg();
        var sos = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);

        Assert.Equal("is truncated: the JPEG ends (FFD9) before its image data", ImageInspector.Inspect(Concat(jpeg[..sos], [0xFF, 0xD9])).Problem);
    }

    [Fact]
    public void ArithmeticCodedJpegIsFlagged()
    {
        Assert.Equal(
            "uses a JPEG coding process (SOF9: lossless, hierarchical or arithmetic) that common viewers do not support",
            ImageInspector.Inspect(Jpeg(sof: 0xC9)).Problem);
    }

    [Fact]
    public void ProgressiveJpegIsIntact()
    {
        Assert.Null(ImageInspector.Inspect(Jpeg(sof: 0xC2)).Problem);
    }

    [Fact]
    public void PngClaimingHundredThousandPixelsIsRejected()
    {
        // A classic bomb: the header claims 10^10 pixels over a few kilobytes of deflated zeros.
        var png = Concat(PngSignature, Ihdr(100_000, 100_000), Chunk("IDAT", ZlibOfZeros(10 << 20)), Chunk("IEND", []));

        var (result, allocated) = InspectMeasured(png);

        Assert.Equal((100_000, 100_000), (result.Width, result.Height));
        Assert.Equal("claims 100000x100000 pixels; a profile picture must be exactly 640x640", result.Problem);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void PngWithHugeImageDataOfZerosIsABomb()
    {
        // 640x640 claimed, but 6 MB of compressed zeros that would inflate to gigabytes.
        var idat = new byte[6 << 20];
        var zeros = ZlibOfZeros(1 << 20);
        zeros.CopyTo(idat, 0);
        var png = Concat(PngSignature, Ihdr(640, 640), Chunk("IDAT", idat), Chunk("IEND", []));

        var (result, allocated) = InspectMeasured(png);

        Assert.Equal("holds 6,291,456 bytes of compressed image data, more than 640x640 pixels can need: it is padded or a compression bomb", result.Problem);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void PngWithZtxtBombIsRejected()
    {
        // About 50 KB of zTXt that would inflate to 50 MB of text.
        var ztxt = Concat("Comment\0\0"u8.ToArray(), ZlibOfZeros(50 << 20));
        var png = Png(640, 640, Chunk("zTXt", ztxt));

        var (result, allocated) = InspectMeasured(png);

        Assert.Equal("is a compression bomb: its zTXt chunk inflates to more than 64 KiB from at most 1 KiB", result.Problem);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void PngWithSmallZtxtIsIntact()
    {
        var ztxt = Concat("Comment\0\0"u8.ToArray(), Zlib("WhatsApp Business avatar, 640x640, #25D366."u8));

        Assert.Null(ImageInspector.Inspect(Png(640, 640, Chunk("zTXt", ztxt))).Problem);
    }

    [Fact]
    public void PngWithItxtBombIsRejected()
    {
        var itxt = Concat("XML:com.adobe.xmp\0\x01\0en\0\0"u8.ToArray(), ZlibOfZeros(50 << 20));

        Assert.Equal(
            "is a compression bomb: its iTXt chunk inflates to more than 64 KiB from at most 1 KiB",
            ImageInspector.Inspect(Png(640, 640, Chunk("iTXt", itxt))).Problem);
    }

    [Fact]
    public void PngOfFiveMegabytesIsAccepted()
    {
        var png = PngOfLength(ImageInspector.MaxBytes);

        Assert.Null(ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void PngOfFiveMegabytesAndOneByteIsTooLargeButStillMeasured()
    {
        var png = PngOfLength(ImageInspector.MaxBytes + 1);

        var result = ImageInspector.Inspect(png);

        Assert.Equal(new ImageInspection(ImageFormat.Png, 640, 640, 5_242_881) { IsWellFormed = true }, result with { Problem = null });
        Assert.Equal("is 5,242,881 bytes, over the 5 MB (5,242,880 bytes) limit for a profile picture", result.Problem);
    }

    [Fact]
    public void JpegOfFiveMegabytesAndOneByteIsTooLarge()
    {
        var jpeg = JpegOfLength(ImageInspector.MaxBytes + 1);

        Assert.Equal(ImageInspector.MaxBytes + 1, jpeg.Length);
        Assert.Equal("is 5,242,881 bytes, over the 5 MB (5,242,880 bytes) limit for a profile picture", ImageInspector.Inspect(jpeg).Problem);
    }

    [Fact]
    public void FiveMegabytePngIsReadOnceForItsCrcs()
    {
        // Every CRC is checked, so every byte is read; the 1 KB of image data is read a second time to inflate it,
        // and windows that straddle chunk boundaries re-read a little.
        var png = PngOfLength(ImageInspector.MaxBytes);
        using var stream = new CountingStream(new MemoryStream(png));

        Assert.Null(ImageInspector.Inspect(stream).Problem);
        Assert.InRange(stream.BytesRead, png.Length, png.Length + (64 * 1024));
    }

    [Fact]
    public void FiveMegabyteJpegIsInspectedWithoutReadingItsEntropyData()
    {
        using var stream = new CountingStream(new MemoryStream(JpegOfLength(ImageInspector.MaxBytes)));

        Assert.Null(ImageInspector.Inspect(stream).Problem);
        Assert.InRange(stream.BytesRead, 0, 32 * 1024);
    }

    [Fact]
    public void PngOfEmptyChunksStopsAtTheChunkBound()
    {
        var filler = Chunk("prVt", []);
        var png = Concat([PngSignature, Ihdr(640, 640), .. Enumerable.Repeat(filler, 20_000), Chunk("IEND", [])]);

        Assert.Equal("has more than 10,000 PNG chunks, far more than any picture needs", ImageInspector.Inspect(png).Problem);
    }

    [Fact]
    public void JpegOfEndlessSegmentsStopsAtTheSegmentBound()
    {
        var jpeg = Jpeg();
        using var padded = new MemoryStream();
        padded.Write(jpeg.AsSpan(0, 2));
        for (var i = 0; i < 2_000; i++)
        {
            Segment(padded, 0xFE, "x"u8);
        }

        padded.Write(jpeg.AsSpan(2));

        Assert.Equal("has more than 1,000 JPEG segments before its image data", ImageInspector.Inspect(padded.ToArray()).Problem);
    }

    [Fact]
    public void FileStreamOpenedForRandomAccessGivesTheSameVerdict()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wa-onboard-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, Png(641, 640));
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
            Assert.Equal(ImageInspector.Inspect(Png(641, 640)), ImageInspector.Inspect(stream));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NonSeekableStreamIsAProgrammerError()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream();

        Assert.Throws<ArgumentException>(() => ImageInspector.Inspect(pipe));
    }

    internal static (ImageInspection Result, long Allocated) InspectMeasured(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        ImageInspector.Inspect(stream);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImageInspector.Inspect(stream);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
