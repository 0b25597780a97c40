using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WaOnboard.Registry;

namespace WaOnboard.Api;

/// <summary>API keys (<c>Auth</c> in configuration).</summary>
public sealed class AuthSettings
{
    /// <summary>When true, the checking endpoints (validate, checklist, snippets, QR, phone, rules, profiles) need a key too; they are open by default, for web forms.</summary>
    public bool RequireKeyForChecks { get; set; }

    /// <summary>How long a key's row is remembered, in seconds (0: asked for every request); a revoked key keeps working on a server for at most this long.</summary>
    public double KeyCacheSeconds { get; set; } = 5;
}

/// <summary>Marks an endpoint that needs a key with a scope.</summary>
/// <param name="Scope">The scope the key must allow.</param>
public sealed record RequiresScope(KeyScopes Scope);

/// <summary>
/// Checks the <c>Authorization: Bearer</c> key of every request before its endpoint runs, so before any body is
/// read: an endpoint that needs a scope answers 401 to a request without a key (a cross-site form or <c>no-cors</c>
/// fetch cannot send one) and 403 to a key without the scope.
/// </summary>
public static class KeyAuth
{
    /// <summary>The realm of the <c>WWW-Authenticate</c> challenge.</summary>
    public const string Realm = "wa-onboard";

    private const string CallerItem = "wa-onboard.caller";

    /// <summary>Requires a key allowing <paramref name="scope"/> (documented in the OpenAPI document with its 401 and 403).</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder builder, KeyScopes scope) =>
        builder.WithMetadata(new RequiresScope(scope))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
            {
                operation.Security = [OpenApiSetup.BearerRequirement(context.Document)];
                operation.Description = $"{operation.Description} Needs a key with the `{scope.ToNames()}` scope (`Authorization: Bearer <key>`).".TrimStart();
                return Task.CompletedTask;
            });

    /// <summary>Who made the request: the key's name and scopes, or <see cref="RegistryCaller.Anonymous"/>.</summary>
    public static RegistryCaller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(CallerItem, out var caller) && caller is RegistryCaller known ? known : RegistryCaller.Anonymous;
    }

    /// <summary>The key's public id from the request's Authorization header, unverified (for rate limiting per key), or null.</summary>
    public static string? KeyIdOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BearerOf(request) is { } text && ApiKeyFormat.TryParse(text, out var id, out _) ? id : null;
    }

    /// <summary>Authenticates every request to <c>/v1/</c> and enforces the scopes of its endpoint.</summary>
    public static IApplicationBuilder UseKeyAuth(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiresScope>();
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<AuthSettings>>().CurrentValue;
        var needsKey = required is not null || (settings.RequireKeyForChecks && context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase));
        var header = context.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            if (needsKey)
            {
                await Challenge(context, null, "This request needs an API key: send it as 'Authorization: Bearer <key>'. Ask the administrator of this installation for one.");
                return;
            }
            await next(context);
            return;
        }
        var key = BearerOf(context.Request) is { } text
            ? await context.RequestServices.GetRequiredService<KeyAuthenticator>().AuthenticateAsync(text, context.RequestAborted)
            : null;
        if (key is null)
        {
            // A wrong key is refused even where none is needed: a client sending one expects it to count.
            await Challenge(context, "invalid_token", "The API key is not valid: it is unknown, revoked or mistyped. Send 'Authorization: Bearer <key>' with a working key.");
            return;
        }
        if (required is not null && !key.Scopes.Allows(required.Scope))
        {
            var scope = required.Scope.ToNames();
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", scope=\"{scope}\"";
            await Problems.Of(StatusCodes.Status403Forbidden, Problems.Forbidden, "The API key does not allow this.",
                $"This request needs a key with the '{scope}' scope; the key '{key.Name}' has '{key.Scopes.ToNames()}'. Ask the administrator for a key with that scope.")
                .ExecuteAsync(context);
            return;
        }
        context.Items[CallerItem] = new RegistryCaller(key.Name, key.Scopes);
        await next(context);
    });

    private static string? BearerOf(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return value.Length > scheme.Length && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? value[scheme.Length..].Trim() : null;
    }

    private static Task Challenge(HttpContext context, string? error, string detail)
    {
        context.Response.Headers.WWWAuthenticate = error is null ? $"Bearer realm=\"{Realm}\"" : $"Bearer realm=\"{Realm}\", error=\"{error}\"";
        // Answered before the endpoint runs: the body of the request is never read.
        return Problems.Of(StatusCodes.Status401Unauthorized, Problems.Unauthorized, "An API key is needed.", detail).ExecuteAsync(context);
    }
}

/// <summary>Checks key texts against the registry's key rows, remembering rows for <see cref="AuthSettings.KeyCacheSeconds"/>.</summary>
/// <remarks>Only rows (id, salt, hash, scopes) are remembered, never a key's text; each request's secret is hashed and compared in constant time.</remarks>
public sealed class KeyAuthenticator(IApiKeyStore store, TimeProvider time, IOptionsMonitor<AuthSettings> settings)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, (StoredApiKey? Row, long Expires)> _rows = new(StringComparer.Ordinal);

    /// <summary>The working key whose text this is, or null.</summary>
    public async ValueTask<ApiKey?> AuthenticateAsync(string text, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(text, out var id, out var secret))
        {
            return null;
        }
        var now = time.GetTimestamp();
        if (!_rows.TryGetValue(id, out var cached) || now >= cached.Expires)
        {
            cached = (await store.FindKeyAsync(id, cancellationToken), now + (long)(settings.CurrentValue.KeyCacheSeconds * time.TimestampFrequency));
            if (_rows.Count >= Capacity)
            {
                // Bounded: made-up ids sent by a client must not grow the cache without end.
                _rows.Clear();
            }
            _rows[id] = cached;
        }
        return cached.Row is { } row && ApiKeyFormat.Matches(row, secret) ? row.Key : null;
    }
}
