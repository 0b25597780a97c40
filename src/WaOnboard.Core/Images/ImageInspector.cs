using System.Globalization;

namespace WaOnboard.Images;

/// <summary>Checks that a file can be a WhatsApp Business profile picture: a whole 640x640 JPEG or PNG of at most 5 MB.</summary>
/// <remarks>
/// Complete for PNG (every CRC, all the image data inflated and counted) and structural for JPEG; bounded
/// in memory either way: it allocates nothing from a size the file claims, and the same for 20 KB as for
/// 5 MB. Hostile input (a lying header, a compression bomb, random bytes) gives a problem, never an
/// exception. See <see cref="PngInspector"/> and <see cref="JpegInspector"/> for what each walk checks.
/// </remarks>
public static class ImageInspector
{
    /// <summary>The largest profile picture WhatsApp takes, in bytes (5 MB).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The width and height, in pixels, a profile picture must have.</summary>
    public const int RequiredEdge = 640;

    // Beyond this edge the size is reported as a claim (nothing is decoded, and no real avatar is
    // that large); 16384 is also where common decoders stop.
    internal const int MaxPlausibleEdge = 16_384;

    // Stack window for headers and small chunks, and the unit of reads for CRCs. The first read fills
    // it: for a small picture that is the whole file in one read.
    private const int WindowSize = 16 * 1024;

    /// <summary>Inspects a readable, seekable stream from its start; only I/O errors throw.</summary>
    public static ImageInspection Inspect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The image inspector needs a readable, seekable stream.", nameof(stream));
        }

        var length = stream.Length;
        if (length == 0)
        {
            return new ImageInspection(ImageFormat.Unknown, 0, 0, 0) { Problem = "is empty (0 bytes)" };
        }

        var reader = new ByteReader(stream, length, stackalloc byte[WindowSize]);
        if (!reader.TryPeek(0, (int)Math.Min(length, WindowSize), out var head))
        {
            return new ImageInspection(ImageFormat.Unknown, 0, 0, length) { Problem = "is truncated: it is shorter than its reported length" };
        }

        var (format, other) = FormatSniffer.Sniff(head[..Math.Min(head.Length, FormatSniffer.HeadLength)]);
        if (format == ImageFormat.Unknown)
        {
            var cut = FormatSniffer.TruncatedStart(head);
            var problem = cut != ImageFormat.Unknown ? $"is truncated: the {cut.ToString().ToUpperInvariant()} ends inside its signature"
                : other is not null ? $"is {other}, not a JPEG or PNG"
                : "is not a JPEG or PNG image (its first bytes match no known image format)";
            return new ImageInspection(cut, 0, 0, length) { Problem = problem };
        }

        var (width, height, structural) = format == ImageFormat.Png
            ? PngInspector.Inspect(ref reader)
            : JpegInspector.Inspect(ref reader);
        return new ImageInspection(format, width, height, length) { Problem = structural ?? Judge(width, height, length), IsWellFormed = structural is null };
    }

    /// <summary>Inspects an image held in memory.</summary>
    public static ImageInspection Inspect(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Inspect(stream);
    }

    /// <summary>Inspects a file, opened unbuffered for random access (the inspector reads in windows of its own); I/O errors throw.</summary>
    public static ImageInspection InspectFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        return Inspect(stream);
    }

    // A well-formed file: what WhatsApp asks of a profile picture.
    private static string? Judge(int width, int height, long length)
    {
        var inv = CultureInfo.InvariantCulture;
        if (width > MaxPlausibleEdge || height > MaxPlausibleEdge)
        {
            return string.Create(inv, $"claims {width}x{height} pixels; a profile picture must be exactly {RequiredEdge}x{RequiredEdge}");
        }

        if (length > MaxBytes)
        {
            return string.Create(inv, $"is {length:N0} bytes, over the 5 MB ({MaxBytes:N0} bytes) limit for a profile picture");
        }

        return width != RequiredEdge || height != RequiredEdge
            ? string.Create(inv, $"is {width}x{height} pixels; a profile picture must be exactly {RequiredEdge}x{RequiredEdge}")
            : null;
    }
}
