using System.Net;

namespace WaOnboard.Api.Tests;

/// <summary>The pre-flight page at / and its assets: served from the assembly, with the headers of a page for people.</summary>
public sealed class PageApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Assets() => new()
    {
        { "/", "text/html" },
        { "/assets/app.js", "text/javascript" },
        { "/assets/app.css", "text/css" },
    };

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task ThePageAndItsAssetsComeWithTheirSecurityHeaders(string path, string mediaType)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task ThePageHasTheElementsOfItsContractAndNoInlineScriptOrThirdPartyAddress()
    {
        var html = await _client.GetStringAsync("/");
        foreach (var contract in new[] { "id=\"packet-file\"", "id=\"avatar-file\"", "<select id=\"provider\"", "<select id=\"lang\"", "id=\"summary\"", "data-valid=", "data-errors=" })
        {
            Assert.Contains(contract, html, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=\"/assets/)", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task ThePageWeighsUnder100KilobytesAndARepeatedLoadIsA304()
    {
        long total = 0;
        foreach (var path in new[] { "/", "/assets/app.js", "/assets/app.css" })
        {
            var response = await _client.GetAsync(path);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        }
        Assert.InRange(total, 1, 100 * 1024);
    }

    [Fact]
    public async Task AnUnknownAssetIsA404Problem()
    {
        var response = await _client.GetAsync("/assets/../../appsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await (await _client.GetAsync("/assets/nothing.js")).AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task ThePageIsNotInTheOpenApiDocument()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("\"/assets/", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/\":", document, StringComparison.Ordinal);
    }
}
