using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using WaOnboard.Registry;
using WaOnboard.Tests;

namespace WaOnboard.Api.Tests;

/// <summary>The API on a PostgreSQL registry (a fresh database of <c>WA_ONBOARD_TEST_POSTGRES</c>'s server).</summary>
public sealed class PostgresApiFactory(string connectionString) : ApiFactory
{
    public override string RegistryConnectionString => connectionString;
}

/// <summary>Several servers on one PostgreSQL database; skipped with its reason when no server is configured.</summary>
public sealed class PostgresApiTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private string? _database;

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
        if (_database is not null)
        {
            TestPostgres.DropDatabase(_database);
        }
    }

    [SkippableFact]
    public async Task TwoServersOnOneDatabaseRecordingOneNumberAtOnceGiveExactlyOne201()
    {
        var (first, second) = TwoServers();
        var key = first.RecordKey;
        var clients = new[] { first.ClientWith(key), second.ClientWith(key) };

        for (var round = 0; round < 5; round++)
        {
            var number = $"+33 6 00 00 02 {round:D2}";
            using var barrier = new Barrier(4);
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                barrier.SignalAndWait();
                // Two businesses, each from both servers.
                return await clients[i % 2].PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(businessId: $"10485760000001{i / 2}", number: number)));
            })));

            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
            Assert.Equal(1, statuses.Count(s => s == 201));
            Assert.All(statuses.Where(s => s != 201), s => Assert.True(s is 200 or 409, $"status {s}"));
            var winner = (await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync()).GetProperty("businessId").GetString();
            Assert.Equal(winner, (await first.Registry.FindAsync("+336000002" + round.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)))?.BusinessId);
        }
    }

    [SkippableFact]
    public async Task AKeyAddedOnOneServerWorksOnTheOtherAndARemovalOnOneIsSeenByTheOther()
    {
        var (first, second) = TwoServers();
        Assert.Equal(HttpStatusCode.Created, (await first.ClientWith(first.RecordKey).PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: "+33 6 00 00 03 01")))).StatusCode);

        var removed = await second.ClientWith(first.AdminKey).DeleteAsync("/v1/packets/%2B33600000301?reason=test");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await first.Registry.FindAsync("+33600000301"));
    }

    [SkippableFact]
    public async Task AcknowledgedRecordingsSurviveAKill9OfTheServeProcess()
    {
        var connection = Database();
        using var registry = RegistryDatabase.Open(connection);
        var key = await registry.AddKeyAsync("kill-test", KeyScopes.Record);
        var port = FreePort();
        using var serve = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "wa-onboard.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--registry", connection])
        {
            RedirectStandardError = true,
            Environment = { ["RateLimiting__PermitLimit"] = "0" },
        })!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            await WaitUntilUpAsync(client, serve);

            // Recordings keep arriving while the process is killed: every one that was answered 201 must be in the database.
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
            var senders = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    var number = $"+3361{worker}{i:D6}";
                    try
                    {
                        var response = await client.PostAsync("/v1/packets", Http.WithAvatar(Packets.EngageDigital(number: number)));
                        statuses.Add((int)response.StatusCode);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(number);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToArray();
            for (var waited = 0; acknowledged.Count < 20; waited++)
            {
                Assert.True(waited < 3000 && !senders.Any(s => s.IsCompleted),
                    $"only {acknowledged.Count} recordings acknowledged; statuses: {string.Join(",", statuses.Distinct())}");
                await Task.Delay(20);
            }
            serve.Kill(); // SIGKILL on Linux: no shutdown, no flush
            await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(acknowledged.Count >= 20);
            foreach (var number in acknowledged)
            {
                Assert.NotNull(await registry.FindAsync(number));
            }
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill();
            }
        }
    }

    private (ApiFactory First, ApiFactory Second) TwoServers()
    {
        var connection = Database();
        var first = new PostgresApiFactory(connection);
        var second = new PostgresApiFactory(connection);
        _owned.Add(first);
        _owned.Add(second);
        return (first, second);
    }

    private string Database() => _database ??= TestPostgres.CreateDatabase();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process serve)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (serve.HasExited)
            {
                Assert.Fail($"serve stopped: {await serve.StandardError.ReadToEndAsync()}");
            }
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail("serve did not answer /health within 30 s");
    }
}
