using System.CommandLine;
using Microsoft.Data.Sqlite;
using WaOnboard.Cli;
using WaOnboard.Registry;

namespace WaOnboard.Tests.Registry;

public sealed class SqliteNumberRegistryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wa-onboard-registry-").FullName;
    private readonly SqliteNumberRegistry _registry;

    public SqliteNumberRegistryTests()
    {
        _registry = new SqliteNumberRegistry(ConnectionString);
    }

    private string FilePath => Path.Combine(_folder, "registry.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

    public void Dispose()
    {
        _registry.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void ANewNumberIsRecordedAndFoundAgain()
    {
        var number = Number("+33612345678", "104857600000042", "Acme Bank");

        var (outcome, holder) = _registry.Record(number);

        Assert.Equal(RecordOutcome.Recorded, outcome);
        Assert.Equal(number, holder);
        Assert.Equal(number, _registry.Find("+33612345678"));
        Assert.Null(_registry.Find("+33612345679"));
    }

    [Fact]
    public void TheSameBusinessRecordingAgainChangesNothing()
    {
        var first = Number("+33612345678", "104857600000042", "Acme Bank");
        _registry.Record(first);

        var (outcome, holder) = _registry.Record(first with { RecordedAt = first.RecordedAt.AddDays(1) });

        Assert.Equal(RecordOutcome.AlreadyRecorded, outcome);
        Assert.Equal(first.RecordedAt, holder.RecordedAt);
    }

    [Fact]
    public void AnotherBusinessIsToldWhoHoldsTheNumber()
    {
        var first = Number("+33612345678", "104857600000042", "Acme Bank");
        _registry.Record(first);

        var (outcome, holder) = _registry.Record(Number("+33612345678", "104857600000099", "Other Bank"));

        Assert.Equal(RecordOutcome.Conflict, outcome);
        Assert.Equal(first, holder);
    }

    [Fact]
    public void ALookUpAfterARecordingSeesIt()
    {
        // Look-ups reuse prepared statements on open connections: they must still see what was written since.
        Assert.Null(_registry.Find("+33612345678"));

        _registry.Record(Number("+33612345678", "104857600000042", "Acme Bank"));

        Assert.NotNull(_registry.Find("+33612345678"));
    }

    [Fact]
    public void TwoRegistriesOnOneFileSeeEachOthersRecords()
    {
        using var other = new SqliteNumberRegistry(ConnectionString);
        Assert.Null(other.Find("+33612345678"));

        _registry.Record(Number("+33612345678", "104857600000042", "Acme Bank"));

        Assert.Equal("Acme Bank", other.Find("+33612345678")?.VerifiedName);
    }

    [Fact]
    public async Task ConcurrentRecordingsOfOneNumberByEightBusinessesHaveExactlyOneWinner()
    {
        const int businesses = 8;
        using var barrier = new Barrier(businesses);

        var results = await Task.WhenAll(Enumerable.Range(0, businesses).Select(i => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return _registry.Record(Number("+33612345678", $"1048576000000{i:D2}", $"Bank {i}"));
        })));

        var winner = Assert.Single(results, r => r.Outcome == RecordOutcome.Recorded).Holder;
        Assert.All(results.Where(r => r.Outcome != RecordOutcome.Recorded), r =>
        {
            Assert.Equal(RecordOutcome.Conflict, r.Outcome);
            Assert.Equal(winner, r.Holder);
        });
        Assert.Equal(winner, _registry.Find("+33612345678"));
    }

    [Fact]
    public void ValidateWithARegistryReportsANumberRecordedForAnotherBusinessAsAnError()
    {
        // examples/engage-digital's number, held by a business that is not the packet's.
        _registry.Record(Number("+33612345678", "104857600000099", "Other Bank"));
        var output = new StringWriter();

        var exit = CliApp.Run(["validate", ExamplePath("engage-digital"), "--format", "json", "--registry", FilePath],
            new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(CliApp.ExitInvalid, exit);
        Assert.Contains("\"ruleId\": \"phone-number-not-onboarded\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateWithARegistryThatDoesNotExistIsAUsageError()
    {
        var error = new StringWriter();

        var exit = CliApp.Run(["validate", ExamplePath("engage-digital"), "--registry", Path.Combine(_folder, "typo.db")],
            new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("no registry", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "typo.db")));
    }

    [Fact]
    public void ValidateWithARegistryThatIsNotSqliteIsAUsageErrorOfOneLine()
    {
        var notARegistry = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notARegistry, "these are not the numbers you are looking for\n");
        var error = new StringWriter();

        var exit = CliApp.Run(["validate", ExamplePath("engage-digital"), "--registry", notARegistry],
            new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
        Assert.Contains("is not a registry", error.ToString(), StringComparison.Ordinal);
    }

    private static OnboardedNumber Number(string e164, string businessId, string verifiedName) =>
        new(e164, businessId, verifiedName, new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    private static string ExamplePath(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "examples", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"examples/{name}");
    }
}
