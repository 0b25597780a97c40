using WaOnboard.Images;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>
/// One aspect of the profile picture the packet names: <c>file</c> (it can be opened inside the packet's folder),
/// <c>format</c> (JPEG or PNG by its bytes), <c>bytes</c> (at most 5 MB), <c>dimensions</c> (exactly 640x640) or
/// <c>intact</c> (its structure is whole). The file is inspected once for all the rules.
/// </summary>
internal sealed class AvatarCheck : Check
{
    private readonly string _aspect;

    public AvatarCheck(CheckParameters parameters)
    {
        _aspect = parameters.Text("aspect") ?? "";
        if (_aspect is not ("file" or "format" or "bytes" or "dimensions" or "intact"))
        {
            parameters.Problem($"'aspect' must be file, format, bytes, dimensions or intact, not '{_aspect}'");
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
            "bytes" when image.Length > ImageInspector.MaxBytes => $"is {image.Length:N0} bytes",
            "dimensions" when image.Width > 0 && (image.Width != ImageInspector.RequiredEdge || image.Height != ImageInspector.RequiredEdge)
                => $"is {image.Width}x{image.Height} pixels",
            _ => null,
        };
        if (problem is not null)
        {
            scope.Fail(node, name, problem);
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
