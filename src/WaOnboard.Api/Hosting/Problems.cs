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
    public const string NotAcceptable = TypeBase + "not-acceptable";
    public const string MethodNotAllowed = TypeBase + "method-not-allowed";
    public const string NumberTaken = TypeBase + "number-taken";
    public const string PacketNotValid = TypeBase + "packet-not-valid";
    public const string TooManyRequests = TypeBase + "too-many-requests";
    public const string Unauthorized = TypeBase + "unauthorized";
    public const string Forbidden = TypeBase + "forbidden";
    public const string InternalError = TypeBase + "internal-error";

    public static ProblemHttpResult Of(int status, string type, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, instance: null, status, title, type, extensions);

    /// <summary>A 400 for a number longer than any phone number, checked before the number is parsed; null when it is short enough.</summary>
    public static ValidationProblem? PhoneTooLong(string field, string number) =>
        number.Length > ApiLimits.PhoneNumberChars
            ? Invalid(field, $"A phone number has at most {ApiLimits.PhoneNumberChars} characters; this one has {number.Length}.")
            : null;

    /// <summary>A 400 with the offending field, as <c>errors[field]</c>.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 400 with the offending fields, as <c>errors[field]</c>.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "One or more fields of the request are not valid.", type: InvalidRequest);

    public static ProblemHttpResult TooLarge(string detail) =>
        Of(StatusCodes.Status413PayloadTooLarge, PayloadTooLarge, "The request is too large.", detail);

    /// <summary>The problem type for a status the framework answers by itself (an unknown route, a wrong method).</summary>
    public static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        _ => status >= 500 ? InternalError : TypeBase + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The 400 of a packet body: <c>packet-syntax</c> (with the rule, line and column of the finding) or <c>invalid-request</c> (with <c>errors</c>).</summary>
/// <remarks>Declared for the OpenAPI document only; the response is a problem with these extensions.</remarks>
public sealed class BadPacketProblem : HttpValidationProblemDetails
{
    /// <summary>The finding's rule: <c>packet-syntax</c>.</summary>
    public string? RuleId { get; set; }

    /// <summary>The line of the error in the body, when known.</summary>
    public int? Line { get; set; }

    /// <summary>The column of the error in the body, when known.</summary>
    public int? Column { get; set; }
}

/// <summary>The 422 of <c>POST /v1/packets</c>: the packet is not valid, and its report says why.</summary>
public sealed class PacketNotValidProblem : Microsoft.AspNetCore.Mvc.ProblemDetails
{
    /// <summary>The report of the packet, as <c>POST /v1/validate</c> gives it.</summary>
    public WaOnboard.Findings.ValidationReport? Report { get; set; }
}

/// <summary>The 409 of <c>POST /v1/packets</c>: another business holds the number.</summary>
public sealed class NumberTakenProblem : Microsoft.AspNetCore.Mvc.ProblemDetails
{
    /// <summary>Who holds the number, since when: only for a key with the <c>read</c> scope.</summary>
    public NumberRecord? Holder { get; set; }
}
