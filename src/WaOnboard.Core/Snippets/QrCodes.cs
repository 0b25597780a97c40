using QRCoder;

namespace WaOnboard.Snippets;

/// <summary>QR codes of click to chat links (entry point: packaging), for print and screen.</summary>
public static class QrCodes
{
    // Level Q restores up to 25% of a damaged code: printed packaging gets scratched and folded. QRCoder's matrix
    // carries the standard quiet zone of 4 modules, which scanners need around the code.
    private const QRCodeGenerator.ECCLevel Level = QRCodeGenerator.ECCLevel.Q;

    /// <summary>The QR code of a link as an SVG document (scales without loss: the format for print).</summary>
    public static string Svg(string link, int pixelsPerModule = 8)
    {
        using var data = Generate(link);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule, "#000000", "#FFFFFF", drawQuietZones: true);
    }

    /// <summary>The QR code of a link as PNG bytes.</summary>
    public static byte[] Png(string link, int pixelsPerModule = 10)
    {
        using var data = Generate(link);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    private static QRCodeData Generate(string link)
    {
        ArgumentException.ThrowIfNullOrEmpty(link);
        if (!link.StartsWith("https://wa.me/", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only wa.me click to chat links are turned into QR codes here.", nameof(link));
        }
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link, Level);
    }
}
