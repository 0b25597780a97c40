using Microsoft.AspNetCore.Http.HttpResults;
using WaOnboard.Rules;

namespace WaOnboard.Api;

/// <summary>One rule as a profile applies it (a profile may change a rule's severity, message or parameters).</summary>
/// <param name="Profile">The profile this entry is for.</param>
/// <param name="Id">Stable identifier; never changes meaning once released.</param>
/// <param name="Title">What the rule requires, in a few words.</param>
/// <param name="Severity">error, warning or info in this profile.</param>
/// <param name="Path">The field path the rule checks (<c>hsm[*].elementName</c>).</param>
/// <param name="Check">The name of the check.</param>
/// <param name="Message">The message for a failure, with placeholders such as <c>{value}</c>.</param>
/// <param name="Help">What to do about a failure: the text a form shows next to the field.</param>
/// <param name="Source">The passage of a seed document or WhatsApp fact the rule enforces.</param>
public sealed record RuleView(string Profile, string Id, string Title, string Severity, string Path, string Check, string Message, string Help, string Source)
{
    public static RuleView From(string profile, Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(profile, rule.Id, rule.Title, rule.Severity.ToString().ToLowerInvariant(), rule.Path, rule.CheckName, rule.Message, rule.Help, rule.Source);
    }
}

/// <summary>A provider profile.</summary>
/// <param name="Name">The name a packet's <c>provider</c> and <c>?profile=</c> use.</param>
/// <param name="Title">The provider's name for people.</param>
/// <param name="Description">What the profile checks, and from which document.</param>
/// <param name="Rules">How many rules the profile applies.</param>
public sealed record ProfileView(string Name, string Title, string Description, int Rules);

/// <summary><c>GET /v1/rules</c>, <c>GET /v1/rules/{id}</c>, <c>GET /v1/profiles</c>: the rule set, for forms that show help next to each field.</summary>
public static class RulesApi
{
    public static RouteGroupBuilder MapRulesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Rules");
        group.MapGet("/rules", ListRules)
            .WithName("ListRules")
            .WithSummary("List the rules of every profile, or of one")
            .WithDescription("One entry per profile and rule, in rule-file order; `?profile=` keeps one profile's.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/rules/{id}", GetRule)
            .WithName("GetRule")
            .WithSummary("Describe one rule as a profile applies it")
            .WithDescription("With `?profile=`, as that profile applies it; otherwise as the first profile that has it applies it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/profiles", ListProfiles)
            .WithName("ListProfiles")
            .WithSummary("List the provider profiles")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="profile">Only the rules of this profile.</param>
    /// <param name="rules">The profiles and their rules.</param>
    internal static Ok<List<RuleView>> ListRules(ProfileName? profile, RuleSet rules)
    {
        return TypedResults.Ok(rules.Profiles
            .Where(p => profile is null || p.Name == profile.Name)
            .SelectMany(p => rules.RulesFor(p.Name).Select(r => RuleView.From(p.Name, r)))
            .ToList());
    }

    /// <param name="id">The rule id (<c>business-id-format</c>).</param>
    /// <param name="profile">The profile whose version of the rule to describe.</param>
    /// <param name="rules">The profiles and their rules.</param>
    internal static Results<Ok<RuleView>, ProblemHttpResult> GetRule(string id, ProfileName? profile, RuleSet rules)
    {
        foreach (var p in rules.Profiles.Where(p => profile is null || p.Name == profile.Name))
        {
            if (rules.RulesFor(p.Name).FirstOrDefault(r => r.Id == id) is { } rule)
            {
                return TypedResults.Ok(RuleView.From(p.Name, rule));
            }
        }
        var shown = id.Length > 64 ? id[..64] + "..." : id;
        return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "No such rule.",
            profile is null ? $"'{shown}' is not a rule id; GET /v1/rules lists them." : $"The profile '{profile.Name}' has no rule '{shown}'; GET /v1/rules?profile={profile.Name} lists its rules.");
    }

    internal static Ok<List<ProfileView>> ListProfiles(RuleSet rules)
    {
        return TypedResults.Ok(rules.Profiles.Select(p => new ProfileView(p.Name, p.Title, p.Description, rules.RulesFor(p.Name).Count)).ToList());
    }
}
