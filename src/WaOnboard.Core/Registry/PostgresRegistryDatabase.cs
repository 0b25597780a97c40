using System.Data.Common;
using Npgsql;

namespace WaOnboard.Registry;

/// <summary>The registry in a PostgreSQL database: for several servers behind a load balancer.</summary>
/// <remarks>
/// Every write is one statement or one transaction committed before the API answers, so a recording that was
/// acknowledged survives the loss of the server that made it (PostgreSQL's default <c>synchronous_commit</c>).
/// Two servers recording one number at once meet at the primary key: <c>INSERT ... ON CONFLICT DO NOTHING</c> waits
/// for the other's transaction and then inserts nothing.
/// </remarks>
public sealed class PostgresRegistryDatabase : RegistryDatabase
{
    // Any constant: the advisory lock that makes two servers starting together migrate one after the other.
    private const long MigrationLock = 0x7761_6f6e_626f_6172; // "waonboar"

    private readonly NpgsqlDataSource _source;

    /// <summary>Connects to the PostgreSQL database at a connection string; <see cref="RegistryDatabase.Open"/> migrates it.</summary>
    internal PostgresRegistryDatabase(string connectionString, TimeProvider? time)
        : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The registry's statements are few and repeated: let Npgsql prepare them once per connection.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 16;
        }
        _source = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override string Kind => "PostgreSQL";

    /// <inheritdoc />
    private protected override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS onboarded_numbers (
            e164 text NOT NULL PRIMARY KEY,
            business_id text NOT NULL,
            verified_name text NOT NULL,
            recorded_at timestamptz NOT NULL
        )
        """,
        """
        ALTER TABLE onboarded_numbers ADD COLUMN recorded_by text NOT NULL DEFAULT '';
        CREATE TABLE api_keys (
            id text NOT NULL PRIMARY KEY,
            name text NOT NULL,
            scopes integer NOT NULL,
            salt bytea NOT NULL,
            hash bytea NOT NULL,
            created_at timestamptz NOT NULL,
            revoked_at timestamptz NULL
        );
        CREATE UNIQUE INDEX api_keys_working_name ON api_keys (name) WHERE revoked_at IS NULL;
        CREATE TABLE number_removals (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            e164 text NOT NULL,
            business_id text NOT NULL,
            verified_name text NOT NULL,
            recorded_at timestamptz NOT NULL,
            recorded_by text NOT NULL,
            removed_at timestamptz NOT NULL,
            removed_by text NOT NULL,
            reason text NOT NULL
        );
        CREATE INDEX number_removals_e164 ON number_removals (e164)
        """,
    ];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }
    }

    /// <inheritdoc />
    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    private protected override DbConnection OpenForMigration() => _source.OpenConnection();

    /// <inheritdoc />
    private protected override DbTransaction BeginMigration(DbConnection connection)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction();
        using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
        lockCommand.Parameters.AddWithValue("key", MigrationLock);
        lockCommand.ExecuteNonQuery();
        return transaction;
    }

    /// <inheritdoc />
    private protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc />
    private protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime();

    /// <inheritdoc />
    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
