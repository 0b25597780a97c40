using Microsoft.AspNetCore.Http.HttpResults;
using WaOnboard.Checking;
using WaOnboard.Rules;

namespace WaOnboard.Api;

/// <summary><c>POST /v1/validate</c>: the pre-flight check of a packet, for web forms and other systems.</summary>
public static class ValidateApi
{
    public static RouteGroupBuilder MapValidateApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/validate").WithTags("Validation");
        group.MapPost("", ValidateAsync)
            .WithName("ValidatePacket")
            .WithSummary("Check a packet against the rules of its provider profile")
            .WithDescription("Answers with the report of `wa-onboard validate --format json` (spec/packet.md): a packet with errors is a successful check (`valid: false`). " +
                "Send the packet as JSON or YAML, or as a form with a `packet` part and the `avatar` file the packet's `profile.avatar` names.")
            .AcceptsPacket()
            .WithValues("lang", [.. Checklists.ChecklistOptions.Languages])
            .Produces<BadPacketProblem>(StatusCodes.Status400BadRequest, "application/problem+json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="request">The request whose body is the packet.</param>
    /// <param name="profile">The profile to check with instead of the packet's <c>provider</c>.</param>
    /// <param name="lang">The language of the findings' message and help: en (default) or fr; the rule ids stay the same.</param>
    /// <param name="checker">Checks the packet with the profiles and the registry of this server.</param>
    /// <param name="cancellationToken">Stops reading the body when the client goes away.</param>
    internal static async Task<Results<ReportResult, ValidationProblem, ProblemHttpResult>> ValidateAsync(
        HttpRequest request, string? profile, string? lang, PacketChecker checker, CancellationToken cancellationToken)
    {
        if (ProfileProblem(checker.Rules, profile) is { } invalid)
        {
            return invalid;
        }
        if (lang is not null && !Checklists.ChecklistOptions.Languages.Contains(lang))
        {
            return Problems.Invalid("lang", $"'{(lang.Length <= 16 ? lang : lang[..16] + "...")}' is not a language of the findings; use one of: {string.Join(", ", Checklists.ChecklistOptions.Languages)}.");
        }
        var body = await PacketBody.ReadAsync(request, cancellationToken);
        if (body.Document is not { } document)
        {
            return body.Problem is ValidationProblem v ? v : (ProblemHttpResult)body.Problem!;
        }
        return new ReportResult((await checker.CheckAsync(document, profile, lang ?? "en", request.HttpContext.Caller(), cancellationToken)).Report);
    }

    /// <summary>A 400 when <c>?profile=</c> names no profile.</summary>
    internal static ValidationProblem? ProfileProblem(RuleSet rules, string? profile) =>
        profile is null || rules.HasProfile(profile)
            ? null
            : Problems.Invalid("profile", $"'{profile}' is not a profile; use one of: {string.Join(", ", rules.Profiles.Select(p => p.Name))}.");
}
