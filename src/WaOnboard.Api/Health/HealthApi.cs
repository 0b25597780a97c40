using Microsoft.AspNetCore.Http.HttpResults;
using WaOnboard.Registry;

namespace WaOnboard.Api;

/// <summary>The answer of <c>GET /health</c>.</summary>
/// <param name="Status"><c>healthy</c> when the process answers and the registry can be read; <c>unhealthy</c> otherwise.</param>
/// <param name="Registry"><c>reachable</c> or <c>unreachable</c>: whether the number registry answered a look-up.</param>
public sealed record Health(string Status, string Registry);

/// <summary><c>GET|HEAD /health</c>: the process is up and its registry answers (for load balancers and the load test); never rate limited.</summary>
public static class HealthApi
{
    private static readonly Health Healthy = new("healthy", "reachable");
    private static readonly Health Unhealthy = new("unhealthy", "unreachable");

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");
        // A load balancer polls often, and a rate limit reached by busy clients must not make it take the server out.
        group.MapGet("", async Task<Results<Ok<Health>, JsonHttpResult<Health>>> (HttpContext context, ILoggerFactory logs) =>
                await RegistryAnswersAsync(context, logs) ? TypedResults.Ok(Healthy) : TypedResults.Json(Unhealthy, ApiJsonContext.Default.Health, statusCode: StatusCodes.Status503ServiceUnavailable))
            .DisableRateLimiting()
            .WithName("GetHealth")
            .WithSummary("Tell whether the service is up and its registry answers")
            .Produces<Health>(StatusCodes.Status503ServiceUnavailable);
        group.MapMethods("", [HttpMethods.Head], async Task<Results<Ok, StatusCodeHttpResult>> (HttpContext context, ILoggerFactory logs) =>
                await RegistryAnswersAsync(context, logs) ? TypedResults.Ok() : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable))
            .DisableRateLimiting()
            .WithName("HeadHealth")
            .WithSummary("Tell by the status alone (200 or 503) whether the service is up and its registry answers")
            .Produces(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<bool> RegistryAnswersAsync(HttpContext context, ILoggerFactory logs)
    {
        try
        {
            // Resolved here, not as a parameter: a registry that cannot be opened fails inside this try.
            // A number that cannot exist: the look-up proves the database opens and its table reads.
            await context.RequestServices.GetRequiredService<RegistryDatabase>().FindAsync("+0", context.RequestAborted);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            logs.CreateLogger("WaOnboard.Api.Health").LogWarning("The registry cannot be read: {Reason}", e.Message);
            return false;
        }
    }
}
