using Microsoft.Data.Sqlite;
using WaOnboard.Cli;
using WaOnboard.Registry;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Registry;

/// <summary>The commands over a registry: validate --registry, keys, registry remove; and the SQLite file of the first release.</summary>
public sealed class RegistryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wa-onboard-registry-cli-").FullName;

    private string FilePath => Path.Combine(_folder, "registry.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ValidateWithARegistryReportsANumberRecordedForAnotherBusinessNamingItToTheOperator()
    {
        using (var registry = RegistryDatabase.Open(FilePath))
        {
            // examples/engage-digital's number, held by a business that is not the packet's.
            await registry.RecordAsync(new OnboardedNumber("+33612345678", "104857600000099", "Other Bank", DateTimeOffset.UtcNow));
        }

        var (exit, output, _) = CliRunner.Run("validate", "examples/engage-digital", "--format", "json", "--registry", FilePath);

        Assert.Equal(CliApp.ExitInvalid, exit);
        Assert.Contains("\"ruleId\": \"phone-number-not-onboarded\"", output, StringComparison.Ordinal);
        Assert.Contains("Other Bank (Business ID 104857600000099)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainGivesTheRegistrysAnswerAndTheNumberTheRegistryRuleReliedOn()
    {
        using (var registry = RegistryDatabase.Open(FilePath))
        {
            await registry.RecordAsync(new OnboardedNumber("+33612345678", "104857600000099", "Other Bank", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        }

        var (_, output, _) = CliRunner.Run("validate", "examples/engage-digital", "--explain", "--registry", FilePath);

        var block = output[output.IndexOf("  phone-number-not-onboarded (", StringComparison.Ordinal)..];
        Assert.Contains("registry:   +33612345678 is recorded for another business (Other Bank, recorded 2026-11-02)", block, StringComparison.Ordinal);
        Assert.Contains("number:     '+33 6 12 34 56 78' classified as valid, +33612345678, FR, mobile", block, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateWithARegistryThatDoesNotExistIsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("validate", "examples/engage-digital", "--registry", Path.Combine(_folder, "typo.db"));

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("no registry", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "typo.db")));
    }

    [Fact]
    public void ValidateWithARegistryThatIsNotSqliteIsAUsageErrorOfOneLine()
    {
        var notARegistry = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notARegistry, "these are not the numbers you are looking for\n");

        var (exit, _, error) = CliRunner.Run("validate", "examples/engage-digital", "--registry", notARegistry);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("cannot open the registry", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreachablePostgresServerIsAUsageErrorOfOneLineWithoutThePassword()
    {
        var (exit, _, error) = CliRunner.Run("keys", "list", "--registry", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2;Timeout=2");

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("wa-onboard: cannot open the registry", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAddPrintsTheKeyOnceAndTheFileKeepsOnlyASaltedHash()
    {
        var (exit, output, error) = CliRunner.Run("keys", "add", "web-form", "--scope", "record", "--registry", FilePath);

        Assert.Equal(CliApp.ExitValid, exit);
        var key = output.Trim();
        Assert.True(ApiKeyFormat.TryParse(key, out var id, out var secret));
        Assert.Contains("shown this once", error, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(FilePath);
        var wal = File.Exists(FilePath + "-wal") ? await File.ReadAllBytesAsync(FilePath + "-wal") : [];
        Assert.False(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(secret)) || Contains(wal, System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.True(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(id)) || Contains(wal, System.Text.Encoding.UTF8.GetBytes(id)));

        var list = CliRunner.Run("keys", "list", "--registry", FilePath);
        Assert.Contains("web-form", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysRevokeStopsAKeyAndTheListSaysSo()
    {
        CliRunner.Run("keys", "add", "old-form", "--scope", "read", "--scope", "record", "--registry", FilePath);

        Assert.Equal(CliApp.ExitValid, CliRunner.Run("keys", "revoke", "old-form", "--registry", FilePath).Exit);
        Assert.Equal(CliApp.ExitUsage, CliRunner.Run("keys", "revoke", "old-form", "--registry", FilePath).Exit);

        var list = CliRunner.Run("keys", "list", "--registry", FilePath).Out;
        Assert.Matches(@"old-form\s+read,record\s+\S+ \S+\s+revoked", list);
    }

    [Fact]
    public void KeysAddRefusesAnUnknownScope()
    {
        var (exit, _, error) = CliRunner.Run("keys", "add", "x", "--scope", "write", "--registry", FilePath);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("write", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryRemoveFreesTheNumberAndKeepsWhoWhenAndWhy()
    {
        using (var registry = RegistryDatabase.Open(FilePath))
        {
            await registry.RecordAsync(new OnboardedNumber("+33612345678", "104857600000099", "Other Bank", DateTimeOffset.UtcNow));
        }

        var (exit, output, _) = CliRunner.Run("registry", "remove", "+33 6 12 34 56 78", "--reason", "ticket 42: wrong business", "--registry", FilePath);

        Assert.Equal(CliApp.ExitValid, exit);
        Assert.Contains("Removed +33612345678", output, StringComparison.Ordinal);
        using var after = RegistryDatabase.Open(FilePath);
        Assert.Null(await after.FindAsync("+33612345678"));
        var (removed, removal) = Assert.Single(await after.RemovalsAsync("+33612345678"));
        Assert.Equal("104857600000099", removed.BusinessId);
        Assert.Equal(("cli:" + Environment.UserName, "ticket 42: wrong business"), (removal.RemovedBy, removal.Reason));
        Assert.Equal(CliApp.ExitUsage, CliRunner.Run("registry", "remove", "+33612345678", "--reason", "again", "--registry", FilePath).Exit);
    }

    [Fact]
    public async Task TheFirstReleasesFileIsAdoptedAndMigratedKeepingItsNumbers()
    {
        // The table of the first release, without a version table or the recorded_by column.
        using (var connection = new SqliteConnection(SqliteRegistryDatabase.ForFile(FilePath)))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE onboarded_numbers (e164 TEXT NOT NULL PRIMARY KEY, business_id TEXT NOT NULL, verified_name TEXT NOT NULL, recorded_at TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO onboarded_numbers VALUES ('+33612345678', '104857600000042', 'Acme Bank', '2026-11-22T03:00:00.0000000+00:00');
                """;
            create.ExecuteNonQuery();
        }

        using var registry = RegistryDatabase.Open(FilePath);

        Assert.Equal(new OnboardedNumber("+33612345678", "104857600000042", "Acme Bank", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero)),
            await registry.FindAsync("+33612345678"));
        Assert.NotNull(await registry.AddKeyAsync("k", KeyScopes.Read));
    }

    [Fact]
    public void AFileOfANewerSchemaIsRefusedNotDamaged()
    {
        using (RegistryDatabase.Open(FilePath))
        {
        }
        using (var connection = new SqliteConnection(SqliteRegistryDatabase.ForFile(FilePath)))
        {
            connection.Open();
            using var newer = connection.CreateCommand();
            newer.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')";
            newer.ExecuteNonQuery();
        }

        var (exit, _, error) = CliRunner.Run("keys", "list", "--registry", FilePath);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("version 99", error, StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
