using Microsoft.AspNetCore.Http.HttpResults;
using WaOnboard.Checking;
using WaOnboard.Phone;
using WaOnboard.Registry;

namespace WaOnboard.Api;

/// <summary>A number recorded in the registry.</summary>
/// <param name="E164">The number in E.164.</param>
/// <param name="BusinessId">The Facebook Business Manager ID, or empty when the packet had none.</param>
/// <param name="VerifiedName">The verified name the number was onboarded under.</param>
/// <param name="RecordedAt">When the packet was recorded.</param>
public sealed record NumberRecord(string E164, string BusinessId, string VerifiedName, DateTimeOffset RecordedAt)
{
    public static NumberRecord From(OnboardedNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(number.E164, number.BusinessId, number.VerifiedName, number.RecordedAt);
    }
}

/// <summary><c>POST /v1/packets</c> and <c>GET /v1/packets/{number}</c>: the numbers onboarded here, so a number never goes to two businesses.</summary>
public static class PacketsApi
{

    public static RouteGroupBuilder MapPacketsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/packets").WithTags("Registry");
        group.MapPost("", RecordAsync)
            .WithName("RecordPacket")
            .WithSummary("Record a valid packet's number for its business")
            .WithDescription("Validates the packet as POST /v1/validate does; when it is valid, records its phone number, Business ID and verified name. " +
                "201 when the number is new, 200 when the same business had already recorded it (nothing changes), 409 when another business holds it, " +
                "422 with the report (`report`) when the packet is not valid.")
            .AcceptsPacket()
            .Produces<BadPacketProblem>(StatusCodes.Status400BadRequest, "application/problem+json")
            .Produces<NumberTakenProblem>(StatusCodes.Status409Conflict, "application/problem+json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<PacketNotValidProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{number}", Find)
            .WithName("GetRecordedNumber")
            .WithSummary("Tell which business a number was recorded for")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="request">The request whose body is the packet.</param>
    /// <param name="profile">The profile to check with instead of the packet's <c>provider</c>.</param>
    /// <param name="checker">Checks the packet with the profiles and the registry of this server.</param>
    /// <param name="registry">The numbers already onboarded here.</param>
    /// <param name="time">The clock of the recording.</param>
    /// <param name="cancellationToken">Stops reading the body when the client goes away.</param>
    internal static async Task<Results<Created<NumberRecord>, Ok<NumberRecord>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        HttpRequest request, string? profile, PacketChecker checker, INumberRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ValidateApi.ProfileProblem(checker.Rules, profile) is { } invalid)
        {
            return invalid;
        }
        var body = await PacketBody.ReadAsync(request, cancellationToken);
        if (body.Document is not { } document)
        {
            return body.Problem is ValidationProblem v ? v : (ProblemHttpResult)body.Problem!;
        }
        var checkedPacket = await checker.CheckAsync(document, profile, cancellationToken);
        var (report, e164) = (checkedPacket.Report, checkedPacket.E164);
        // Checked before the other errors: no change to the packet makes a number held by another business recordable.
        if (checkedPacket.HeldElsewhere is { } holder)
        {
            return Taken(holder);
        }
        if (!report.Valid || e164 is null)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, Problems.PacketNotValid, "The packet is not valid.",
                report.Valid
                    ? "The packet has no phone number to record (phone.number)."
                    : $"The packet has {report.Summary.Errors} error(s); the report says which. Fix them and send it again.",
                new Dictionary<string, object?> { ["report"] = report });
        }
        var (outcome, recorded) = registry.Record(OnboardedNumber.Applicant(checkedPacket.Packet, e164, time.GetUtcNow()));
        return outcome switch
        {
            RecordOutcome.Recorded => TypedResults.Created($"/v1/packets/{Uri.EscapeDataString(e164)}", NumberRecord.From(recorded)),
            RecordOutcome.AlreadyRecorded => TypedResults.Ok(NumberRecord.From(recorded)),
            _ => Taken(recorded),
        };
    }

    /// <param name="number">The number in E.164 (<c>+33612345678</c>) or any notation with its country code.</param>
    /// <param name="registry">The numbers already onboarded here.</param>
    internal static Results<Ok<NumberRecord>, ValidationProblem, ProblemHttpResult> Find(string number, INumberRegistry registry)
    {
        if (Problems.PhoneTooLong("number", number) is { } tooLong)
        {
            return tooLong;
        }
        var info = PhoneNumbers.Inspect(number);
        if (info.E164 is not { } e164)
        {
            return Problems.Invalid("number", $"'{number}' {info.Problem ?? "is not a valid phone number"}.");
        }
        return registry.Find(e164) is { } holder
            ? TypedResults.Ok(NumberRecord.From(holder))
            : Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "The number is not recorded.", $"{e164} was never recorded here.");
    }

    private static ProblemHttpResult Taken(OnboardedNumber holder) =>
        Problems.Of(StatusCodes.Status409Conflict, Problems.NumberTaken, "Another business holds the number.",
            $"{holder.E164} was recorded on {holder.RecordedAt:yyyy-MM-dd} for {(holder.BusinessId.Length > 0 ? $"Business ID {holder.BusinessId}" : holder.VerifiedName)}; a number can serve one business only.",
            new Dictionary<string, object?> { ["holder"] = NumberRecord.From(holder) });
}
