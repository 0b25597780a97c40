using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder.Exceptions;
using WaOnboard.Checking;
using WaOnboard.Snippets;

namespace WaOnboard.Api;

/// <summary>The image formats of a QR code (<c>GET /v1/qr?format=</c>).</summary>
public enum QrFormat
{
    /// <summary>SVG, the default: for print, with a title and an optional caption.</summary>
    Svg,

    /// <summary>PNG, without a caption.</summary>
    Png,
}

/// <summary>A snippet kind: what <c>wa-onboard snippet --list</c> prints.</summary>
/// <param name="Name">The name in the route (<c>/v1/snippets/button</c>).</param>
/// <param name="EntryPoint">The entry point it serves (website, contact page, app, IVR, packaging...).</param>
/// <param name="Description">What it is, in one line.</param>
/// <param name="MediaType">The media type of the snippet: text/plain, text/html or image/svg+xml.</param>
public sealed record SnippetKindView(string Name, string EntryPoint, string Description, string MediaType)
{
    public static SnippetKindView From(SnippetKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new(kind.Name, kind.EntryPoint, kind.Description, kind.MediaType);
    }
}

/// <summary>
/// <c>GET /v1/snippets</c>, <c>GET|POST /v1/snippets/{kind}</c> and <c>GET /v1/qr</c>: the entry points of
/// <c>wa-onboard snippet</c>, from a number or from a packet.
/// </summary>
/// <remarks>
/// <c>/v1/snippets/qr</c> answers as <c>/v1/qr</c> does by default (the same SVG, which is what the command writes);
/// it does not redirect, since a POST's packet could not follow a redirect to /v1/qr. PNG is <c>/v1/qr?format=png</c>.
/// </remarks>
public static class SnippetsApi
{
    private static readonly string[] KindNames = [.. SnippetKinds.All.Select(k => k.Name)];

    public static RouteGroupBuilder MapSnippetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Snippets");
        group.MapGet("/snippets", List)
            .WithName("ListSnippetKinds")
            .WithSummary("List the snippet kinds, with their entry point and media type")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/snippets/{kind}", Render)
            .WithName("RenderSnippet")
            .WithSummary("Write an entry-point snippet for a number")
            .WithDescription("The snippet of `wa-onboard snippet KIND --phone NUMBER [--text TEXT] [--lang LANG] [--key KEY] [--size PX] [--caption]`: " +
                "text/plain for wa-link, app-link, ivr and google-business, text/html for button, floating-button, contact-page and email-signature, " +
                "image/svg+xml for qr (the SVG of GET /v1/qr). HTML and SVG come with a Content-Security-Policy that allows no script.")
            .ProducesDocument("The snippet, in the media type of its kind (GET /v1/snippets lists them).", "text/plain", "text/html", "image/svg+xml")
            .WithValues("kind", KindNames)
            .WithRequiredQuery("phone")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/snippets/{kind}", RenderFromPacketAsync)
            .WithName("RenderSnippetFromPacket")
            .WithSummary("Write an entry-point snippet for a packet's number")
            .WithDescription("As GET /v1/snippets/{kind}, with the number (phone.number), languages (hsm translations) and business name of the packet " +
                "of `wa-onboard snippet KIND --packet PACKET`. The body is the packet, as for POST /v1/validate; the packet is not validated. " +
                "422 when the packet has no phone number, or one that cannot be in a link.")
            .AcceptsPacket()
            .ProducesDocument("The snippet, in the media type of its kind (GET /v1/snippets lists them).", "text/plain", "text/html", "image/svg+xml")
            .WithValues("kind", KindNames)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/qr", Qr)
            .WithName("RenderQrCode")
            .WithSummary("Draw the QR code of a number's click to chat link")
            .WithDescription("The QR code of the wa.me link (error correction Q, quiet zone of 4 modules), as SVG (default, for print) or PNG, " +
                $"{QrCodes.DefaultSize} px wide by default (5 cm at 600 dpi). The SVG has a title, the brand rules in a comment and, with caption=true, " +
                "\"Scan to chat on WhatsApp\" and the number under the code. SVG comes with a Content-Security-Policy that allows no script.")
            .ProducesDocument("The QR code.", "image/svg+xml", "image/png")
            .WithRequiredQuery("phone")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    internal static Ok<List<SnippetKindView>> List() => TypedResults.Ok(SnippetKinds.All.Select(SnippetKindView.From).ToList());

