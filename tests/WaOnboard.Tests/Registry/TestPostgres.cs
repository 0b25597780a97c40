using Npgsql;

namespace WaOnboard.Tests;

/// <summary>The PostgreSQL server of the tests: <c>WA_ONBOARD_TEST_POSTGRES</c>, set by tests/postgres/start.sh in CI; one fresh database per user.</summary>
internal static class TestPostgres
{
    public const string Variable = "WA_ONBOARD_TEST_POSTGRES";

    public const string SkipReason = "WA_ONBOARD_TEST_POSTGRES is not set, so there is no PostgreSQL server to test against: " +
        "start one with 'bash tests/postgres/start.sh FILE' and source FILE, as .ci/run does.";

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    /// <summary>Skips the calling <c>[SkippableFact]</c> with a visible reason when there is no server.</summary>
    public static string RequireServer()
    {
        Skip.If(Server is null, SkipReason);
        return Server!;
    }

    /// <summary>Creates an empty database on the server (skipping the test when there is none); returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var server = RequireServer();
        var name = $"wa_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing the connections still open on it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
