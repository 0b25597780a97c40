using WaOnboard.Registry;

namespace WaOnboard.Tests.Registry;

public sealed class CachedNumberRegistryTests
{
    private static readonly OnboardedNumber Acme = new("+33612345678", "104857600000042", "Acme Bank", DateTimeOffset.UnixEpoch);

    private readonly CountingRegistry _store = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task ALookUpWithinTheTimeToLiveIsAnsweredFromMemory()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromSeconds(1), _clock);
        await cache.FindAsync(Acme.E164);

        _clock.Advance(TimeSpan.FromMilliseconds(900));
        await cache.FindAsync(Acme.E164);

        Assert.Equal(1, _store.Finds);
    }

    [Fact]
    public async Task ALookUpAfterTheTimeToLiveAsksTheStoreAgainAndSeesANewRecord()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromSeconds(1), _clock);
        Assert.Null(await cache.FindAsync(Acme.E164));
        await _store.RecordAsync(Acme); // by another process, behind the cache's back

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Acme, await cache.FindAsync(Acme.E164));
        Assert.Equal(2, _store.Finds);
    }

    [Fact]
    public async Task ARecordingThroughTheCacheIsSeenAtOnce()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromMinutes(1), _clock);
        Assert.Null(await cache.FindAsync(Acme.E164));

        var (outcome, _) = await cache.RecordAsync(Acme);

        Assert.Equal(RecordOutcome.Recorded, outcome);
        Assert.Equal(Acme, await cache.FindAsync(Acme.E164));
    }

    [Fact]
    public async Task RecordingAlwaysGoesToTheStore()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromMinutes(1), _clock);
        await cache.RecordAsync(Acme);

        var (outcome, holder) = await cache.RecordAsync(Acme with { BusinessId = "104857600000099" });

        Assert.Equal(RecordOutcome.Conflict, outcome);
        Assert.Equal(Acme, holder);
        Assert.Equal(2, _store.Records);
    }

    [Fact]
    public async Task ARemovalThroughTheCacheIsSeenAtOnce()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromMinutes(1), _clock);
        await cache.RecordAsync(Acme);
        Assert.Equal(Acme, await cache.FindAsync(Acme.E164));

        await cache.RemoveAsync(Acme.E164, new NumberRemoval("admin", "wrong business", DateTimeOffset.UnixEpoch));

        Assert.Null(await cache.FindAsync(Acme.E164));
        Assert.Equal(1, _store.Removes);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class CountingRegistry : INumberRegistry
    {
        private readonly Dictionary<string, OnboardedNumber> _numbers = [];

        public int Finds { get; private set; }

        public int Records { get; private set; }

        public int Removes { get; private set; }

        public ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default)
        {
            Finds++;
            return ValueTask.FromResult(_numbers.GetValueOrDefault(e164));
        }

        public ValueTask<RecordResult> RecordAsync(OnboardedNumber number, CancellationToken cancellationToken = default)
        {
            Records++;
            if (_numbers.TryGetValue(number.E164, out var holder))
            {
                return ValueTask.FromResult(new RecordResult(holder.IsSameBusinessAs(number) ? RecordOutcome.AlreadyRecorded : RecordOutcome.Conflict, holder));
            }
            _numbers[number.E164] = number;
            return ValueTask.FromResult(new RecordResult(RecordOutcome.Recorded, number));
        }

        public ValueTask<OnboardedNumber?> RemoveAsync(string e164, NumberRemoval removal, CancellationToken cancellationToken = default)
        {
            Removes++;
            return ValueTask.FromResult(_numbers.Remove(e164, out var removed) ? removed : null);
        }
    }
}
