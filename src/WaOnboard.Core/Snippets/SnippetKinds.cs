namespace WaOnboard.Snippets;

/// <summary>One kind of entry-point snippet.</summary>
/// <param name="Name">The name on the command line (<c>button</c>).</param>
/// <param name="EntryPoint">The entry point of the seed document it serves (website, contact page, app, IVR, ...).</param>
/// <param name="Description">What it is, in one line.</param>
/// <param name="MediaType">What <see cref="SnippetRenderer.Render(string, SnippetRequest)"/> returns.</param>
public sealed record SnippetKind(string Name, string EntryPoint, string Description, string MediaType);

/// <summary>The entry-point snippets wa-onboard writes.</summary>
public static class SnippetKinds
{
    /// <summary>Every kind, in the order of the seed document's entry points.</summary>
    public static IReadOnlyList<SnippetKind> All { get; } =
    [
        new("wa-link", "website, Google", "the https://wa.me/<number> click to chat link, with ?text= when there is pre-filled text", "text/plain"),
        new("button", "website", "a click to chat button in WhatsApp green (HTML and CSS, accessible, no script)", "text/html"),
        new("floating-button", "website / footer", "a fixed button at the bottom of every page (HTML and CSS only)", "text/html"),
        new("contact-page", "contact page", "a contact-page block with the number and a click to chat button", "text/html"),
        new("email-signature", "e-mail signature", "a signature line with a click to chat button (tables and inline styles)", "text/html"),
        new("app-link", "app", "the universal link, and the whatsapp://send deep link when there is pre-filled text, with platform notes", "text/plain"),
        new("ivr", "IVR", "phone-menu prompts \"press 5 to continue on WhatsApp\" and the follow-up text message, in the packet's template languages", "text/plain"),
        new("google-business", "Google", "the WhatsApp link of a Google Business Profile (by hand, or the url_whatsapp attribute of the Business Profile API)", "text/plain"),
        new("qr", "packaging", "a QR code of the wa.me link as SVG or PNG, error correction Q, quiet zone 4 modules, print size by default", "image/svg+xml"),
    ];

    /// <summary>The kind of a name, or null when there is none.</summary>
    public static SnippetKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
