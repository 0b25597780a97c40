using WaOnboard.Checking;

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
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="packet">The packet of the body.</param>
    /// <param name="profile">The profile to check with instead of the packet's <c>provider</c>.</param>
    /// <param name="lang">The language of the findings' message and help: en (default) or fr; the rule ids stay the same.</param>
    /// <param name="context">The request, whose key is the registry's caller.</param>
    /// <param name="checker">Checks the packet with the profiles and the registry of this server.</param>
    /// <param name="cancellationToken">Stops the registry's look-up when the client goes away.</param>
    internal static async Task<ReportResult> ValidateAsync(
        PacketUpload packet, ProfileName? profile, QueryEnum<Language>? lang, HttpContext context, PacketChecker checker, CancellationToken cancellationToken) =>
        new((await checker.CheckAsync(packet.Document, profile?.Name, lang?.Name ?? "en", context.Caller(), cancellationToken)).Report);
}
