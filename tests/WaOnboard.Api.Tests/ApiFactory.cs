using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using WaOnboard.Registry;

namespace WaOnboard.Api.Tests;

/// <summary>The API in memory, with its own SQLite registry in a temporary file and a key of each scope: one per test class.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wa-onboard-api-tests-").FullName;
    private RegistryDatabase? _registry;

    public ApiFactory()
    {
        RegistryPath = Path.Combine(_folder, "registry.db");
        // Created up front, so that the command line can be pointed at the same file as the API.
        _registry = RegistryDatabase.Open(RegistryConnectionString);
    }

    public string RegistryPath { get; }

    /// <summary>The registry's connection string: a SQLite file here, a PostgreSQL database in <see cref="PostgresApiFactory"/>.</summary>
    public virtual string RegistryConnectionString => new SqliteConnectionStringBuilder { DataSource = RegistryPath }.ToString();

    /// <summary>The registry the API uses, opened directly to arrange and inspect records.</summary>
    public RegistryDatabase Registry => _registry ??= RegistryDatabase.Open(RegistryConnectionString);

    /// <summary>A key with the <c>read</c> scope.</summary>
    public string ReadKey => _readKey ??= AddKey("reader", KeyScopes.Read);

    /// <summary>A key with the <c>record</c> scope only, as a web form would have.</summary>
    public string RecordKey => _recordKey ??= AddKey("web-form", KeyScopes.Record);

    /// <summary>A second key with the <c>record</c> scope, for another business's form.</summary>
    public string OtherRecordKey => _otherRecordKey ??= AddKey("other-form", KeyScopes.Record);

    /// <summary>A key with the <c>record</c> and <c>read</c> scopes, as a provider's own system would have.</summary>
    public string ProviderKey => _providerKey ??= AddKey("provider", KeyScopes.Record | KeyScopes.Read);

    /// <summary>A key with the <c>admin</c> scope.</summary>
    public string AdminKey => _adminKey ??= AddKey("admin-alice", KeyScopes.Admin);

    private string? _readKey;
    private string? _recordKey;
    private string? _otherRecordKey;
    private string? _providerKey;
    private string? _adminKey;

    /// <summary>Requests per client per window; high so that only the rate-limiting tests meet the limit.</summary>
    protected virtual int PermitLimit => 100_000;

    /// <summary>Requests per key per window.</summary>
    protected virtual int KeyPermitLimit => 100_000;

    /// <summary>More settings (<c>Auth:RequireKeyForChecks</c>, <c>Cors:Origins:0</c>, ...).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>A client that sends <paramref name="key"/> as <c>Authorization: Bearer</c> (none when null).</summary>
    public HttpClient ClientWith(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", RegistryConnectionString);
        builder.UseSetting("RateLimiting:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:KeyPermitLimit", KeyPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:WindowSeconds", "60");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _registry?.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Another class's server may still hold a pooled connection; the temp folder is cleaned by the system.
            }
        }
    }

    private string AddKey(string name, KeyScopes scopes) =>
        Registry.AddKeyAsync(name, scopes).AsTask().GetAwaiter().GetResult() ?? throw new InvalidOperationException($"key {name} exists");
}

/// <summary>The API with a rate limit of three requests per minute.</summary>
public sealed class LowRateLimitApiFactory : ApiFactory
{
    public const int Limit = 3;

    protected override int PermitLimit => Limit;
}
