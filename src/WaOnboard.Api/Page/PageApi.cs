using System.Collections.Frozen;
using System.Security.Cryptography;

namespace WaOnboard.Api;

/// <summary>
/// <c>GET /</c> and <c>GET /assets/{name}</c>: the pre-flight page, a static page embedded in this assembly that uses
/// the API itself (no framework, no CDN: it works from the installation, offline).
/// </summary>
/// <remarks>Left out of the OpenAPI document: the page is for people, the document for programs.</remarks>
public static class PageApi
{
    /// <summary>
    /// Scripts and styles from this server only (no inline script, no eval), requests to this server only, snippet
    /// previews framed from this server, images from this server or made here (QR code, avatar preview); no page may
    /// frame this one.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; frame-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string ResourcePrefix = "WaOnboard.Api.Page.assets.";

    private static readonly FrozenDictionary<string, Asset> Assets = LoadAssets();

    public static IEndpointConventionBuilder MapPageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").ExcludeFromDescription();
        group.MapGet("/", (HttpContext context) => Serve(context, "index.html"));
        group.MapGet("/assets/{name}", (HttpContext context, string name) => Serve(context, name));
        return group;
    }

    /// <summary>The names of the embedded assets (index.html, app.js, ...).</summary>
    public static IEnumerable<string> AssetNames => Assets.Keys;

    private static IResult Serve(HttpContext context, string name)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "No such page asset.");
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ETag = asset.ETag;
        // The page may change with each release: the browser revalidates (a 304 costs a few bytes).
        headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> LoadAssets()
    {
        var assembly = typeof(PageApi).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
            assets[name] = new Asset(content, ContentTypeOf(name), etag);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
