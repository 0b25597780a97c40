using WaOnboard.Registry;

namespace WaOnboard.Tests.Registry;

/// <summary>What every registry store does, SQLite or PostgreSQL: one suite, run once per store by the classes below.</summary>
public abstract class RegistryContractTests : IDisposable
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private readonly List<RegistryDatabase> _opened = [];
    private RegistryDatabase? _registry;

    /// <summary>The registry under test, opened at the first use (a store without its server skips the test there).</summary>
    protected RegistryDatabase Registry => _registry ??= OpenAnother();

    /// <summary>The connection string of the store's fresh database.</summary>
    protected abstract string ConnectionString { get; }

    /// <summary>The store's name, as <see cref="RegistryDatabase.Kind"/> says it.</summary>
    protected abstract string Kind { get; }

    public void Dispose()
    {
        foreach (var registry in _opened)
        {
            registry.Dispose();
        }
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the store's database.</summary>
    protected abstract void Cleanup();

    /// <summary>A second registry instance on the same database, as a second server would have.</summary>
    protected RegistryDatabase OpenAnother()
    {
        var registry = RegistryDatabase.Open(ConnectionString);
        _opened.Add(registry);
        return registry;
    }

    [SkippableFact]
    public void TheConnectionStringChoosesTheStore() => Assert.Equal(Kind, Registry.Kind);

    [SkippableFact]
    public async Task ANewNumberIsRecordedAndFoundAgain()
    {
        var number = Number("104857600000042", "Acme Bank");

        var result = await Registry.RecordAsync(number);

        Assert.Equal(new RecordResult(RecordOutcome.Recorded, number), result);
        Assert.Equal(number, await Registry.FindAsync(number.E164));
        Assert.Null(await Registry.FindAsync("+33612345679"));
    }

    [SkippableFact]
    public async Task TheSameBusinessRecordingAgainChangesNothing()
    {
        var first = Number("104857600000042", "Acme Bank");
        await Registry.RecordAsync(first);

        var again = await Registry.RecordAsync(first with { RecordedAt = Recorded.AddDays(1), VerifiedName = "Acme Bank SA" });

        Assert.Equal(new RecordResult(RecordOutcome.AlreadyRecorded, first), again);
    }

    [SkippableFact]
    public async Task AnotherBusinessIDIsAConflictNamingTheHolder()
    {
        var first = Number("104857600000042", "Acme Bank");
        await Registry.RecordAsync(first);

        var other = await Registry.RecordAsync(Number("104857600000099", "Acme Bank"));

        Assert.Equal(new RecordResult(RecordOutcome.Conflict, first), other);
    }

    [SkippableFact]
    public async Task WithoutBusinessIDsOnlyTheKeyThatRecordedTheNumberIsTheSameBusinessNeverTheName()
    {
        var first = Number("", "Acme Support", recordedBy: "acme-form");
        await Registry.RecordAsync(first);

        Assert.Equal(RecordOutcome.AlreadyRecorded, (await Registry.RecordAsync(Number("", "Another Name", recordedBy: "acme-form"))).Outcome);
        Assert.Equal(RecordOutcome.Conflict, (await Registry.RecordAsync(Number("", "Acme Support", recordedBy: "other-form"))).Outcome);
        Assert.Equal(RecordOutcome.Conflict, (await Registry.RecordAsync(Number("", "Acme Support"))).Outcome);
    }

    [SkippableFact]
    public async Task ARecordWithoutAKeyIsNeverTheSameBusinessAsAPacketWithoutABusinessID()
    {
        await Registry.RecordAsync(Number("", "Acme Support"));

        Assert.Equal(RecordOutcome.Conflict, (await Registry.RecordAsync(Number("", "Acme Support"))).Outcome);
    }

    [SkippableFact]
    public async Task TimesAreKeptToTheMicrosecondAndComeBackEqual()
    {
        var number = Number("104857600000042", "Acme Bank") with { RecordedAt = Recorded.AddTicks(1_234_567) };

        var result = await Registry.RecordAsync(number);

        Assert.Equal(Recorded.AddTicks(1_234_560), result.Holder.RecordedAt);
        Assert.Equal(result.Holder, await OpenAnother().FindAsync(number.E164));
    }

    [SkippableFact]
    public async Task TwoInstancesOnOneDatabaseSeeEachOthersRecordsAtOnce()
    {
        var other = OpenAnother();
        Assert.Null(await other.FindAsync("+33612345678"));

        await Registry.RecordAsync(Number("104857600000042", "Acme Bank"));

        Assert.Equal("Acme Bank", (await other.FindAsync("+33612345678"))?.VerifiedName);
    }

    [SkippableFact]
    public async Task ConcurrentRecordingsOfOneNumberFromTwoInstancesHaveExactlyOneWinner()
    {
        const int businesses = 8;
        var instances = new[] { Registry, OpenAnother() };
        using var barrier = new Barrier(businesses);

        var results = await Task.WhenAll(Enumerable.Range(0, businesses).Select(i => Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await instances[i % 2].RecordAsync(Number($"1048576000000{i:D2}", $"Bank {i}"));
        })));

        var winner = Assert.Single(results, r => r.Outcome == RecordOutcome.Recorded).Holder;
        Assert.All(results.Where(r => r.Outcome != RecordOutcome.Recorded), r => Assert.Equal(new RecordResult(RecordOutcome.Conflict, winner), r));
        Assert.Equal(winner, await Registry.FindAsync("+33612345678"));
    }

    [SkippableFact]
    public async Task ARemovalFreesTheNumberAndKeepsWhoWhenAndWhy()
    {
        var first = Number("104857600000042", "Acme Bank", recordedBy: "form");
        await Registry.RecordAsync(first);
        var removal = new NumberRemoval("admin-alice", "recorded for the wrong business (ticket 42)", Recorded.AddDays(2));

        var removed = await Registry.RemoveAsync(first.E164, removal);

        Assert.Equal(first, removed);
        Assert.Null(await Registry.FindAsync(first.E164));
        Assert.Equal((first, removal), Assert.Single(await Registry.RemovalsAsync(first.E164)));
        Assert.Equal(RecordOutcome.Recorded, (await Registry.RecordAsync(Number("104857600000099", "Right Bank"))).Outcome);
    }

    [SkippableFact]
    public async Task RemovingANumberThatIsNotRecordedChangesNothingAndKeepsNoRow()
    {
        Assert.Null(await Registry.RemoveAsync("+33612345678", new NumberRemoval("admin", "typo", Recorded)));

        Assert.Empty(await Registry.RemovalsAsync("+33612345678"));
    }

    [SkippableFact]
    public async Task AKeyIsFoundByItsIdAndMatchesOnlyItsOwnSecret()
    {
        var text = await Registry.AddKeyAsync("web-form", KeyScopes.Record);

        Assert.NotNull(text);
        Assert.True(ApiKeyFormat.TryParse(text, out var id, out var secret));
        var row = await OpenAnother().FindKeyAsync(id);
        Assert.NotNull(row);
        Assert.Equal(("web-form", KeyScopes.Record), (row.Key.Name, row.Key.Scopes));
        Assert.True(ApiKeyFormat.Matches(row, secret));
        Assert.False(ApiKeyFormat.Matches(row, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
    }

    [SkippableFact]
    public async Task TheStoreKeepsNoKeyInTheClear()
    {
        var text = await Registry.AddKeyAsync("web-form", KeyScopes.Record);
        Assert.True(ApiKeyFormat.TryParse(text!, out var id, out var secret));

        var row = await Registry.FindKeyAsync(id);

        Assert.NotNull(row);
        Assert.Equal(32, row.Hash.Length);
        Assert.DoesNotContain(secret, Convert.ToBase64String(row.Hash), StringComparison.Ordinal);
        Assert.NotEqual(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), row.Hash);
    }

    [SkippableFact]
    public async Task AWorkingKeyNameIsUniqueARevokedKeyIsNotFoundAndItsNameCanBeUsedAgain()
    {
        var first = await Registry.AddKeyAsync("web-form", KeyScopes.Record);
        Assert.Null(await Registry.AddKeyAsync("web-form", KeyScopes.Admin));

        Assert.True(await Registry.RevokeKeyAsync("web-form"));
        Assert.False(await Registry.RevokeKeyAsync("web-form"));

        Assert.True(ApiKeyFormat.TryParse(first!, out var id, out _));
        Assert.Null(await Registry.FindKeyAsync(id));
        Assert.NotNull(await Registry.AddKeyAsync("web-form", KeyScopes.Record));
        var listed = await Registry.ListKeysAsync();
        Assert.Equal(2, listed.Count);
        Assert.Single(listed, k => k.RevokedAt is null);
    }

    [SkippableFact]
    public async Task RotatingAKeyRevokesTheOldOneAndKeepsTheNameAndScopes()
    {
        var old = await Registry.AddKeyAsync("provider", KeyScopes.Read | KeyScopes.Record);

        var rotated = await Registry.RotateKeyAsync("provider");

        Assert.NotNull(rotated);
        Assert.True(ApiKeyFormat.TryParse(old!, out var oldId, out _));
        Assert.True(ApiKeyFormat.TryParse(rotated, out var newId, out _));
        Assert.Null(await Registry.FindKeyAsync(oldId));
        Assert.Equal(("provider", KeyScopes.Read | KeyScopes.Record), ((await Registry.FindKeyAsync(newId))!.Key.Name, (await Registry.FindKeyAsync(newId))!.Key.Scopes));
        Assert.Null(await Registry.RotateKeyAsync("nobody"));
    }

    [SkippableFact]
    public async Task TheSchemaIsMigratedOnceAndItsVersionKept()
    {
        await Registry.RecordAsync(Number("104857600000042", "Acme Bank"));

        // Opening again finds the schema at its version: nothing is applied twice, nothing is lost.
        var again = OpenAnother();

        Assert.Equal(2, again.SchemaVersion);
        Assert.NotNull(await again.FindAsync("+33612345678"));
    }

    private static OnboardedNumber Number(string businessId, string verifiedName, string recordedBy = "") =>
        new("+33612345678", businessId, verifiedName, Recorded, recordedBy);
}

/// <summary>The contract over a SQLite file.</summary>
public sealed class SqliteRegistryContractTests : RegistryContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wa-onboard-registry-").FullName;

    protected override string ConnectionString => SqliteRegistryDatabase.ForFile(Path.Combine(_folder, "registry.db"));

    protected override string Kind => "SQLite";

    protected override void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The contract over a PostgreSQL database (a fresh one per test); skipped with its reason when no server is configured.</summary>
public sealed class PostgresRegistryContractTests : RegistryContractTests
{
    private string? _database;

    protected override string ConnectionString => _database ??= TestPostgres.CreateDatabase();

    protected override string Kind => "PostgreSQL";

    protected override void Cleanup()
    {
        if (_database is not null)
        {
            TestPostgres.DropDatabase(_database);
        }
    }
}
