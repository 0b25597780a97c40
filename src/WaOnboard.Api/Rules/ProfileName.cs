using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using WaOnboard.Rules;

namespace WaOnboard.Api;

/// <summary><c>?profile=</c>: the name of a provider profile, checked against this server's profiles before the handler runs.</summary>
public sealed class ProfileName : IQueryValue, IEndpointParameterMetadataProvider
{
    private ProfileName(string name) => Name = name;

    /// <summary>The profile's name, as a packet's <c>provider</c> gives it.</summary>
    public string Name { get; }

    /// <summary>Binds any text that is not empty; one that names no profile is answered by <see cref="RequestChecks"/>, which can see the server's profiles.</summary>
    /// <remarks>No text (an absent or empty <c>?profile=</c>) is no profile: the generated binding asks TryParse first, then takes a failure on no text as absent.</remarks>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ProfileName? result)
    {
        result = string.IsNullOrEmpty(text) ? null : new ProfileName(text);
        return result is not null;
    }

    string? IQueryValue.ErrorIn(string parameter, HttpContext context)
    {
        var rules = context.RequestServices.GetRequiredService<RuleSet>();
        return rules.HasProfile(Name) ? null : $"'{Name}' is not a profile; use one of: {string.Join(", ", rules.Profiles.Select(p => p.Name))}.";
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => RequestChecks.AddTo(builder);
}
