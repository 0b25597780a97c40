using WaOnboard.Checking;

namespace WaOnboard.Snippets;

/// <summary>What a snippet is made from: the business number, optional pre-filled text, languages and name.</summary>
/// <param name="Phone">The number customers reach, in any common notation with its country code.</param>
/// <param name="Text">Text pre-filled in the customer's message, or null.</param>
public sealed record SnippetRequest(string Phone, string? Text = null)
{
    /// <summary>The language of the snippet's words (<c>en</c>, <c>fr</c>); others fall back to English.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The languages of IVR prompts (the packet's template languages); empty means <see cref="Language"/> only.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>The key the IVR prompt asks callers to press: one of 0-9, * and #.</summary>
    public string Key { get; init; } = "5";

    /// <summary>The width of a QR code in pixels (PNG) or user units (SVG); see <see cref="QrCodes.DefaultSize"/>.</summary>
    public int QrSize { get; init; } = QrCodes.DefaultSize;

    /// <summary>Whether the QR code's SVG carries the caption "Scan to chat on WhatsApp" and the number under the code.</summary>
    public bool QrCaption { get; init; }

    /// <summary>The business name used in accessible names and texts, or null.</summary>
    public string? BusinessName { get; init; }

    /// <summary>This request in another language: its words, and the language spoken first in the IVR prompt; null keeps it as it is.</summary>
    public SnippetRequest With(string? language) =>
        language is null ? this : this with { Language = language, Languages = Languages.Count == 0 ? [] : [language, .. Languages] };

    /// <summary>The request a checked packet implies: its WhatsApp number, template languages and business name; null when it has no valid number.</summary>
    public static SnippetRequest? FromPacket(CheckedPacket packet, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        // The link must reach the number registered on WhatsApp (phone.number): a wa.me link needs an active
        // WhatsApp account, which the public contact numbers (profile.phoneNumbers) usually are not.
        if (packet.E164 is null || packet.Packet.Phone.Number is not { } number)
        {
            return null;
        }
        var languages = packet.Packet.TemplateLanguages;
        // The number as the business writes it: it is valid, so it carries its country code.
        return new SnippetRequest(number, text)
        {
            Language = languages.FirstOrDefault() ?? "en",
            Languages = languages,
            BusinessName = packet.Packet.Profile.BusinessName ?? packet.Packet.Business.VerifiedName,
        };
    }
}
