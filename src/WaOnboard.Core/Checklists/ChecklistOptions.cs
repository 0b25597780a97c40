namespace WaOnboard.Checklists;

/// <summary>Who a checklist is for.</summary>
public enum ChecklistAudience
{
    /// <summary>The customer: the e-mail with every requested element's status and the next steps.</summary>
    Customer,

    /// <summary>The project manager: the configuration sheet with the packet's values filled in.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("pm")]
    ProjectManager,
}

/// <summary>The form a checklist is written in.</summary>
public enum ChecklistFormat
{
    /// <summary>Plain text (UTF-8).</summary>
    Text,

    /// <summary>An HTML document.</summary>
    Html,

    /// <summary>An RFC 5322 e-mail with text and HTML alternatives.</summary>
    Eml,
}

/// <summary>How to render a checklist.</summary>
public sealed record ChecklistOptions
{
    /// <summary>The languages checklists are written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    /// <summary>Language: <c>en</c> or <c>fr</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Text, HTML or e-mail.</summary>
    public ChecklistFormat Format { get; init; } = ChecklistFormat.Text;

    /// <summary>Customer e-mail or project manager's sheet.</summary>
    public ChecklistAudience Audience { get; init; } = ChecklistAudience.Customer;

    /// <summary>The e-mail's Date header; now when null. Fixed in tests.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The e-mail's From header.</summary>
    public string From { get; init; } = "WhatsApp onboarding <onboarding@wa-onboard.invalid>";

    /// <summary>The e-mail's To header; none when null (the project manager fills it in).</summary>
    public string? To { get; init; }

    /// <summary>A rate file that replaces the profile's for the cost estimate (<c>--rates</c>); the profile's when null.</summary>
    public Pricing.RateCard? Rates { get; init; }
}

/// <summary>A rendered document: its bytes (UTF-8 for text) and media type.</summary>
/// <param name="Content">The document.</param>
/// <param name="MediaType">Its media type, such as <c>text/html; charset=utf-8</c> or <c>message/rfc822</c>.</param>
/// <param name="FileExtension">The usual file extension, with its dot.</param>
public sealed record RenderedDocument(byte[] Content, string MediaType, string FileExtension)
{
    /// <summary>The content as text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
