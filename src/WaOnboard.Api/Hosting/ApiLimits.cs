using WaOnboard.Packets;
using WaOnboard.Phone;

namespace WaOnboard.Api;

/// <summary>The sizes a request may have: a packet is a few kilobytes of text, an avatar a 640x640 picture.</summary>
public static class ApiLimits
{
    /// <summary>A JSON or YAML body, and the <c>packet</c> part of a form: the core loader's own limit.</summary>
    public const int PacketBytes = PacketLoader.MaxBytes;

    /// <summary>The <c>avatar</c> part: WhatsApp takes profile pictures up to 5 MB.</summary>
    public const int AvatarBytes = 5 * 1024 * 1024;

    /// <summary>A whole multipart body: the avatar, the packet and the multipart framing.</summary>
    public const int MultipartBytes = 6 * 1024 * 1024;

    /// <summary>A phone number in a route.</summary>
    public const int PhoneNumberChars = PhoneNumbers.MaxInputLength;

    /// <summary>The text pre-filled in a click to chat link (<c>?text=</c> of the snippets and QR codes), in UTF-16 characters.</summary>
    /// <remarks>
    /// The text is a greeting the customer sends as is ("Hello, I have a question about my order"), a line or two.
    /// It is percent-encoded into the link (up to 9 characters per character), and links much over 2,000 characters
    /// are cut or refused by browsers, mail clients and SMS gateways; 2,000 is generous for a greeting and keeps every
    /// rendered snippet (which the core caches) small. A QR code holds less still: a text that fits here but not in
    /// the largest QR code is refused by the QR endpoints on its own.
    /// </remarks>
    public const int SnippetTextChars = 2000;
}

/// <summary>Per-client and per-key rate limiting (<c>RateLimiting</c> in configuration).</summary>
public sealed class RateLimitSettings
{
    /// <summary>Requests each client IP may make per window; 0 or less turns rate limiting off.</summary>
    public int PermitLimit { get; set; } = 120;

    /// <summary>Requests each API key may make per window, from any address; 0 or less turns the per-key limit off.</summary>
    public int KeyPermitLimit { get; set; } = 600;

    /// <summary>The length of a window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}
