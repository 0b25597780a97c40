using System.Buffers.Binary;

namespace WaOnboard.Images;

/// <summary>Tells a file's format from its first bytes, and names the formats a profile picture may not use.</summary>
internal static class FormatSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at: enough to find <c>&lt;svg</c> after an XML prolog.</summary>
    public const int HeadLength = 512;

    public static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format, or for any other file what it is in words (<c>a GIF</c>), or null when unknown.</summary>
    public static (ImageFormat Format, string? Other) Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[..8].SequenceEqual(PngSignature))
        {
            return (ImageFormat.Png, null);
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return (ImageFormat.Jpeg, null);
        }

        return (ImageFormat.Unknown, NameOther(head));
    }

    /// <summary>True when the whole file is a proper prefix of a PNG or JPEG start: it was cut short.</summary>
    public static ImageFormat TruncatedStart(ReadOnlySpan<byte> head)
    {
        if (head.Length is >= 2 and < 8 && PngSignature.StartsWith(head))
        {
            return ImageFormat.Png;
        }

        return head.Length == 2 && head[0] == 0xFF && head[1] == 0xD8 ? ImageFormat.Jpeg : ImageFormat.Unknown;
    }

    private static string? NameOther(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "a GIF";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "a WebP image";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return NameIsoMedia(head[8..12]);
        }

        if (head.Length >= 18 && head.StartsWith("BM"u8)
            && BinaryPrimitives.ReadUInt32LittleEndian(head[14..]) is 12 or 16 or 40 or 52 or 56 or 64 or 108 or 124)
        {
            return "a BMP image";
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return "a TIFF image";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "a PDF document";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0x00]) && head.Length >= 6 && head[4] + head[5] > 0)
        {
            return "an ICO icon";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' ']))
        {
            return "a JPEG XL image";
        }

        return NameText(head);
    }

    private static string NameIsoMedia(ReadOnlySpan<byte> brand)
    {
        if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
        {
            return "an AVIF image";
        }

        if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8)
            || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8))
        {
            return "a HEIC image";
        }

        return brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8)
            ? "a HEIF image"
            : "a video or other ISO media file (MP4, MOV)";
    }

    private static string? NameText(ReadOnlySpan<byte> head)
    {
        // A failed download often saves the server's HTML page under the picture's name; say so.
        var text = head;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'<')
        {
            return null;
        }

        if (ContainsIgnoreCase(head, "<svg"u8))
        {
            return "an SVG image";
        }

        if (ContainsIgnoreCase(head, "<html"u8) || ContainsIgnoreCase(head, "<!doctype html"u8))
        {
            return "an HTML page";
        }

        return text.StartsWith("<?xml"u8) ? "an XML file" : null;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var j = 0; j < lowerNeedle.Length && match; j++)
            {
                var b = haystack[i + j];
                match = (b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b) == lowerNeedle[j];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}
