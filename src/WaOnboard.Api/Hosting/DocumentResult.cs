namespace WaOnboard.Api;

/// <summary>A 200 whose body is a rendered document (checklist, snippet, QR code), byte for byte as the core wrote it.</summary>
/// <remarks>
/// HTML and SVG hold text from the request (business name, address, pre-filled text), and a browser that opens the
/// response runs what they contain: they carry <see cref="ContentSecurityPolicy"/>, so that even a value the
/// templates failed to encode could run no script, load nothing and send nothing anywhere.
/// </remarks>
public sealed class DocumentResult(byte[] content, string contentType) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>
    /// No script, frame, font, fetch or external image (<c>default-src 'none'</c>); the inline styles the snippets and
    /// checklists use, and data: images; no <c>&lt;base&gt;</c> to re-point relative links, no form to post, and no
    /// page may frame it (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public byte[] Content { get; } = content;

    /// <summary>Whether a page of this server may frame it (the pre-flight page's snippet previews); other origins never may.</summary>
    public bool FramedBySameOrigin { get; init; }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType { get; } = contentType;

    /// <summary>True for the media types a browser renders as an active document: HTML and SVG.</summary>
    public static bool IsActiveContent(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        return contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        if (IsActiveContent(ContentType))
        {
            response.Headers.ContentSecurityPolicy = FramedBySameOrigin
                ? ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal)
                : ContentSecurityPolicy;
        }
        return response.Body.WriteAsync(Content, httpContext.RequestAborted).AsTask();
    }
}
