using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using WaOnboard.Findings;

namespace WaOnboard.Api;

/// <summary>A 200 whose body is the report exactly as <c>wa-onboard validate --format json</c> writes it (spec/packet.md).</summary>
/// <remarks>Written with the core's <see cref="ReportJson"/>, not the API's JSON options, so the two doors cannot drift apart.</remarks>
public sealed class ReportResult(ValidationReport report) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult, IValueHttpResult<ValidationReport>, IEndpointMetadataProvider
{
    public ValidationReport Value { get; } = report;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.WriteAsync(ReportJson.Write(Value));
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ValidationReport), ["application/json"]));
    }
}
