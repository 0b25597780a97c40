using Microsoft.AspNetCore.Http.HttpResults;
using WaOnboard.Checking;
using WaOnboard.Pricing;

namespace WaOnboard.Api;

/// <summary><c>POST /v1/estimate</c>: the monthly cost of a packet's messages, as <c>wa-onboard estimate --format json</c> writes it.</summary>
public static class EstimateApi
{
    public static RouteGroupBuilder MapEstimateApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/estimate").WithTags("Pricing");
        group.MapPost("", EstimateAsync)
            .WithName("EstimateCost")
            .WithSummary("Estimate the monthly cost of a packet's messages, per delivered message")
            .WithDescription("Answers with the JSON of `wa-onboard estimate --format json` (spec/packet.md): `currency`, `total`, `effective`, " +
                "`lines` (category, messages, rate, amount), `fees` (name, amount) and `warnings`. WhatsApp's rates come from the rate file of " +
                "the server's configuration (`Rates:Path`) when set, else from the profile's dated rates.yaml; a country without a sourced rate " +
                "is a warning, never a guess. Amounts are rounded to the currency's minor unit only at the end. The body is the packet, as for " +
                "POST /v1/validate; 422 when it has no estimate to work from.")
            .AcceptsPacket()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="packet">The packet of the body.</param>
    /// <param name="profile">The profile whose rates and fees apply, instead of the packet's <c>provider</c>.</param>
    /// <param name="checker">Checks the packet with the profiles of this server.</param>
    /// <param name="rates">The server's rate file, when configured.</param>
    /// <param name="time">Today, to tell rates older than a year.</param>
    /// <param name="cancellationToken">Stops the registry's look-up when the client goes away.</param>
    internal static async Task<Results<Ok<EstimateDocument>, ProblemHttpResult>> EstimateAsync(
        PacketUpload packet, ProfileName? profile, PacketChecker checker, ServerRates rates, TimeProvider time, CancellationToken cancellationToken)
    {
        var checkedPacket = await checker.CheckAsync(packet.Document, profile?.Name, cancellationToken: cancellationToken);
        var estimate = checkedPacket.Estimate(rates.Card, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (estimate is null)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, Problems.PacketNotValid, "The packet has no estimate to work from.",
                "Give estimate.country, estimate.currency and estimate.messages (marketing, utility, authentication, service per month).");
        }
        return TypedResults.Ok(estimate.ToDocument());
    }
}

/// <summary>The rate file of <c>Rates:Path</c>, read once at start; null when none is configured.</summary>
/// <param name="Card">The rate card that replaces the profiles' own.</param>
public sealed record ServerRates(RateCard? Card)
{
    /// <summary>Reads the configured rate file; a broken one stops the server at start with <c>file:line: what</c>.</summary>
    public static ServerRates Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new ServerRates((RateCard?)null);
        }
        var errors = new List<string>();
        var card = RateCard.Parse(path, File.ReadAllBytes(path), errors);
        return errors.Count == 0 ? new ServerRates(card) : throw new InvalidOperationException("The rate file of Rates:Path cannot be used:\n" + string.Join("\n", errors));
    }
}
