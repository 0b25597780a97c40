using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WaOnboard.Checking;
using WaOnboard.Registry;
using WaOnboard.Rules;

namespace WaOnboard.Api;

/// <summary>Builds the HTTP API, so that <c>dotnet run --project src/WaOnboard.Api</c> and <c>wa-onboard serve</c> start the same app.</summary>
public static class ApiHost
{
    /// <summary>Where the API listens when nothing else is configured: this machine only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Builds the app from command-line arguments (<c>--urls</c>, <c>--ConnectionStrings:Registry</c>, <c>--Auth:RequireKeyForChecks</c>, <c>--Cors:Origins:0</c>, ...).</summary>
    /// <param name="args">Configuration from the command line.</param>
    /// <param name="configure">Changes to the builder before the app is built (the CLI's options).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // A log line per request would cost more than validating the packet.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            // Kestrel's own default is localhost:5000; the API's is the address of `wa-onboard serve` and of the .http file.
            builder.WebHost.UseUrls(DefaultUrls);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = ApiLimits.MultipartBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Problems the framework writes by itself (unknown route, wrong method) get the API's stable types too.
            var problem = context.ProblemDetails;
            if (problem.Type is null || !problem.Type.StartsWith(Problems.TypeBase, StringComparison.Ordinal))
            {
                problem.Type = Problems.TypeFor(problem.Status ?? context.HttpContext.Response.StatusCode);
            }
        });
        // Numbers are written as numbers; the web default (also reading them from strings) would make the document say "integer or string".
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Generated serializers first: the native build has no others (ApiJsonContext; the framework brings its own for problems).
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        builder.Services.AddApiDocument();
        builder.Services.Configure<RateLimitSettings>(builder.Configuration.GetSection("RateLimiting"));
        builder.Services.AddRateLimiter(options =>
        {
            // Per address and, for requests with a key, per key too: a key shared by many addresses still has its limit.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(PartitionByClient),
                PartitionedRateLimiter.Create<HttpContext, string>(PartitionByKey));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Of(StatusCodes.Status429TooManyRequests, Problems.TooManyRequests, "Too many requests.",
                    $"This client has made more requests than the limit allows; try again in {seconds} s.").ExecuteAsync(context.HttpContext);
            };
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            // A PostgreSQL connection string (Host=...) for several servers, else a SQLite file; the schema is migrated here.
            var configured = services.GetRequiredService<IConfiguration>().GetConnectionString("Registry");
            return RegistryDatabase.Open(string.IsNullOrWhiteSpace(configured) ? SqliteRegistryDatabase.DefaultConnectionString() : configured,
                services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<IApiKeyStore>(services => services.GetRequiredService<RegistryDatabase>());
        builder.Services.AddSingleton<INumberRegistry>(services =>
        {
            var store = services.GetRequiredService<RegistryDatabase>();
            // Registry:CacheSeconds (default 1; 0 turns it off): how long a look-up is remembered. Recording is always exact.
            var seconds = services.GetRequiredService<IConfiguration>().GetValue("Registry:CacheSeconds", 1.0);
            return seconds > 0 ? new CachedNumberRegistry(store, TimeSpan.FromSeconds(seconds), services.GetRequiredService<TimeProvider>()) : store;
        });
        // The profiles and their rules: the built-in ones, plus the folders of Profiles:Path (a profile folder or a folder of them).
        builder.Services.AddSingleton(services => LoadRules(services.GetRequiredService<IConfiguration>()["Profiles:Path"]));
        builder.Services.AddSingleton(services => new PacketChecker(
            services.GetRequiredService<RuleSet>(), services.GetRequiredService<INumberRegistry>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.Configure<AuthSettings>(builder.Configuration.GetSection("Auth"));
        builder.Services.AddSingleton<KeyAuthenticator>();
        // CORS is off unless Cors:Origins lists the origins of the web pages allowed to call the API from a browser.
        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        if (origins.Length > 0)
        {
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept)
                .WithExposedHeaders(HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate)));
        }
        // Rates:Path: a rate file (the format of a profile's rates.yaml) that replaces the profiles' own for POST /v1/estimate.
        builder.Services.AddSingleton(services => ServerRates.Load(services.GetRequiredService<IConfiguration>()["Rates:Path"]));
        configure?.Invoke(builder);

        var app = builder.Build();
        // Opened (and its schema created or migrated) now, so a wrong connection string stops the start, not the first request.
        app.Services.GetRequiredService<RegistryDatabase>();
        // A broken profile folder stops the server at start with file:line, never at the first request.
        _ = app.Services.GetRequiredService<RuleSet>();
        _ = app.Services.GetRequiredService<ServerRates>();
        app.Use(static (context, next) =>
        {
            // Set when the response starts, so that error and rate-limit responses carry it too.
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // A link followed from a served checklist or snippet must not tell the next site where it came from.
                headers["Referrer-Policy"] = "no-referrer";
                // Reports, checklists and records can name a number and the business that holds it: no cache keeps them.
                if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) || context.Request.Path.StartsWithSegments("/v1/packets", StringComparison.OrdinalIgnoreCase))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        app.UseExceptionHandler(error => error.Run(static context =>
        {
            // Never the exception's message or stack: they can name the server's paths and internals.
            var status = context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            return Problems.Of(status, Problems.TypeFor(status), status >= 500 ? "The server failed to answer." : "The request cannot be read.",
                status >= 500 ? "Something went wrong on the server; the error was logged. Try again, or report it with the traceId." : null).ExecuteAsync(context);
        }));
        app.Use(static async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (ClientLeft(context, e))
            {
                // The client went away (closed the connection, cancelled, sent less than it announced): nothing failed
                // here, and no one is left to answer. One line at debug level instead of an error with a stack.
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("WaOnboard.Api.Disconnects")
                    .LogDebug("The client left before the answer to {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, e.Message);
                if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
                {
                    await Problems.Of(StatusCodes.Status400BadRequest, Problems.BadRequest, "The request cannot be read.",
                        "The request body ended before the length it announced.").ExecuteAsync(context);
                }
            }
        });
        app.UseStatusCodePages();
        if (origins.Length > 0)
        {
            app.UseCors();
        }
        app.UseRateLimiter();
        app.UseKeyAuth();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthApi();
        app.MapValidateApi();
        app.MapPacketsApi();
        app.MapPhoneApi();
        app.MapRulesApi();
        app.MapChecklistApi();
        app.MapSnippetsApi();
        app.MapPageApi();
        app.MapEstimateApi();
        return app;
    }

    private static RuleSet LoadRules(string? profilesPath)
    {
        // A server matches the built-in patterns many times: compiled to code, a third of the interpreter's time.
        var load = RuleSet.Load([], string.IsNullOrWhiteSpace(profilesPath) ? [] : [profilesPath], compilePatterns: true);
        var ruleSet = load.RuleSet ?? throw new InvalidOperationException("The profiles of Profiles:Path cannot be loaded:\n" + string.Join("\n", load.Errors));
        foreach (var profile in ruleSet.Profiles)
        {
            // Compiled now rather than by the first request of each profile.
            _ = ruleSet.RulesFor(profile.Name);
        }
        return ruleSet;
    }

    private static bool ClientLeft(HttpContext context, Exception e) =>
        context.RequestAborted.IsCancellationRequested
        || e is Microsoft.AspNetCore.Connections.ConnectionResetException
        || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status400BadRequest
            && bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal));

    private static RateLimitPartition<string> PartitionByKey(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
        // The key's public id, before the key is checked: a made-up id gets a bucket of its own, and the address's limit still holds.
        if (settings.PermitLimit <= 0 || settings.KeyPermitLimit <= 0 || KeyAuth.KeyIdOf(context.Request) is not { } keyId)
        {
            return RateLimitPartition.GetNoLimiter("no key");
        }
        return RateLimitPartition.GetFixedWindowLimiter("key:" + keyId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.KeyPermitLimit,
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
            QueueLimit = 0,
        });
    }

    private static RateLimitPartition<string> PartitionByClient(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
        if (settings.PermitLimit <= 0)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }
        // The peer address: behind a reverse proxy, add the forwarded-headers middleware so that this is the client's.
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
            QueueLimit = 0,
        });
    }
}
