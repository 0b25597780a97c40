using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace WaOnboard.Registry;

/// <summary>The registry in one SQLite file: one row per number, the E.164 form as primary key.</summary>
/// <remarks>
/// Each call opens its own pooled connection, so one instance serves concurrent requests. Recording is one
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> followed by a read of the holder: the primary key, not the caller,
/// decides which of two concurrent recordings of one number wins. Look-ups, one per validated packet, reuse
/// open connections with their statement prepared: opening and preparing cost more than the query itself.
/// </remarks>
public sealed class SqliteNumberRegistry : INumberRegistry, IDisposable
{
    private const string SelectHolder = "SELECT e164, business_id, verified_name, recorded_at FROM onboarded_numbers WHERE e164 = $e164";

    private readonly string _connectionString;
    private readonly ConcurrentBag<Lookup> _lookups = [];
    private bool _disposed;

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
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_lookups.TryTake(out var lookup))
        {
            lookup = new Lookup(Open());
        }
        OnboardedNumber? found;
        try
        {
            found = Read(lookup.Run(e164));
        }
        catch
        {
            lookup.Dispose();
            throw;
        }
        // Keep about as many as there are cores: more would only hold file handles that concurrency never needs.
        if (_lookups.Count < Environment.ProcessorCount * 2 && !_disposed)
        {
            _lookups.Add(lookup);
        }
        else
        {
            lookup.Dispose();
        }
        return found;
    }

    /// <summary>Closes the connections kept for look-ups.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_lookups.TryTake(out var lookup))
        {
            lookup.Dispose();
        }
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
        select.CommandText = SelectHolder;
        select.Parameters.AddWithValue("$e164", e164);
        return Read(select.ExecuteReader());
    }

    private static OnboardedNumber? Read(SqliteDataReader result)
    {
        using var reader = result;
        if (!reader.Read())
        {
            return null;
        }
        return new OnboardedNumber(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    /// <summary>An open connection with the look-up statement prepared, used by one caller at a time.</summary>
    private sealed class Lookup : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _select;
        private readonly SqliteParameter _e164;

        public Lookup(SqliteConnection connection)
        {
            _connection = connection;
            _select = connection.CreateCommand();
            _select.CommandText = SelectHolder;
            _e164 = _select.Parameters.Add("$e164", SqliteType.Text);
            _e164.Value = "";
            _select.Prepare();
        }

        public SqliteDataReader Run(string e164)
        {
            _e164.Value = e164;
            return _select.ExecuteReader();
        }

        public void Dispose()
        {
            _select.Dispose();
            _connection.Dispose();
        }
    }
}
