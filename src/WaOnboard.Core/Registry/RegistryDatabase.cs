using System.Data.Common;

namespace WaOnboard.Registry;

/// <summary>
/// The registry's database: onboarded numbers, the audit rows of removals, and API keys. One SQL text serves both
/// stores (SQLite and PostgreSQL take the same <c>@name</c> parameters, <c>ON CONFLICT</c> and <c>RETURNING</c>);
/// each store gives its connections, its schema migrations, its way of locking them and of storing times.
/// </summary>
/// <remarks>
/// The schema is migrated when the database is opened, under a lock so that two servers starting together on one
/// PostgreSQL database migrate once: <c>schema_version</c> holds one row per applied migration.
/// </remarks>
public abstract class RegistryDatabase : INumberRegistry, IApiKeyStore, IDisposable
{
    /// <summary>The columns of a number's record, in the order <see cref="ReadNumber"/> reads them.</summary>
    private protected const string NumberColumns = "e164, business_id, verified_name, recorded_at, recorded_by";

    /// <summary>The look-up of one number.</summary>
    private protected const string SelectNumber = "SELECT " + NumberColumns + " FROM onboarded_numbers WHERE e164 = @e164";

    private readonly TimeProvider _time;

    /// <summary>Sets the clock of removals and keys.</summary>
    private protected RegistryDatabase(TimeProvider? time) => _time = time ?? TimeProvider.System;

    /// <summary>SQLite or PostgreSQL.</summary>
    public abstract string Kind { get; }

    /// <summary>The schema version this program writes (the number of migrations it knows).</summary>
    public int SchemaVersion => Migrations.Count;

