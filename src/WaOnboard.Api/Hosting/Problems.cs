using Microsoft.AspNetCore.Http.HttpResults;

namespace WaOnboard.Api;

/// <summary>The RFC 9457 problem types of the API: the <c>type</c> URI is stable, the title and detail are for people.</summary>
public static class Problems
{
    public const string TypeBase = "https://wa-onboard.example/problems/";

    public const string PacketSyntax = TypeBase + "packet-syntax";
    public const string InvalidRequest = TypeBase + "invalid-request";
    public const string BadRequest = TypeBase + "bad-request";
    public const string PayloadTooLarge = TypeBase + "payload-too-large";
    public const string UnsupportedMediaType = TypeBase + "unsupported-media-type";
    public const string NotFound = TypeBase + "not-found";
    public const string MethodNotAllowed = TypeBase + "method-not-allowed";
    public const string NumberTaken = TypeBase + "number-taken";
    public const string PacketNotValid = TypeBase + "packet-not-valid";
    public const string TooManyRequests = TypeBase + "too-many-requests";
    public const string InternalError = TypeBase + "internal-error";

    public static ProblemHttpResult Of(int status, string type, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, instance: null, status, title, type, extensions);

    /// <summary>A 400 with the offending fields, as <c>errors[field]</c>.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "One or more fields of the request are not valid.", type: InvalidRequest);

    public static ProblemHttpResult TooLarge(string detail) =>
        Of(StatusCodes.Status413PayloadTooLarge, PayloadTooLarge, "The request is too large.", detail);

    /// <summary>The problem type for a status the framework answers by itself (an unknown route, a wrong method).</summary>
    public static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        _ => status >= 500 ? InternalError : TypeBase + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
