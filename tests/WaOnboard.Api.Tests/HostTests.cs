using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WaOnboard.Registry;

namespace WaOnboard.Api.Tests;

public sealed class HostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task HealthSaysHealthy()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownRouteIsA404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/v2/validate");

        await response.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task AnUnexpectedExceptionIsAGeneric500ProblemWithoutStackOrPaths()
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<INumberRegistry>(new BrokenRegistry())));

        var response = await failing.CreateClient().PostAsync("/v1/validate", Http.Json(Packets.EngageDigital()));

        var problem = await response.AssertProblemAsync(500, "internal-error");
        var text = problem.GetRawText();
        Assert.DoesNotContain(BrokenRegistry.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(BrokenRegistry), text, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private sealed class BrokenRegistry : INumberRegistry
    {
        public const string Secret = "/srv/secret/registry.db";

        public ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default) => throw new IOException($"disk I/O error in {Secret}");

        public ValueTask<RecordResult> RecordAsync(OnboardedNumber number, CancellationToken cancellationToken = default) => throw new IOException($"disk I/O error in {Secret}");

        public ValueTask<OnboardedNumber?> RemoveAsync(string e164, NumberRemoval removal, CancellationToken cancellationToken = default) => throw new IOException($"disk I/O error in {Secret}");
    }
}
