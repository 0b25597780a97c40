using Microsoft.AspNetCore.Http.HttpResults;
using WaOnboard.Phone;

namespace WaOnboard.Api;

/// <summary>What the validator knows of a number: the object of <c>wa-onboard phone --format json</c> (spec/packet.md).</summary>
/// <param name="Input">The number as given.</param>
/// <param name="Valid">True when the number is valid for its country's numbering plan.</param>
/// <param name="E164">The number in E.164, or null when it is not valid.</param>
/// <param name="Region">The ISO 3166 region, when known.</param>
/// <param name="Type">fixed-line, mobile, fixed-line-or-mobile, toll-free, premium-rate, shared-cost, voip, personal-number, pager, uan, voicemail or unknown.</param>
public sealed record PhoneView(string Input, bool Valid, string? E164, string? Region, string Type)
{
    public static PhoneView From(PhoneNumberInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(info.Input, info.Valid, info.E164, info.Region, info.Type.Name());
    }
}

/// <summary><c>GET /v1/phone/{number}</c>.</summary>
public static class PhoneApi
{
    public static RouteGroupBuilder MapPhoneApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/phone").WithTags("Phone");
        group.MapGet("/{number}", Inspect)
            .WithName("InspectPhoneNumber")
            .WithSummary("Tell what the validator knows of a phone number")
            .WithDescription($"The number in any common notation, URL-encoded, at most {ApiLimits.PhoneNumberChars} characters. " +
                "A number without a country code is valid only with `?region=`.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <param name="number">The number, in any common notation.</param>
    /// <param name="region">The ISO 3166 region that applies when the number has no country code (FR, GB, US...).</param>
    internal static Results<Ok<PhoneView>, ValidationProblem> Inspect(string number, string? region)
    {
        if (Problems.PhoneTooLong("number", number) is { } tooLong)
        {
            return tooLong;
        }
        if (region is not null && (region.Length != 2 || !region.All(char.IsAsciiLetter)))
        {
            return Problems.Invalid("region", $"The region must be a two-letter ISO 3166 code such as FR or GB, not '{(region.Length > 8 ? region[..8] + "..." : region)}'.");
        }
        if (region is not null && !PhoneNumbers.IsKnownRegion(region))
        {
            return Problems.Invalid("region", $"'{region}' is not an ISO 3166 region with a numbering plan; give a code such as FR, GB or US.");
        }
        return TypedResults.Ok(PhoneView.From(PhoneNumbers.Inspect(number, region?.ToUpperInvariant())));
    }
}
