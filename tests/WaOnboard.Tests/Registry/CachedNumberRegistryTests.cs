using WaOnboard.Registry;

namespace WaOnboard.Tests.Registry;

public sealed class CachedNumberRegistryTests
{
    private static readonly OnboardedNumber Acme = new("+33612345678", "104857600000042", "Acme Bank", DateTimeOffset.UnixEpoch);

    private readonly CountingRegistry _store = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public void ALookUpWithinTheTimeToLiveIsAnsweredFromMemory()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromSeconds(1), _clock);
        cache.Find(Acme.E164);

        _clock.Advance(TimeSpan.FromMilliseconds(900));
        cache.Find(Acme.E164);

        Assert.Equal(1, _store.Finds);
    }

    [Fact]
    public void ALookUpAfterTheTimeToLiveAsksTheStoreAgainAndSeesANewRecord()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromSeconds(1), _clock);
        Assert.Null(cache.Find(Acme.E164));
        _store.Record(Acme); // by another process, behind the cache's back

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Acme, cache.Find(Acme.E164));
        Assert.Equal(2, _store.Finds);
    }

    [Fact]
    public void ARecordingThroughTheCacheIsSeenAtOnce()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromMinutes(1), _clock);
        Assert.Null(cache.Find(Acme.E164));

        var (outcome, _) = cache.Record(Acme);

        Assert.Equal(RecordOutcome.Recorded, outcome);
        Assert.Equal(Acme, cache.Find(Acme.E164));
    }

    [Fact]
    public void RecordingAlwaysGoesToTheStore()
    {
        var cache = new CachedNumberRegistry(_store, TimeSpan.FromMinutes(1), _clock);
        cache.Record(Acme);

        var (outcome, holder) = cache.Record(Acme with { BusinessId = "104857600000099" });

        Assert.Equal(RecordOutcome.Conflict, outcome);
        Assert.Equal(Acme, holder);
        Assert.Equal(2, _store.Records);
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

        public OnboardedNumber? Find(string e164)
        {
            Finds++;
            return _numbers.GetValueOrDefault(e164);
        }

        public (RecordOutcome Outcome, OnboardedNumber Holder) Record(OnboardedNumber number)
        {
            Records++;
            if (_numbers.TryGetValue(number.E164, out var holder))
            {
                return (holder.IsSameBusinessAs(number) ? RecordOutcome.AlreadyRecorded : RecordOutcome.Conflict, holder);
            }
            _numbers[number.E164] = number;
            return (RecordOutcome.Recorded, number);
        }
    }
}
