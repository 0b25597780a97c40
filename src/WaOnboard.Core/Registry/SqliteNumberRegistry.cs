using Microsoft.Data.Sqlite;

namespace WaOnboard.Registry;

/// <summary>The registry in one SQLite file: one row per number, the E.164 form as primary key.</summary>
/// <remarks>
/// Each call opens its own pooled connection, so one instance serves concurrent requests. Recording is one
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> followed by a read of the holder: the primary key, not the caller,
/// decides which of two concurrent recordings of one number wins.
/// </remarks>
public sealed class SqliteNumberRegistry : INumberRegistry
{
    private readonly string _connectionString;

    /// <summary>Opens (and creates when missing) the registry at a SQLite connection string.</summary>
    public SqliteNumberRegistry(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // Concurrent writers wait for each other instead of failing at once with SQLITE_BUSY.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        _connectionString = builder.ToString();
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS onboarded_numbers (
                e164 TEXT NOT NULL PRIMARY KEY,
                business_id TEXT NOT NULL,
                verified_name TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The registry file used when the configuration names none: <c>wa-onboard/registry.db</c> in the user's local application data.</summary>
    public static string DefaultConnectionString() =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "wa-onboard", "registry.db"),
        }.ToString();

    /// <inheritdoc />
    public OnboardedNumber? Find(string e164)
    {
        using var connection = Open();
        return Find(connection, e164);
    }

    /// <inheritdoc />
    public (RecordOutcome Outcome, OnboardedNumber Holder) Record(OnboardedNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO onboarded_numbers (e164, business_id, verified_name, recorded_at)
            VALUES ($e164, $businessId, $verifiedName, $recordedAt)
            ON CONFLICT (e164) DO NOTHING
            """;
        insert.Parameters.AddWithValue("$e164", number.E164);
        insert.Parameters.AddWithValue("$businessId", number.BusinessId);
        insert.Parameters.AddWithValue("$verifiedName", number.VerifiedName);
        insert.Parameters.AddWithValue("$recordedAt", number.RecordedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        if (insert.ExecuteNonQuery() == 1)
        {
            return (RecordOutcome.Recorded, number);
        }
        // A row is never deleted, so the holder that made the insert a no-op is still there to read.
        var holder = Find(connection, number.E164)
            ?? throw new InvalidOperationException("The registry refused a number it does not hold.");
        return (holder.IsSameBusinessAs(number) ? RecordOutcome.AlreadyRecorded : RecordOutcome.Conflict, holder);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static OnboardedNumber? Find(SqliteConnection connection, string e164)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT e164, business_id, verified_name, recorded_at FROM onboarded_numbers WHERE e164 = $e164";
        select.Parameters.AddWithValue("$e164", e164);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return new OnboardedNumber(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind));
    }
}
