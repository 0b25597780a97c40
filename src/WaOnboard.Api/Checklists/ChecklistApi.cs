using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using WaOnboard.Checking;
using WaOnboard.Checklists;

namespace WaOnboard.Api;

/// <summary><c>POST /v1/checklist</c>: the customer checklist e-mail or the project manager's sheet of a packet, as <c>wa-onboard checklist</c> writes it.</summary>
public static class ChecklistApi
{
    /// <summary>The media types of the checklist, in the order of preference when the client likes several equally.</summary>
    private static readonly (string MediaType, ChecklistFormat Format)[] Produced =
    [
        ("text/plain", ChecklistFormat.Text),
        ("text/html", ChecklistFormat.Html),
        ("message/rfc822", ChecklistFormat.Eml),
    ];

    public static RouteGroupBuilder MapChecklistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/checklist").WithTags("Checklists");
        group.MapPost("", RenderAsync)
            .WithName("RenderChecklist")
            .WithSummary("Write the checklist of a packet: the customer e-mail or the project manager's sheet")
            .WithDescription("Validates the packet as POST /v1/validate does (same rules, same registry), then writes the checklist of `wa-onboard checklist`: " +
                "every requested element with the status the report gives it. `?format=` chooses text, HTML or an e-mail with both (message/rfc822); " +
                "without it the `Accept` header chooses among text/plain, text/html and message/rfc822 (text when it names none in particular, " +
                "406 when it accepts none of them). The body is the packet, as for POST /v1/validate.")
            .AcceptsPacket()
            .ProducesDocument("The checklist, in the format `?format=` or `Accept` chose. HTML comes with a Content-Security-Policy that allows no script.",
                "text/plain", "text/html", "message/rfc822")
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="packet">The packet of the body.</param>
    /// <param name="format">text, html or eml (an e-mail with both); when absent, the Accept header chooses, and text is the default.</param>
    /// <param name="lang">The language of the checklist: en (default) or fr.</param>
    /// <param name="audience">customer (default: the checklist e-mail) or pm (the project manager's configuration sheet).</param>
    /// <param name="profile">The profile to check with and list the elements of, instead of the packet's <c>provider</c>.</param>
    /// <param name="context">The request, whose Accept header chooses the format and whose key is the registry's caller.</param>
    /// <param name="checker">Checks the packet with the profiles and the registry of this server.</param>
    /// <param name="time">The clock of the e-mail's Date header.</param>
    /// <param name="cancellationToken">Stops the registry's look-up when the client goes away.</param>
    internal static async Task<Results<DocumentResult, ProblemHttpResult>> RenderAsync(
        PacketUpload packet, QueryEnum<ChecklistFormat>? format, QueryEnum<Language>? lang, QueryEnum<ChecklistAudience>? audience, ProfileName? profile,
        HttpContext context, PacketChecker checker, TimeProvider time, CancellationToken cancellationToken)
    {
        // Whatever the answer, it depends on Accept: caches must not give one client's format to another.
        context.Response.Headers.Vary = HeaderNames.Accept;
        if ((format?.Value ?? Negotiate(context.Request.Headers.Accept)) is not { } chosen)
        {
            return Problems.Of(StatusCodes.Status406NotAcceptable, Problems.NotAcceptable, "The checklist cannot be written in a media type the request accepts.",
                $"The checklist is text/plain, text/html or message/rfc822; the Accept header allows none of them. Accept one of them, or choose with ?format=text|html|eml.");
        }
        var language = lang?.Name ?? "en";
        var checkedPacket = await checker.CheckAsync(packet.Document, profile?.Name, language, context.Caller(), cancellationToken);
        var options = new ChecklistOptions
        {
            Language = language,
            Format = chosen,
            Audience = audience?.Value ?? ChecklistAudience.Customer,
            Date = time.GetUtcNow(),
        };
        try
        {
            var rendered = ChecklistRenderer.Render(checkedPacket, options);
            return new DocumentResult(rendered.Content, rendered.MediaType);
        }
        catch (ArgumentException e) when (chosen == ChecklistFormat.Eml)
        {
            // The e-mail refuses a header with a line break (a business name "Acme\nBcc: ..." in the Subject).
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, Problems.PacketNotValid, "The packet cannot be written as an e-mail.",
                e.Message + " Remove the line break from the business name, or ask for ?format=text or html.");
        }
    }

    /// <summary>
    /// The format the Accept header prefers (RFC 9110, section 12.5.1): each media type gets the quality of the most
    /// specific range that matches it; the highest quality above 0 wins, ties going to text, then HTML, then e-mail.
    /// No Accept header, or one that cannot be parsed, means text. Null when every media type has quality 0.
    /// </summary>
    internal static ChecklistFormat? Negotiate(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return ChecklistFormat.Text;
        }
        ChecklistFormat? best = null;
        var bestQuality = 0.0;
        foreach (var (mediaType, checklistFormat) in Produced)
        {
            var quality = QualityOf(mediaType, ranges);
            if (quality > bestQuality)
            {
                best = checklistFormat;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static double QualityOf(string mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var specificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            var type = range.Type.Value ?? "";
            var subType = range.SubType.Value ?? "";
            var rangeSpecificity =
                type == "*" && subType == "*" ? 0
                : subType == "*" && type.Equals(mediaType[..slash], StringComparison.OrdinalIgnoreCase) ? 1
                : $"{type}/{subType}".Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (rangeSpecificity > specificity)
            {
                specificity = rangeSpecificity;
                quality = range.Quality ?? 1.0;
            }
        }
        return quality;
    }
}
