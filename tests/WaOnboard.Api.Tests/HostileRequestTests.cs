extern alias cli;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using cli::WaOnboard.Cli;
using Microsoft.Extensions.Logging;

namespace WaOnboard.Api.Tests;

/// <summary>Runs alone: its allocation bound reads the whole process's counter.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "hostile requests";
}

/// <summary>The API door of the hostile-input corpus (the command-line door is HostileCliTests): status, problem type, time and allocation.</summary>
[Collection(HostileCollection.Name)]
public sealed class HostileRequestTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Any packet within the size limit is answered in under 1 s and 100 MB; the time bound is generous for shared CI machines.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);

    private const long AllocationBound = 100L * 1024 * 1024;

    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Sends a request, asserting the time and allocation bounds (server and client are this process).</summary>
    private async Task<HttpResponseMessage> SendBoundedAsync(Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        await _client.GetAsync("/health");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var response = await send(_client);
        await response.Content.LoadIntoBufferAsync();
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.True(clock.Elapsed < TimeBound, $"answered in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(allocated < AllocationBound, $"allocated {allocated / (1024 * 1024)} MB");
        Assert.NotEqual(500, (int)response.StatusCode);
        return response;
    }

    private static ByteArrayContent Body(byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return body;
    }

    private static byte[] EmptyTemplatesJson()
    {
        var builder = new StringBuilder("{\"provider\":\"generic\",\"hsm\":[{}", ApiLimits.PacketBytes);
        while (builder.Length + 5 < ApiLimits.PacketBytes)
        {
            builder.Append(",{}");
        }
        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    private static byte[] Windows1252Json() => [.. "{\"provider\":\"generic\",\"business\":{\"verifiedName\":\"Caf"u8, 0xE9, .. " Acme\"}}"u8];

    [Fact]
    public async Task AMebibyteOfEmptyJsonTemplatesIsRefusedWithinBounds()
    {
        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Body(EmptyTemplatesJson(), "application/json")));

        var problem = await response.AssertProblemAsync(413, "payload-too-large");
        Assert.Equal("packet-too-large", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task ThousandsOfFindingsAreListedUpToAThousandThenCounted()
    {
        var yaml = new StringBuilder("provider: generic\nhsm:\n");
        for (var i = 0; i < 4000; i++)
        {
            yaml.Append("  - {}\n");
        }

        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Http.Yaml(yaml.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var findings = (await response.ReadJsonAsync()).GetProperty("findings");
        Assert.Equal(1001, findings.GetArrayLength());
        Assert.Equal("findings-truncated", findings[1000].GetProperty("ruleId").GetString());
    }

    [Theory]
    [InlineData("cp1252", "Windows-1252")]
    [InlineData("utf16", "UTF-16")]
    public async Task APacketThatIsNotUtf8IsA400NamingItsEncoding(string kind, string named)
    {
        var content = kind == "cp1252" ? Windows1252Json() : [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"provider\":\"generic\"}")];

        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Body(content, "application/json")));

        var problem = await response.AssertProblemAsync(400, "packet-syntax");
        Assert.Equal("packet-encoding", problem.GetProperty("ruleId").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=windows-1252")]
    [InlineData("application/yaml; charset=utf-16")]
    [InlineData("application/json; charset=\"iso-8859-1\"")]
    public async Task ABodyInAnotherCharsetIsA415(string contentType)
    {
        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Body(Encoding.UTF8.GetBytes("{\"provider\":\"generic\"}"), contentType)));

        var problem = await response.AssertProblemAsync(415, "unsupported-media-type");
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUtf8CharsetIsAccepted()
    {
        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Body(Encoding.UTF8.GetBytes(Packets.EngageDigital()), "application/json; charset=UTF-8")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AMultipartPartHeaderOverSixteenKibibytesIsA400()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"packet\"\r\nX-Long: " + new string('x', 17 * 1024) + "\r\n\r\n{}\r\n--b--\r\n";

        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Body(Encoding.ASCII.GetBytes(body), "multipart/form-data; boundary=b")));

        await response.AssertProblemAsync(400, "bad-request");
    }

    [Theory]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"packet\"\r\n\r\n{}")]
    [InlineData("--b\r\n\r\n\r\n--b--\r\n")]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"packet\"\r\nContent-Type: application/json; charset=utf-16\r\n\r\n{}\r\n--b--\r\n")]
    [InlineData("garbage without any boundary")]
    public async Task AMalformedFormIsA400(string body)
    {
        var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Body(Encoding.ASCII.GetBytes(body), "multipart/form-data; boundary=b")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task AnAvatarPathThatLeavesTheFolderGetsTheSameFindingAsOnTheCommandLine(string avatar)
    {
        var packet = $"{{\"provider\":\"generic\",\"profile\":{{\"avatar\":\"{avatar}\"}}}}";
        var folder = Directory.CreateTempSubdirectory("wa-onboard-hostile-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "packet.json"), packet);
            var output = new StringWriter();
            CliApp.Run(["validate", folder, "--format", "json"], new InvocationConfiguration { Output = output, Error = new StringWriter() });

            var response = await SendBoundedAsync(c => c.PostAsync("/v1/validate", Http.Json(packet)));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            static string AvatarFinding(JsonElement report) => report.GetProperty("findings").EnumerateArray()
                .Single(f => f.GetProperty("ruleId").GetString() == "profile-avatar-file").GetProperty("message").GetString()!;
            using var cliReport = JsonDocument.Parse(output.ToString());
            Assert.Equal(AvatarFinding(cliReport.RootElement), AvatarFinding(await response.ReadJsonAsync()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task HealthAnswersHeadWithoutABody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/health");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HealthSaysTheRegistryIsReachable()
    {
        var health = await (await _client.GetAsync("/health")).ReadJsonAsync();

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("reachable", health.GetProperty("registry").GetString());
    }

    [Fact]
    public async Task ServedHtmlMayNotBeFramedAndSendsNoReferrer()
    {
        var response = await _client.PostAsync("/v1/checklist?format=html", Http.Json(Packets.EngageDigital()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task AnswersAboutARegisteredNumberAreNeverStored()
    {
        var recorded = await _client.PostAsync("/v1/packets", Http.Json(Packets.EngageDigital(number: "+33 6 99 88 77 66")));
        var validated = await _client.PostAsync("/v1/validate", Http.Json(Packets.EngageDigital(number: "+33 6 99 88 77 66")));

        foreach (var response in new[] { recorded, validated })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} has no Cache-Control: no-store");
        }
    }
}

/// <summary>/health stays out of the rate limit: a load balancer must not take out a server that busy clients keep at its limit.</summary>
public sealed class HealthRateLimitTests(LowRateLimitApiFactory factory) : IClassFixture<LowRateLimitApiFactory>
{
    [Fact]
    public async Task HealthIsNeverRateLimited()
    {
        var client = factory.CreateClient();

        for (var i = 0; i < LowRateLimitApiFactory.Limit * 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
    }
}

/// <summary>A client that goes away mid-body, against a real Kestrel (the in-memory test server never sees a cut connection).</summary>
public sealed class ClientDisconnectTests
{
    [Fact]
    public async Task AClientThatLeavesMidBodyIsNotLoggedAsAFailure()
    {
        var logs = new CapturedLogs();
        var folder = Directory.CreateTempSubdirectory("wa-onboard-disconnect-").FullName;
        await using var app = ApiHost.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Registry=Data Source={Path.Combine(folder, "registry.db")}"],
            builder => builder.Logging.AddProvider(logs));
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        // Each way several times: whether the server meets the early end before or after the connection drops varies.
        foreach (var (contentType, length) in Enumerable.Repeat(new[] { ("application/json", 900_000), ("multipart/form-data; boundary=b", 5_000_000) }, 5).SelectMany(x => x))
        {
            using var socket = new System.Net.Sockets.TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\n\r\n" + new string('x', 100_000)));
            // The client stops sending (FIN) before the length it announced, then goes: "Unexpected end of request content".
            socket.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            await Task.Delay(100);
            socket.Close();
        }
        await Task.Delay(1000);
        await app.StopAsync();

        var failures = logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
