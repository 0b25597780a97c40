using System.Globalization;
using System.Security;
using System.Text;
using QRCoder;

namespace WaOnboard.Snippets;

/// <summary>QR codes of click to chat links (entry point: packaging), for print and screen.</summary>
public static class QrCodes
{
    /// <summary>
    /// The default width, in pixels: ready for print. A code on packaging or a counter sign is scanned from up to about
    /// ten times its width, so 4 to 5 cm covers arm's length (40-50 cm); printers want 300 dpi at the final size, and
    /// 600 dpi for small print on packaging. 1,200 px is 5 cm at 600 dpi, or 10 cm at 300 dpi. (The former 370 px was
    /// 3 cm at 300 dpi: too small for print.) The code is drawn with a whole number of pixels per module, so its width
    /// is the multiple of its module count nearest to the size asked for.
    /// </summary>
    public const int DefaultSize = 1200;

    /// <summary>The smallest size accepted, in pixels: a few pixels per module for a screen.</summary>
    public const int MinSize = 100;

    /// <summary>The largest size accepted, in pixels (4,000 px is 17 cm at 600 dpi); it bounds the memory a request can cost.</summary>
    public const int MaxSize = 4000;

    // Level Q restores up to 25% of a damaged code: printed packaging gets scratched and folded. QRCoder's matrix
    // carries the standard quiet zone of 4 modules, which scanners need around the code.
    private const QRCodeGenerator.ECCLevel Level = QRCodeGenerator.ECCLevel.Q;

    /// <summary>The QR code of a link as an SVG document (scales without loss: the format for print), with a title, a comment and an optional caption.</summary>
    /// <param name="link">The wa.me link.</param>
    /// <param name="size">The width in user units (pixels when shown as is).</param>
    /// <param name="title">The accessible title (<c>&lt;title&gt;</c>), or null.</param>
    /// <param name="comment">A comment for whoever opens the file (the brand rules), or null; it must not hold "--".</param>
    /// <param name="caption">Lines of text under the code, or null.</param>
    public static string Svg(string link, int size = DefaultSize, string? title = null, string? comment = null, IReadOnlyList<string>? caption = null)
    {
        using var data = Generate(link);
        var modules = data.ModuleMatrix.Count;
        var scale = Scale(size, modules);
        var inner = new SvgQRCode(data).GetGraphic(1, "#000000", "#FFFFFF", drawQuietZones: true);
        // QRCoder draws a rect and a path in a viewBox of one unit per module: keep those, under an own root element.
        var body = inner[(inner.IndexOf('>', StringComparison.Ordinal) + 1)..inner.LastIndexOf("</svg>", StringComparison.Ordinal)].Trim();
        var lines = caption?.Where(l => !string.IsNullOrWhiteSpace(l)).ToList() ?? [];
        // Caption text is about a twelfth of the code's width (readable in print at the code's size), smaller when the
        // longest line would not fit: an average sans-serif glyph is about 0.55 em wide.
        var longest = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        var fontSize = Math.Max(1, Math.Min(modules / 12.0, (modules - 4) / (0.55 * Math.Max(1, longest))));
        var captionHeight = lines.Count == 0 ? 0 : fontSize * (lines.Count * 1.3 + 0.6);
        var height = modules + captionHeight;
        var svg = new StringBuilder(body.Length + 512);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {modules} {N(height)}\" width=\"{modules * scale}\" height=\"{N(height * scale)}\" role=\"img\"");
        svg.Append(title is null ? ">\n" : " aria-labelledby=\"wa-qr-title\">\n");
        if (title is not null)
        {
            svg.Append("<title id=\"wa-qr-title\">").Append(SecurityElement.Escape(title)).Append("</title>\n");
        }
        if (comment is not null)
        {
            if (comment.Contains("--", StringComparison.Ordinal))
            {
                throw new ArgumentException("An XML comment cannot hold '--'.", nameof(comment));
            }
            svg.Append("<!-- ").Append(comment).Append(" -->\n");
        }
        svg.Append("<g shape-rendering=\"crispEdges\">\n").Append(body).Append("\n</g>\n");
        if (lines.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{modules}\" width=\"{modules}\" height=\"{N(captionHeight)}\" fill=\"#FFFFFF\"/>\n");
            for (var i = 0; i < lines.Count; i++)
            {
                var y = modules + fontSize * (1.1 + i * 1.3);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{N(modules / 2.0)}\" y=\"{N(y)}\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"{N(fontSize)}\" text-anchor=\"middle\" fill=\"#000000\">");
                svg.Append(SecurityElement.Escape(lines[i])).Append("</text>\n");
            }
        }
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The QR code of a link as PNG bytes, about <paramref name="size"/> pixels wide (a whole number of pixels per module).</summary>
    public static byte[] Png(string link, int size = DefaultSize)
    {
        using var data = Generate(link);
        return new PngByteQRCode(data).GetGraphic(Scale(size, data.ModuleMatrix.Count), drawQuietZones: true);
    }

    private static int Scale(int size, int modules)
    {
        if (size is < 1 or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"A QR code is at most {MaxSize} pixels wide.");
        }
        return Math.Max(1, (int)Math.Round(size / (double)modules, MidpointRounding.AwayFromZero));
    }

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

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
