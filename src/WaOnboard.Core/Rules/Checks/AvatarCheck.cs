using WaOnboard.Findings;
using WaOnboard.Images;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>
/// One aspect of the profile picture the packet names: <c>file</c> (it can be opened inside the packet's folder),
/// <c>format</c> (JPEG or PNG by its bytes), <c>bytes</c> (at most <c>maxBytes</c>), <c>dimensions</c> (exactly
/// <c>edge</c> on both sides when given, else <c>square</c> and at least <c>minEdge</c>), <c>opaque</c> (a PNG without
/// an alpha channel: WhatsApp shows transparency as black) or <c>intact</c> (its structure is whole). The limits are
/// the rule file's parameters, so a provider can ask for more than WhatsApp does. The file is inspected once.
/// </summary>
internal sealed class AvatarCheck : Check
{
    private readonly string _aspect;
    private readonly long _maxBytes;
    private readonly int? _edge;
    private readonly int _minEdge;
    private readonly bool _square;

    public AvatarCheck(CheckParameters parameters)
    {
        _aspect = parameters.Text("aspect") ?? "";
        if (_aspect is not ("file" or "format" or "bytes" or "dimensions" or "opaque" or "intact"))
        {
            parameters.Problem($"'aspect' must be file, format, bytes, dimensions, opaque or intact, not '{_aspect}'");
        }
        _maxBytes = parameters.Number("maxBytes", required: _aspect == "bytes") ?? long.MaxValue;
        _edge = parameters.Number("edge");
        _minEdge = parameters.Number("minEdge") ?? 0;
        _square = parameters.Flag("square");
        if (_aspect == "dimensions" && _edge is null && !_square && _minEdge == 0)
        {
            parameters.Problem("the dimensions aspect needs 'edge', or 'square' and 'minEdge'");
        }
    }

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var name))
        {
            return;
        }
        var files = scope.Run.Document.Files;
        var avatar = scope.Run.Cached("avatar:" + name, () => Inspect(files, name));
        scope.Run.Avatar = avatar.Inspection;
        if (avatar.Inspection is not { } image)
        {
            if (_aspect == "file")
            {
                scope.Fail(node, name, avatar.Problem);
            }
            return;
        }
        var problem = _aspect switch
        {
            "format" when image.Format == ImageFormat.Unknown => image.Problem,
            "intact" when image.Format != ImageFormat.Unknown && !image.IsWellFormed => image.Problem,
            "bytes" when image.Length > _maxBytes => $"is {image.Length:N0} bytes",
            "dimensions" when image.Width > 0 && !FitsDimensions(image.Width, image.Height) => $"is {image.Width}x{image.Height} pixels",
            "opaque" when image.Format == ImageFormat.Png && scope.Run.Cached("avatar-alpha:" + name, () => HasAlpha(files, name)) is true
                => "has an alpha channel (transparent areas)",
            _ => null,
        };
        if (problem is not null)
        {
            scope.Fail(node, name, problem, facts: new FindingFacts(Avatar: image));
        }
    }

    private bool FitsDimensions(int width, int height) => _edge is { } edge
        ? width == edge && height == edge
        : (!_square || width == height) && Math.Min(width, height) >= _minEdge;

    /// <summary>True when the PNG's header declares an alpha channel (colour type 4 or 6, byte 25 of the file).</summary>
    private static object HasAlpha(IPacketFiles files, string name)
    {
        if (!files.TryOpen(name, out var stream, out _))
        {
            return false;
        }
        try
        {
            using (stream)
            {
                Span<byte> header = stackalloc byte[26];
                var read = 0;
                while (read < header.Length && stream.Read(header[read..]) is var n and > 0)
                {
                    read += n;
                }
                return read == header.Length && header[25] is 4 or 6;
            }
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static Avatar Inspect(IPacketFiles files, string name)
    {
        if (!files.TryOpen(name, out var stream, out var problem))
        {
            return new Avatar(null, problem);
        }
        try
        {
            using (stream)
            {
                return new Avatar(ImageInspector.Inspect(stream), null);
            }
        }
        catch (IOException e)
        {
            return new Avatar(null, "cannot be read: " + e.Message);
        }
    }

    private sealed record Avatar(ImageInspection? Inspection, string? Problem);
}