    /// <summary>The SQL of each schema version, the first one first.</summary>
    private protected abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>
    /// Opens the registry a configuration names: a PostgreSQL connection string (<c>Host=...;Database=...</c>), a
    /// SQLite connection string (<c>Data Source=FILE</c>) or a SQLite file path; creates or migrates its schema.
    /// </summary>
    public static RegistryDatabase Open(string connection, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        RegistryDatabase database = IsPostgres(connection)
            ? new PostgresRegistryDatabase(connection, time)
            : new SqliteRegistryDatabase(connection.Contains('=', StringComparison.Ordinal) ? connection : SqliteRegistryDatabase.ForFile(connection), time);
        try
        {
            database.Migrate();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>True when <paramref name="connection"/> is a PostgreSQL connection string (it names a <c>Host</c> or <c>Server</c>).</summary>
    public static bool IsPostgres(string connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connection };
            return builder.ContainsKey("Host") || builder.ContainsKey("Server");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public virtual async ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, e164, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<RecordResult> RecordAsync(OnboardedNumber number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        // Stored to the microsecond (PostgreSQL's precision), so the record returned now equals the one read later.
        number = number with { RecordedAt = number.RecordedAt.AddTicks(-(number.RecordedAt.Ticks % 10)) };
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // The primary key, not the caller, decides which of two concurrent recordings wins. A removal between the
        // insert and the read of the holder leaves nothing to read: then the number is free again, so try again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = $"INSERT INTO onboarded_numbers ({NumberColumns}) VALUES (@e164, @businessId, @verifiedName, @recordedAt, @recordedBy) ON CONFLICT (e164) DO NOTHING";
                Add(insert, "@e164", number.E164);
                Add(insert, "@businessId", number.BusinessId);
                Add(insert, "@verifiedName", number.VerifiedName);
                Add(insert, "@recordedAt", TimeValue(number.RecordedAt));
                Add(insert, "@recordedBy", number.RecordedBy);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return new RecordResult(RecordOutcome.Recorded, number);
                }
            }
            if (await FindAsync(connection, null, number.E164, cancellationToken).ConfigureAwait(false) is { } holder)
            {
                return new RecordResult(holder.IsSameBusinessAs(number) ? RecordOutcome.AlreadyRecorded : RecordOutcome.Conflict, holder);
            }
        }
        throw new InvalidOperationException($"The number {number.E164} was removed and recorded again five times while being recorded.");
    }

    /// <inheritdoc />
    public async ValueTask<OnboardedNumber?> RemoveAsync(string e164, NumberRemoval removal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(removal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        OnboardedNumber? removed;
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM onboarded_numbers WHERE e164 = @e164 RETURNING {NumberColumns}";
            Add(delete, "@e164", e164);
            await using var reader = await delete.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            removed = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadNumber(reader) : null;
        }
        if (removed is null)
        {
            return null;
        }
        await using (var audit = connection.CreateCommand())
        {
            audit.Transaction = transaction;
            audit.CommandText = $"""
                INSERT INTO number_removals ({NumberColumns}, removed_at, removed_by, reason)
                VALUES (@e164, @businessId, @verifiedName, @recordedAt, @recordedBy, @removedAt, @removedBy, @reason)
                """;
            Add(audit, "@e164", removed.E164);
            Add(audit, "@businessId", removed.BusinessId);
            Add(audit, "@verifiedName", removed.VerifiedName);
            Add(audit, "@recordedAt", TimeValue(removed.RecordedAt));
            Add(audit, "@recordedBy", removed.RecordedBy);
            Add(audit, "@removedAt", TimeValue(removal.RemovedAt));
            Add(audit, "@removedBy", removal.RemovedBy);
            Add(audit, "@reason", removal.Reason);
            await audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>The audit rows of the removals of a number, the latest last.</summary>
    public async ValueTask<IReadOnlyList<(OnboardedNumber Removed, NumberRemoval Removal)>> RemovalsAsync(string e164, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {NumberColumns}, removed_at, removed_by, reason FROM number_removals WHERE e164 = @e164 ORDER BY id";
        Add(select, "@e164", e164);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(OnboardedNumber, NumberRemoval)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((ReadNumber(reader), new NumberRemoval(reader.GetString(6), reader.GetString(7), ReadTime(reader, 5))));
        }
        return rows;
    }

    /// <inheritdoc />
    public async ValueTask<string?> AddKeyAsync(string name, KeyScopes scopes, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await InsertKeyAsync(connection, null, name, scopes, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<string?> RotateKeyAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        KeyScopes scopes;
        await using (var revoke = connection.CreateCommand())
        {
            revoke.Transaction = transaction;
            revoke.CommandText = "UPDATE api_keys SET revoked_at = @now WHERE name = @name AND revoked_at IS NULL RETURNING scopes";
            Add(revoke, "@now", TimeValue(_time.GetUtcNow()));
            Add(revoke, "@name", name);
            if (await revoke.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return null;
            }
            scopes = (KeyScopes)Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture);
        }
        var text = await InsertKeyAsync(connection, transaction, name, scopes, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return text;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT name, scopes, created_at, revoked_at FROM api_keys ORDER BY name, created_at";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new ApiKey(reader.GetString(0), (KeyScopes)reader.GetInt32(1), ReadTime(reader, 2), reader.IsDBNull(3) ? null : ReadTime(reader, 3)));
        }
        return keys;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RevokeKeyAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE api_keys SET revoked_at = @now WHERE name = @name AND revoked_at IS NULL";
        Add(update, "@now", TimeValue(_time.GetUtcNow()));
        Add(update, "@name", name);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async ValueTask<StoredApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, name, scopes, created_at, salt, hash FROM api_keys WHERE id = @id AND revoked_at IS NULL";
        Add(select, "@id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new StoredApiKey(reader.GetString(0), new ApiKey(reader.GetString(1), (KeyScopes)reader.GetInt32(2), ReadTime(reader, 3), null),
            reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5));
    }

    /// <summary>Releases what the store keeps open.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the store keeps open.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Opens a connection.</summary>
    private protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection for the migration, synchronously (it runs when the registry is opened).</summary>
    private protected abstract DbConnection OpenForMigration();

    /// <summary>Begins the migration's transaction, holding a lock that a second process migrating at the same time waits for.</summary>
    private protected abstract DbTransaction BeginMigration(DbConnection connection);

    /// <summary>True when the exception says a unique constraint refused the row.</summary>
    private protected abstract bool IsUniqueViolation(DbException exception);

    /// <summary>The value a time is stored as.</summary>
    private protected abstract object TimeValue(DateTimeOffset time);

    /// <summary>Reads a stored time.</summary>
    private protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Reads a number's record from the columns <see cref="NumberColumns"/>.</summary>
    private protected OnboardedNumber ReadNumber(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), ReadTime(reader, 3), reader.GetString(4));

    private protected static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async ValueTask<OnboardedNumber?> FindAsync(DbConnection connection, DbTransaction? transaction, string e164, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = SelectNumber;
        Add(select, "@e164", e164);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadNumber(reader) : null;
    }

    private async ValueTask<string?> InsertKeyAsync(DbConnection connection, DbTransaction? transaction, string name, KeyScopes scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (text, row) = ApiKeyFormat.Create(name, scopes, _time.GetUtcNow());
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO api_keys (id, name, scopes, salt, hash, created_at) VALUES (@id, @name, @scopes, @salt, @hash, @createdAt)";
        Add(insert, "@id", row.Id);
        Add(insert, "@name", name);
        Add(insert, "@scopes", (int)scopes);
        Add(insert, "@salt", row.Salt);
        Add(insert, "@hash", row.Hash);
        Add(insert, "@createdAt", TimeValue(row.Key.CreatedAt));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // A working key of that name exists (the partial unique index on working names says so).
            return null;
        }
        return text;
    }

    private void Migrate()
    {
        using var connection = OpenForMigration();
        using var transaction = BeginMigration(connection);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        int current;
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(select.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (current > Migrations.Count)
        {
            throw new InvalidOperationException($"The registry's schema is version {current}; this program knows versions up to {Migrations.Count}. Use a newer wa-onboard.");
        }
        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version - 1] + "; INSERT INTO schema_version (version, applied_at) VALUES (@version, @appliedAt)";
            Add(migrate, "@version", version);
            Add(migrate, "@appliedAt", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            migrate.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
