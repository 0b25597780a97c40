using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WaOnboard.Api.Tests;

/// <summary>
/// The native command line hosts the API with generated JSON serializers only: every type an endpoint writes must be in
/// <see cref="ApiJsonContext"/> (the framework's own problem types aside), or `wa-onboard serve` answers 500 where
/// `dotnet run` answers 200: the OpenAPI document's schemas are made from the same metadata.
/// </summary>
public sealed class ApiJsonContextTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void EveryTypeAnEndpointWritesHasGeneratedMetadata()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var written = endpoints
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Select(m => m.Type)
            .Where(t => t is not null && t != typeof(void) && t != typeof(ProblemDetails) && t != typeof(HttpValidationProblemDetails) && !typeof(IResult).IsAssignableFrom(t))
            .Distinct()
            .ToList();

        Assert.NotEmpty(written);
        Assert.Contains(typeof(Health), written);
        Assert.All(written, type => Assert.True(ApiJsonContext.Default.GetTypeInfo(type!) is not null, $"{type} is not in ApiJsonContext"));
    }
}
