using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using WaOnboard.Registry;

namespace WaOnboard.Api.Tests;

/// <summary>API keys and scopes: 401 without or with a wrong key, 403 without the scope, and the cross-site request that recorded a number.</summary>
public sealed class KeyAuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> KeyedEndpoints() => new()
    {
        { "POST", "/v1/packets" },
        { "GET", "/v1/packets/%2B33612345678" },
        { "DELETE", "/v1/packets/%2B33612345678?reason=test" },
    };

    [Theory]
    [MemberData(nameof(KeyedEndpoints))]
    public async Task WithoutAKeyTheRegistryEndpointsAre401WithABearerChallenge(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 01 01"));
        }

        var response = await factory.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(401, "unauthorized");
        Assert.Equal("Bearer realm=\"wa-onboard\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Null(await factory.Registry.FindAsync("+33600000101"));
    }

    [Theory]
    [InlineData("wao_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("")]
    public async Task AWrongKeyIs401InvalidTokenEvenOnAnOpenEndpoint(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);

        var record = await client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 01 02")));
        var validate = await client.PostAsync("/v1/validate", Http.Json(Packets.EngageDigital()));

        await record.AssertProblemAsync(401, "unauthorized");
        Assert.Contains("error=\"invalid_token\"", record.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await validate.AssertProblemAsync(401, "unauthorized");
        Assert.Null(await factory.Registry.FindAsync("+33600000102"));
    }

    [Fact]
    public async Task AKnownIdWithAWrongSecretIs401()
    {
        Assert.True(ApiKeyFormat.TryParse(factory.AdminKey, out var id, out var secret));
        var forged = $"wao_{id}_{(secret[0] == 'A' ? 'B' : 'A')}{secret[1..]}";

        var response = await factory.ClientWith(forged).DeleteAsync("/v1/packets/%2B33612345678?reason=forged");

        await response.AssertProblemAsync(401, "unauthorized");
    }

    [Theory]
    [InlineData("read", "POST", "/v1/packets", "record")]
    [InlineData("record", "GET", "/v1/packets/%2B33612345678", "read")]
    [InlineData("record", "DELETE", "/v1/packets/%2B33612345678?reason=test", "admin")]
    [InlineData("provider", "DELETE", "/v1/packets/%2B33612345678?reason=test", "admin")]
    public async Task AKeyWithoutTheScopeIs403NamingTheScope(string keyName, string method, string path, string scope)
    {
        var key = keyName switch { "read" => factory.ReadKey, "record" => factory.RecordKey, _ => factory.ProviderKey };
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 01 03"));
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var response = await factory.CreateClient().SendAsync(request);

        var problem = await response.AssertProblemAsync(403, "forbidden");
        Assert.Contains($"'{scope}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"scope=\"{scope}\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Null(await factory.Registry.FindAsync("+33600000103"));
    }

    [Fact]
    public async Task AnAdminKeyMayReadAndRecord()
    {
        var admin = factory.ClientWith(factory.AdminKey);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 01 04")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/packets/%2B33600000104")).StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyIs401()
    {
        var key = await factory.Registry.AddKeyAsync("soon-revoked", KeyScopes.Read);
        var client = factory.ClientWith(key);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/packets/%2B33600000105")).StatusCode);

        await factory.Registry.RevokeKeyAsync("soon-revoked");

        // The server remembers a key's row for Auth:KeyCacheSeconds (0 in the class below); here, a new server sees it at once.
        using var fresh = factory.WithWebHostBuilder(_ => { });
        var response = await fresh.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/packets/%2B33600000105")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
        });
        await response.AssertProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task ACrossSiteNoCorsMultipartFetchWithoutAKeyRecordsNothing()
    {
        // What a page on another origin sends with fetch(url, { method: "POST", mode: "no-cors", body: formData }):
        // multipart is a CORS-safelisted type, so the browser sends it without a preflight, and without credentials of ours.
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/packets") { Content = Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 01 06")) };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Referrer = new Uri("https://attacker.example/page.html");

        var response = await factory.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(401, "unauthorized");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Null(await factory.Registry.FindAsync("+33600000106"));
    }

    [Fact]
    public async Task ARequestWithoutAKeyIsRefusedBeforeItsBodyIsRead()
    {
        // On a real Kestrel: the request announces a 6 MB form and sends only its first bytes. The 401 can only come
        // back while the body is still missing if the server answers without reading it.
        await using var app = ApiHost.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Registry={factory.RegistryConnectionString}"]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single());
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = "POST /v1/packets HTTP/1.1\r\nHost: localhost\r\nOrigin: https://attacker.example\r\n" +
            "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 6000000\r\n\r\n--x\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));

        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 401", System.Text.Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        socket.Dispose(); // else the server waits for the rest of the body before it stops
        await app.StopAsync();
    }

    [Fact]
    public async Task WithoutCorsOriginsAPreflightFromAnotherOriginIsNotAllowed()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/packets");
        preflight.Headers.Add("Origin", "https://attacker.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");

        var response = await factory.CreateClient().SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task TheCheckingEndpointsAreOpenByDefault()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/validate", Http.Json(Packets.EngageDigital()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/phone/%2B33612345678")).StatusCode);
    }

    /// <summary>A request body that yields a byte at a time, forever.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(10);
            buffer[offset] = (byte)'-';
            return 1;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(10, cancellationToken);
            buffer.Span[0] = (byte)'-';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The API with <c>Auth:RequireKeyForChecks=true</c>, <c>Cors:Origins</c> set, no key cache, and two requests per key per minute.</summary>
