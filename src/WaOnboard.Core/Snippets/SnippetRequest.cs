using WaOnboard.Packets;

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

    /// <summary>The request a packet implies: its WhatsApp number, first translation language and business name; null when it has no number.</summary>
    public static SnippetRequest? FromPacket(PacketDocument packet, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var root = packet.Root;
        // The link must reach the number registered on WhatsApp (phone.number): a wa.me link needs an active
        // WhatsApp account, which the public contact numbers (profile.phoneNumbers) usually are not.
        var phone = PacketPath.Text(root, "phone.number");
        if (phone is null)
        {
            return null;
        }
        var languages = new List<string>();
        if (PacketPath.Find(root, "hsm") is ListNode templates)
        {
            for (var i = 0; i < templates.Items.Count; i++)
            {
                if (PacketPath.Find(root, $"hsm[{i}].translations") is ListNode translations)
                {
                    for (var j = 0; j < translations.Items.Count; j++)
                    {
                        var language = PacketPath.Text(root, $"hsm[{i}].translations[{j}].language")?.Trim();
                        if (language is not null && !languages.Contains(language))
                        {
                            languages.Add(language);
                        }
                    }
                }
            }
        }
        return new SnippetRequest(phone, text)
        {
            Language = languages.FirstOrDefault() ?? "en",
            Languages = languages,
            BusinessName = PacketPath.Text(root, "profile.businessName") ?? PacketPath.Text(root, "business.verifiedName"),
        };
    }
}
