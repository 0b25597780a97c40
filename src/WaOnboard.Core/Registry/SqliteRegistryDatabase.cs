using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WaOnboard.Registry;

/// <summary>The registry in one SQLite file: for one server, nothing to install.</summary>
/// <remarks>
/// Each call opens its own pooled connection, so one instance serves concurrent requests; writers wait for each
/// other (WAL, a 30 s busy timeout) instead of failing. Look-ups, one per validated packet, reuse open connections
/// with their statement prepared: opening and preparing cost more than the query itself.
/// </remarks>
public sealed class SqliteRegistryDatabase : RegistryDatabase
{
    private readonly string _connectionString;
    private readonly ConcurrentBag<Lookup> _lookups = [];
    private bool _disposed;

    /// <summary>Opens (creating the file's folder when missing) the SQLite registry at a connection string; <see cref="RegistryDatabase.Open"/> migrates it.</summary>
    internal SqliteRegistryDatabase(string connectionString, TimeProvider? time)
        : base(time)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // Concurrent writers wait for each other instead of failing at once with SQLITE_BUSY.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        _connectionString = builder.ToString();
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <inheritdoc />
    public override string Kind => "SQLite";

    /// <inheritdoc />
    private protected override IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the numbers (the table of the first release, which had no schema_version: IF NOT EXISTS adopts it).
        """
        CREATE TABLE IF NOT EXISTS onboarded_numbers (
            e164 TEXT NOT NULL PRIMARY KEY,
            business_id TEXT NOT NULL,
            verified_name TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        // 2: who recorded a number, API keys, and the audit rows of removals.
        """
        ALTER TABLE onboarded_numbers ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
        CREATE TABLE api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            scopes INTEGER NOT NULL,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT NULL
        );
        CREATE UNIQUE INDEX api_keys_working_name ON api_keys (name) WHERE revoked_at IS NULL;
        CREATE TABLE number_removals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            e164 TEXT NOT NULL,
            business_id TEXT NOT NULL,
            verified_name TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            removed_at TEXT NOT NULL,
            removed_by TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX number_removals_e164 ON number_removals (e164)
        """,
    ];

    /// <summary>The registry file used when the configuration names none: <c>wa-onboard/registry.db</c> in the user's local application data.</summary>
    public static string DefaultConnectionString() =>
        ForFile(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "wa-onboard", "registry.db"));

    /// <summary>The connection string of a SQLite file.</summary>
    public static string ForFile(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    /// <inheritdoc />
    public override ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_lookups.TryTake(out var lookup))
        {
            lookup = new Lookup(OpenSqlite());
        }
        OnboardedNumber? found;
        try
        {
            using var reader = lookup.Run(e164);
            found = reader.Read() ? ReadNumber(reader) : null;
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
        return ValueTask.FromResult(found);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        while (_lookups.TryTake(out var lookup))
        {
            lookup.Dispose();
        }
    }

    /// <inheritdoc />
    private protected override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbConnection>(OpenSqlite());

    /// <inheritdoc />
    private protected override DbConnection OpenForMigration()
    {
        var connection = OpenSqlite();
        using var wal = connection.CreateCommand();
        // Readers do not wait for the writer; set outside any transaction, once per file.
        wal.CommandText = "PRAGMA journal_mode = WAL";
        wal.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc />
    /// <remarks>Microsoft.Data.Sqlite begins with <c>BEGIN IMMEDIATE</c>: the write lock is taken at once, so a second process waits.</remarks>
    private protected override DbTransaction BeginMigration(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <inheritdoc />
    private protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

    /// <inheritdoc />
    private protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private SqliteConnection OpenSqlite()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
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
            _select.CommandText = SelectNumber;
            _e164 = _select.Parameters.Add("@e164", SqliteType.Text);
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
