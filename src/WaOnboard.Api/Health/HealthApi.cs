using Microsoft.AspNetCore.Http.HttpResults;

namespace WaOnboard.Api;

/// <summary>The answer of <c>GET /health</c>.</summary>
/// <param name="Status">Always <c>healthy</c> when the process answers.</param>
public sealed record Health(string Status);

/// <summary><c>GET /health</c>: the process is up and answering (for load balancers and the load test).</summary>
public static class HealthApi
{
    private static readonly Health Healthy = new("healthy");

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");
        group.MapGet("", Ok<Health> () => TypedResults.Ok(Healthy))
            .WithName("GetHealth")
            .WithSummary("Tell whether the service is up")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }
}
