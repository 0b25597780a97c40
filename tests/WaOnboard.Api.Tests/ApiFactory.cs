using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using WaOnboard.Registry;

namespace WaOnboard.Api.Tests;

/// <summary>The API in memory, with its own SQLite registry in a temporary file: one per test class.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wa-onboard-api-tests-").FullName;

    public ApiFactory()
    {
        RegistryPath = Path.Combine(_folder, "registry.db");
        // Created up front, so that the command line can be pointed at the same file as the API.
        Registry = new SqliteNumberRegistry(RegistryConnectionString);
    }

    public string RegistryPath { get; }

    public string RegistryConnectionString => new SqliteConnectionStringBuilder { DataSource = RegistryPath }.ToString();

    /// <summary>The registry file the API uses, opened directly to arrange and inspect records.</summary>
    public SqliteNumberRegistry Registry { get; }

    /// <summary>Requests per client per window; high so that only the rate-limiting tests meet the limit.</summary>
    protected virtual int PermitLimit => 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", RegistryConnectionString);
        builder.UseSetting("RateLimiting:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:WindowSeconds", "60");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Registry.Dispose();
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
}

/// <summary>The API with a rate limit of three requests per minute.</summary>
public sealed class LowRateLimitApiFactory : ApiFactory
{
    public const int Limit = 3;

    protected override int PermitLimit => Limit;
}
