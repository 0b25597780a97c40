namespace WaOnboard.Images;

/// <summary>The image formats a WhatsApp profile picture may use, as told by the file's first bytes.</summary>
public enum ImageFormat
{
    /// <summary>Neither PNG nor JPEG (or too short to tell); the problem names what the file really is when it can.</summary>
    Unknown,

    /// <summary>A PNG file (signature <c>89 50 4E 47 0D 0A 1A 0A</c>).</summary>
    Png,

    /// <summary>A JPEG file (starts with the SOI marker <c>FF D8</c>).</summary>
    Jpeg,
}