    /// <param name="kind">The snippet kind: wa-link, button, floating-button, contact-page, email-signature, app-link, ivr or qr.</param>
    /// <param name="phone">The business number in international format (+33 1 42 00 00 00), at most 64 characters.</param>
    /// <param name="text">Text pre-filled in the customer's message, at most 2,000 characters.</param>
    /// <param name="lang">The language of the snippet's words: en (default) or fr.</param>
    /// <param name="key">The key the IVR prompt asks callers to press: 0-9, * or # (default 5).</param>
    /// <param name="size">The width of the QR code in pixels, 100 to 4000 (default 1200: 5 cm at 600 dpi).</param>
    /// <param name="caption">Whether the QR code's SVG has "Scan to chat on WhatsApp" and the number under it.</param>
    internal static Results<DocumentResult, ValidationProblem, ProblemHttpResult> Render(string kind, string? phone, string? text, QueryEnum<Language>? lang, string? key, int? size, bool? caption)
    {
        if (SnippetKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }
        if ((PhoneProblem(phone) ?? TextProblem(text) ?? OptionsProblem(key, size)) is { } invalid)
        {
            return invalid;
        }
        try
        {
            return Document(found, WithOptions(new SnippetRequest(phone!, text) { Language = lang?.Name ?? "en" }, lang?.Name, key, size, caption));
        }
        catch (InvalidPhoneNumberException e)
        {
            return Problems.Invalid("phone", e.Message);
        }
        catch (DataTooLongException)
        {
            return QrTooLong();
        }
    }

    /// <param name="kind">The snippet kind: wa-link, button, floating-button, contact-page, email-signature, app-link, ivr or qr.</param>
    /// <param name="packet">The packet of the body.</param>
    /// <param name="text">Text pre-filled in the customer's message, at most 2,000 characters.</param>
    /// <param name="lang">The language of the snippet's words: en or fr (default: the packet's first template language, else en); for ivr, spoken first.</param>
    /// <param name="key">The key the IVR prompt asks callers to press: 0-9, * or # (default 5).</param>
    /// <param name="size">The width of the QR code in pixels, 100 to 4000 (default 1200: 5 cm at 600 dpi).</param>
    /// <param name="caption">Whether the QR code's SVG has "Scan to chat on WhatsApp" and the number under it.</param>
    /// <param name="checker">Checks the packet with the profiles of this server.</param>
    /// <param name="cancellationToken">Stops the registry's look-up when the client goes away.</param>
    internal static async Task<Results<DocumentResult, ValidationProblem, ProblemHttpResult>> RenderFromPacketAsync(
        string kind, PacketUpload packet, string? text, QueryEnum<Language>? lang, string? key, int? size, bool? caption, PacketChecker checker, CancellationToken cancellationToken)
    {
        if (SnippetKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }
        if ((TextProblem(text) ?? OptionsProblem(key, size)) is { } invalid)
        {
            return invalid;
        }
        var checkedPacket = await checker.CheckAsync(packet.Document, cancellationToken: cancellationToken);
        if (SnippetRequest.FromPacket(checkedPacket, text) is not { } snippet)
        {
            return checkedPacket.Packet.Phone.Number is null
                ? NoSnippetFromPacket("The packet has no phone number (phone.number): a click to chat link needs the number registered on WhatsApp.")
                : NoSnippetFromPacket($"The packet's phone.number cannot be in a link: it {checkedPacket.Phone?.Problem ?? "is not valid"}.");
        }
        if (snippet.Phone.Length > ApiLimits.PhoneNumberChars)
        {
            return NoSnippetFromPacket($"The packet's phone.number has more than {ApiLimits.PhoneNumberChars} characters; it is not a phone number.");
        }
        try
        {
            return Document(found, WithOptions(snippet, lang?.Name, key, size, caption));
        }
        catch (InvalidPhoneNumberException e)
        {
            return NoSnippetFromPacket($"The packet's phone.number cannot be in a link: {e.Message}");
        }
        catch (DataTooLongException)
        {
            return QrTooLong();
        }
    }

