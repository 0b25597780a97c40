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

/// <summary>The answer of <c>DELETE /v1/packets/{number}</c>: the record removed, and the audit row kept of it.</summary>
/// <param name="Removed">The record that was removed.</param>
/// <param name="RemovedBy">The name of the admin key that removed it.</param>
/// <param name="RemovedAt">When.</param>
/// <param name="Reason">Why, as given.</param>
public sealed record NumberRemovalRecord(NumberRecord Removed, string RemovedBy, DateTimeOffset RemovedAt, string Reason);

/// <summary><c>/v1/packets</c>: the numbers onboarded here, so a number never goes to two businesses. Every endpoint needs a key.</summary>
public static class PacketsApi
{
    /// <summary>The longest reason a removal keeps.</summary>
    public const int ReasonChars = 500;

    public static RouteGroupBuilder MapPacketsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/packets").WithTags("Registry");
        group.MapPost("", RecordAsync)
            .WithName("RecordPacket")
            .WithSummary("Record a valid packet's number for its business")
            .WithDescription("Validates the packet as POST /v1/validate does; when it is valid, records its phone number, Business ID and verified name. " +
                "201 when the number is new, 200 when the same business had already recorded it (nothing changes), 409 when another business holds it, " +
                "422 with the report (`report`) when the packet is not valid. The same business means the same Business ID; for a packet without one, " +
                "the same key. The 409 names the holder (`holder`) only to a key that also has the `read` scope.")
            .AcceptsPacket()
            .Produces<NumberTakenProblem>(StatusCodes.Status409Conflict, "application/problem+json")
            .Produces<PacketNotValidProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireScope(KeyScopes.Record);
        group.MapGet("/{number}", FindAsync)
            .WithName("GetRecordedNumber")
            .WithSummary("Tell which business a number was recorded for")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireScope(KeyScopes.Read);
        group.MapDelete("/{number}", RemoveAsync)
            .WithName("RemoveRecordedNumber")
            .WithRequiredQuery("reason")
            .WithSummary("Remove a number's record, keeping who removed it, when and why")
            .WithDescription("Frees a number recorded for the wrong business. The record is deleted and an audit row keeps it with the key's name, the time and `reason`; " +
                "`wa-onboard registry remove NUMBER --reason TEXT` does the same at the server.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireScope(KeyScopes.Admin);
        return group;
    }

