namespace WaOnboard.Images;

/// <summary>What the bounded inspector learnt of one profile picture, without decoding its pixels.</summary>
/// <param name="Format">The format told by the file's first bytes, never by its name.</param>
/// <param name="Width">The width in pixels that the header claims; 0 when no header was read.</param>
/// <param name="Height">The height in pixels that the header claims; 0 when no header was read.</param>
/// <param name="Length">The file's length in bytes.</param>
public sealed record ImageInspection(ImageFormat Format, int Width, int Height, long Length)
{
    /// <summary>Why the file cannot be the profile picture, as words that follow its name (<c>is truncated: ...</c>); null when it can.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the file is a whole, well-formed JPEG or PNG, whatever its size and dimensions.</summary>
    public bool IsWellFormed { get; init; }

    /// <summary>True when the file is a whole, well-formed 640x640 JPEG or PNG of at most 5 MB.</summary>
    public bool IsIntact => Problem is null;
}