    /// <param name="phone">The business number in international format (+33 1 42 00 00 00), at most 64 characters.</param>
    /// <param name="text">Text pre-filled in the customer's message, at most 2,000 characters (less still fits in a QR code).</param>
    /// <param name="format">svg (default) or png.</param>
    /// <param name="size">The width in pixels, 100 to 4000 (default 1200: 5 cm at 600 dpi, 10 cm at 300 dpi).</param>
    /// <param name="caption">SVG only: "Scan to chat on WhatsApp" and the number under the code.</param>
    /// <param name="lang">The language of the SVG's title and caption: en (default) or fr.</param>
    internal static Results<DocumentResult, ValidationProblem> Qr(string? phone, string? text, QueryEnum<QrFormat>? format, int? size, bool? caption, QueryEnum<Language>? lang)
    {
        if ((PhoneProblem(phone) ?? TextProblem(text) ?? OptionsProblem(null, size)) is { } invalid)
        {
            return invalid;
        }
        try
        {
            if (format?.Value == QrFormat.Png && caption == true)
            {
                return Problems.Invalid("caption", "The caption is drawn in SVG only: ask for format=svg, or add the caption in your layout.");
            }
            if (format?.Value == QrFormat.Png)
            {
                return new DocumentResult(QrCodes.Png(SnippetRenderer.Link(phone!, text), size ?? QrCodes.DefaultSize), "image/png");
            }
            var request = WithOptions(new SnippetRequest(phone!, text) { Language = lang?.Name ?? "en" }, lang?.Name, null, size, caption);
            return new DocumentResult(Encoding.UTF8.GetBytes(SnippetRenderer.Render("qr", request)), "image/svg+xml");
        }
        catch (InvalidPhoneNumberException e)
        {
            return Problems.Invalid("phone", e.Message);
        }
        catch (DataTooLongException)
        {
            return QrTooLong();
        }
    }

    private static DocumentResult Document(SnippetKind kind, SnippetRequest request)
    {
        var content = Encoding.UTF8.GetBytes(SnippetRenderer.Render(kind.Name, request));
        // The core's media types are bare; text is UTF-8 here as on the command line. SVG declares its own encoding as XML.
        // The pre-flight page previews HTML snippets in sandboxed frames of this server.
        return new DocumentResult(content, kind.MediaType.StartsWith("text/", StringComparison.Ordinal) ? kind.MediaType + "; charset=utf-8" : kind.MediaType)
        {
            FramedBySameOrigin = kind.MediaType == "text/html",
        };
    }

    /// <summary>A 400 for a missing number or one too long to be a number; checked before the number is parsed.</summary>
    private static ValidationProblem? PhoneProblem(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? Problems.Invalid("phone", "Give the business number in international format: ?phone=%2B33142000000.")
        : Problems.PhoneTooLong("phone", phone);

    private static ValidationProblem? TextProblem(string? text) =>
        text is not null && text.Length > ApiLimits.SnippetTextChars
            ? Problems.Invalid("text", $"The pre-filled text has at most {ApiLimits.SnippetTextChars} characters; this one has {text.Length}. A greeting of a line or two is enough.")
            : null;

    /// <summary>A 400 for a key not on a keypad, or a QR size out of range.</summary>
    private static ValidationProblem? OptionsProblem(string? key, int? size) =>
        key is not null && !SnippetRenderer.IsIvrKey(key)
            ? Problems.Invalid("key", $"'{(key.Length > 16 ? key[..16] + "..." : key)}' is not a key of a phone keypad; use one of 0-9, * or #.")
        : size is < QrCodes.MinSize or > QrCodes.MaxSize
            ? Problems.Invalid("size", $"A QR code is {QrCodes.MinSize} to {QrCodes.MaxSize} pixels wide; {size} is out of range.")
        : null;

    private static SnippetRequest WithOptions(SnippetRequest request, string? lang, string? key, int? size, bool? caption) =>
        request.With(lang) with { Key = key ?? "5", QrSize = size ?? QrCodes.DefaultSize, QrCaption = caption ?? false };

    private static ValidationProblem QrTooLong() =>
        Problems.Invalid("text", "The link with this pre-filled text is too long for a QR code; shorten the text (a few hundred characters fit).");

    private static ProblemHttpResult UnknownKind(string kind) =>
        Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "No such snippet kind.",
            $"'{(kind.Length > 64 ? kind[..64] + "..." : kind)}' is not a snippet kind; use one of: {string.Join(", ", KindNames)} (GET /v1/snippets lists them).");

    private static ProblemHttpResult NoSnippetFromPacket(string detail) =>
        Problems.Of(StatusCodes.Status422UnprocessableEntity, Problems.PacketNotValid, "The packet has no number a snippet can use.", detail);
}