    /// <param name="packet">The packet of the body.</param>
    /// <param name="profile">The profile to check with instead of the packet's <c>provider</c>.</param>
    /// <param name="context">The request, whose key is the registry's caller.</param>
    /// <param name="checker">Checks the packet with the profiles and the registry of this server.</param>
    /// <param name="registry">The numbers already onboarded here.</param>
    /// <param name="time">The clock of the recording.</param>
    /// <param name="cancellationToken">Stops the registry's look-up and recording when the client goes away.</param>
    internal static async Task<Results<Created<NumberRecord>, Ok<NumberRecord>, ProblemHttpResult>> RecordAsync(
        PacketUpload packet, ProfileName? profile, HttpContext context, PacketChecker checker, INumberRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var checkedPacket = await checker.CheckAsync(packet.Document, profile?.Name, caller, cancellationToken);
        var (report, answer) = (checkedPacket.Report, checkedPacket.Registry);
        // Checked before the other errors: no change to the packet makes a number held by another business recordable.
        if (answer is { HeldByAnother: true, Holder: { } holder })
        {
            return Taken(holder, caller);
        }
        if (!report.Valid || answer is null)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, Problems.PacketNotValid, "The packet is not valid.",
                report.Valid
                    ? "The packet has no phone number to record (phone.number)."
                    : $"The packet has {report.Summary.Errors} error(s); the report says which. Fix them and send it again.",
                new Dictionary<string, object?> { ["report"] = report });
        }
        var result = await registry.RecordAsync(OnboardedNumber.Applicant(checkedPacket.Packet, answer.E164, time.GetUtcNow(), caller.KeyName), cancellationToken);
        return result.Outcome switch
        {
            RecordOutcome.Recorded => TypedResults.Created($"/v1/packets/{Uri.EscapeDataString(answer.E164)}", NumberRecord.From(result.Holder)),
            RecordOutcome.AlreadyRecorded => TypedResults.Ok(NumberRecord.From(result.Holder)),
            _ => Taken(result.Holder, caller),
        };
    }

    /// <param name="number">The number in E.164 (<c>+33612345678</c>) or any notation with its country code.</param>
    /// <param name="registry">The numbers already onboarded here.</param>
    /// <param name="cancellationToken">Stops the look-up when the client goes away.</param>
    internal static async Task<Results<Ok<NumberRecord>, ValidationProblem, ProblemHttpResult>> FindAsync(string number, INumberRegistry registry, CancellationToken cancellationToken)
    {
        var (e164, problem) = ParseNumber(number);
        if (problem is not null)
        {
            return problem;
        }
        return await registry.FindAsync(e164!, cancellationToken) is { } holder
            ? TypedResults.Ok(NumberRecord.From(holder))
            : NotRecorded(e164!);
    }

    /// <param name="number">The number in E.164 (<c>+33612345678</c>) or any notation with its country code.</param>
    /// <param name="reason">Why the record is removed (kept in the audit row; at most 500 characters).</param>
    /// <param name="context">The request, whose key names who removes it.</param>
    /// <param name="registry">The numbers already onboarded here.</param>
    /// <param name="time">The clock of the removal.</param>
    internal static async Task<Results<Ok<NumberRemovalRecord>, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        string number, string? reason, HttpContext context, INumberRegistry registry, TimeProvider time)
    {
        var (e164, problem) = ParseNumber(number);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReasonChars)
        {
            return Problems.Invalid("reason", $"Say why the record is removed in ?reason= (1 to {ReasonChars} characters); it is kept with the removal.");
        }
        var removal = new NumberRemoval(context.Caller().KeyName, reason.Trim(), time.GetUtcNow());
        return await registry.RemoveAsync(e164!, removal, context.RequestAborted) is { } removed
            ? TypedResults.Ok(new NumberRemovalRecord(NumberRecord.From(removed), removal.RemovedBy, removal.RemovedAt, removal.Reason))
            : NotRecorded(e164!);
    }

    private static (string? E164, ValidationProblem? Problem) ParseNumber(string number)
    {
        if (Problems.PhoneTooLong("number", number) is { } tooLong)
        {
            return (null, tooLong);
        }
        var info = PhoneNumbers.Inspect(number);
        return info.E164 is { } e164 ? (e164, null) : (null, Problems.Invalid("number", $"'{number}' {info.Problem ?? "is not a valid phone number"}."));
    }

    private static ProblemHttpResult NotRecorded(string e164) =>
        Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "The number is not recorded.", $"{e164} is not recorded here.");

    /// <summary>The 409: names the holder only to a caller whose key may read the registry.</summary>
    private static ProblemHttpResult Taken(OnboardedNumber holder, RegistryCaller caller) =>
        caller.May(KeyScopes.Read)
            ? Problems.Of(StatusCodes.Status409Conflict, Problems.NumberTaken, "Another business holds the number.",
                $"{holder.E164} was recorded on {holder.RecordedAt:yyyy-MM-dd} for {(holder.BusinessId.Length > 0 ? $"Business ID {holder.BusinessId}" : holder.VerifiedName)}; a number can serve one business only.",
                new Dictionary<string, object?> { ["holder"] = NumberRecord.From(holder) })
            : Problems.Of(StatusCodes.Status409Conflict, Problems.NumberTaken, "Another business holds the number.",
                $"{holder.E164} is recorded here for another business; a number can serve one business only. If the number is yours, " +
                "ask the provider that runs this installation to check the record: an administrator can remove it.");
}