public sealed class ClosedApiFactory : ApiFactory
{
    public const string Origin = "https://forms.acme.example";

    protected override int KeyPermitLimit => 2;

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Auth:RequireKeyForChecks", "true"), ("Auth:KeyCacheSeconds", "0"), ("Cors:Origins:0", Origin)];
}

public sealed class ClosedApiTests(ClosedApiFactory factory) : IClassFixture<ClosedApiFactory>
{
    [Theory]
    [InlineData("/v1/rules")]
    [InlineData("/v1/profiles")]
    [InlineData("/v1/phone/%2B33612345678")]
    [InlineData("/v1/snippets")]
    public async Task RequireKeyForChecksClosesTheCheckingEndpoints(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await response.AssertProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task RequireKeyForChecksLeavesHealthAndTheDocumentOpenAndAnyKeyOpensTheChecks()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        await (await client.PostAsync("/v1/validate", Http.Json(Packets.EngageDigital()))).AssertProblemAsync(401, "unauthorized");

        var keyed = await factory.ClientWith(factory.RecordKey).PostAsync("/v1/validate", Http.Json(Packets.EngageDigital()));

        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyStopsAtOnceWithoutTheKeyCache()
    {
        var key = await factory.Registry.AddKeyAsync("revoked-at-once", KeyScopes.Read);
        var client = factory.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/rules")).StatusCode);

        await factory.Registry.RevokeKeyAsync("revoked-at-once");

        await (await client.GetAsync("/v1/rules")).AssertProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task EachKeyHasItsOwnRateLimitWhateverTheAddress()
    {
        var first = factory.ClientWith(await factory.Registry.AddKeyAsync("busy", KeyScopes.Read));
        var second = factory.ClientWith(await factory.Registry.AddKeyAsync("quiet", KeyScopes.Read));

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/v1/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/v1/rules")).StatusCode);
        var limited = await first.GetAsync("/v1/rules");

        await limited.AssertProblemAsync(429, "too-many-requests");
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/v1/rules")).StatusCode);
    }

    [Fact]
    public async Task ListedOriginsGetCorsForTheKeyHeaderAndOthersDoNot()
    {
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/packets");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return await factory.CreateClient().SendAsync(preflight);
        }

        var allowed = await Preflight(ClosedApiFactory.Origin);
        var other = await Preflight("https://attacker.example");

        Assert.Equal(ClosedApiFactory.Origin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
