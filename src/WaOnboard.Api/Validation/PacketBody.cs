using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WaOnboard.Packets;

namespace WaOnboard.Api;

/// <summary>Reads the packet of a request: a JSON or YAML body, or a form with a <c>packet</c> part and an <c>avatar</c> part.</summary>
/// <remarks>
/// Every read is bounded by <see cref="ApiLimits"/> whatever Content-Length claims, and nothing is read from the
/// server's disk: the avatar the packet names is the <c>avatar</c> part, mapped under the name the packet gives it.
/// </remarks>
public static class PacketBody
{
    /// <summary>The label a packet sent in a request carries in its report (the <c>packet</c> field).</summary>
    public const string Source = "request";

    public const string FormMediaType = "multipart/form-data";

    public static async Task<PacketUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return Fail(UnsupportedMediaType(request.ContentType));
        }
        try
        {
            if (mediaType.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return await ReadFormAsync(request, contentType, cancellationToken);
            }
            if (FormatOf(mediaType) is not { } format)
            {
                return Fail(UnsupportedMediaType(mediaType));
            }
            if (NotUtf8(contentType) is { } charset)
            {
                return Fail(UnsupportedCharset(charset));
            }
            if (request.ContentLength > ApiLimits.PacketBytes)
            {
                return Fail(PacketTooLarge());
            }
            var content = await ReadAtMostAsync(request.Body, ApiLimits.PacketBytes, request.ContentLength, cancellationToken);
            return content is null ? Fail(PacketTooLarge()) : Loaded(PacketLoader.Load(content, format, Source, InMemoryPacketFiles.None));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own body limit (Kestrel's MaxRequestBodySize) stopped the read.
            return Fail(Problems.TooLarge("The request body is larger than the server accepts."));
        }
    }

    private static PacketFormat? FormatOf(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "application/json" => PacketFormat.Json,
        "application/yaml" or "text/yaml" => PacketFormat.Yaml,
        _ => null,
    };

    private static async Task<PacketUpload> ReadFormAsync(HttpRequest request, MediaTypeHeaderValue contentType, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return Fail(Problems.Of(StatusCodes.Status400BadRequest, Problems.BadRequest, "The form cannot be read.",
                "A multipart/form-data body needs a boundary of at most 70 characters in its Content-Type."));
        }
        if (request.ContentLength > ApiLimits.MultipartBytes)
        {
            return Fail(FormTooLarge());
        }
        // The whole form is bounded once: the parts cannot add up to more than the limit, whatever their headers say.
        var body = await ReadAtMostAsync(request.Body, ApiLimits.MultipartBytes, request.ContentLength, cancellationToken);
        if (body is null)
        {
            return Fail(FormTooLarge());
        }
        var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false));
        (byte[] Content, PacketFormat Format)? packet = null;
        byte[]? avatar = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "";
                switch (name)
                {
                    case "packet" when packet is null:
                        var content = await ReadAtMostAsync(section.Body, ApiLimits.PacketBytes, expected: null, cancellationToken);
                        if (content is null)
                        {
                            return Fail(PacketTooLarge());
                        }
                        packet = (content, PartFormat(section, disposition, content));
                        break;
                    case "avatar" when avatar is null:
                        avatar = await ReadAtMostAsync(section.Body, ApiLimits.AvatarBytes, expected: null, cancellationToken);
                        if (avatar is null)
                        {
                            return Fail(Problems.TooLarge($"The avatar is larger than {ApiLimits.AvatarBytes / (1024 * 1024)} MiB; WhatsApp takes profile pictures up to 5 MB."));
                        }
                        break;
                    case "packet" or "avatar":
                        return Fail(Problems.Invalid(name, $"The form has more than one '{name}' part; send one."));
                    default:
                        return Fail(Problems.Invalid(name, $"'{name}' is not a part of this form; send 'packet' and, when the packet names one, 'avatar'."));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            // MultipartReader reports a malformed form as an IOException (no final boundary) or an InvalidDataException
            // (a header line over 16 KiB, too many headers); its messages name no server internals.
            return Fail(Problems.Of(StatusCodes.Status400BadRequest, Problems.BadRequest, "The form cannot be read.", e.Message));
        }
        if (packet is not { } p)
        {
            return Fail(Problems.Invalid("packet", "The form has no 'packet' part: send the packet (JSON or YAML) as a part named 'packet'."));
        }
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var document = PacketLoader.Load(p.Content, p.Format, Source, new InMemoryPacketFiles(files));
        // The packet names its avatar by a path relative to its folder; the upload stands in for that file.
        if (avatar is not null && document.Root?["profile"] is MapNode profile && profile["avatar"] is ScalarNode { IsBlank: false } avatarName)
        {
            files[avatarName.Text] = avatar;
        }
        return Loaded(document);
    }

    private static PacketFormat PartFormat(MultipartSection section, ContentDispositionHeaderValue? disposition, byte[] content)
    {
        if (MediaTypeHeaderValue.TryParse(section.ContentType, out var type) && type.MediaType.Value is { } mediaType && FormatOf(mediaType) is { } format)
        {
            if (NotUtf8(type) is { } charset)
            {
                throw new InvalidDataException($"The 'packet' part is in charset={charset}; send the packet as UTF-8.");
            }
            return format;
        }
        var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileName ?? default).Value;
        if (!string.IsNullOrEmpty(fileName))
        {
            return PacketLoader.FormatOf(fileName);
        }
        return PacketLoader.Sniff(content);
    }

    /// <summary>A packet that is no packet at all (a syntax error, not a mapping) is a 400; one too large, a 413.</summary>
    private static PacketUpload Loaded(PacketDocument document)
    {
        if (document.Root is not null)
        {
            return new PacketUpload(document);
        }
        var finding = document.LoadFindings.FirstOrDefault(f => f.Severity == Findings.Severity.Error) ?? document.LoadFindings[0];
        var extensions = new Dictionary<string, object?> { ["ruleId"] = finding.RuleId };
        if (finding.Line is { } line)
        {
            extensions["line"] = line;
        }
        if (finding.Column is { } column)
        {
            extensions["column"] = column;
        }
        return finding.RuleId == "packet-too-large"
            ? Fail(Problems.Of(StatusCodes.Status413PayloadTooLarge, Problems.PayloadTooLarge, "The packet is too large.", finding.Message, extensions))
            : Fail(Problems.Of(StatusCodes.Status400BadRequest, Problems.PacketSyntax, "The body is not a packet.", finding.Message, extensions));
    }

    private static PacketUpload Fail(IResult problem) => new(problem);

    private static ProblemHttpResult UnsupportedMediaType(string? mediaType) =>
        Problems.Of(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "The body is not a packet.",
            $"Send the packet as application/json, application/yaml, text/yaml or multipart/form-data, not {(string.IsNullOrEmpty(mediaType) ? "a body without a Content-Type" : $"'{(mediaType.Length > 100 ? mediaType[..100] + "..." : mediaType)}'")}.");

    /// <summary>The charset a body declares when it is not UTF-8 (or US-ASCII, a subset); null when it is, or says none.</summary>
    private static string? NotUtf8(MediaTypeHeaderValue contentType)
    {
        var charset = HeaderUtilities.RemoveQuotes(contentType.Charset).Value;
        return string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase) || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            ? null
            : charset.Length > 40 ? charset[..40] + "..." : charset;
    }

    private static ProblemHttpResult UnsupportedCharset(string charset) =>
        Problems.Of(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "The body is not a packet.",
            $"A packet is UTF-8 text, not charset={charset}: convert it to UTF-8 and send it with charset=utf-8 (or no charset).");

    private static ProblemHttpResult PacketTooLarge() =>
        Problems.TooLarge($"The packet is larger than {ApiLimits.PacketBytes / 1024} KiB; a packet is a few kilobytes of text.");

    private static ProblemHttpResult FormTooLarge() =>
        Problems.TooLarge($"The form is larger than {ApiLimits.MultipartBytes / (1024 * 1024)} MiB (a packet and an avatar of at most 5 MiB).");

    /// <summary>Reads a stream to its end, or returns null as soon as it passes <paramref name="limit"/> bytes.</summary>
    /// <param name="stream">The body or the part.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="expected">The length the sender announced (Content-Length), used only as a first guess of the size.</param>
    /// <param name="cancellationToken">Stops when the client goes away.</param>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, int limit, long? expected, CancellationToken cancellationToken)
    {
        // One buffer of the announced size in the usual case; it grows (up to the limit) only for a sender that lied or sent no length.
        var buffer = new byte[(int)Math.Clamp(expected ?? 4096, 1, limit + 1L)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return null;
                }
                Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        if (length > limit)
        {
            return null;
        }
        if (length < buffer.Length)
        {
            Array.Resize(ref buffer, length);
        }
        return buffer;
    }
}
