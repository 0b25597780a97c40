using System.Collections.Concurrent;

namespace WaOnboard.Registry;

/// <summary>Remembers look-ups of another registry for a short time; recordings always go to that registry.</summary>
/// <remarks>
/// Every validated packet looks its number up, and a form checks the same packet again and again as the user fixes
/// it: measured under load, the SQLite look-up cost three times the rules themselves. Recording stays exact (the
/// store's atomic insert decides), and what this instance records or removes is seen at once. Only a recording made by another
/// process or instance can go unseen by <see cref="FindAsync"/>, for at most the time to live.
/// </remarks>
public sealed class CachedNumberRegistry : INumberRegistry
{
    private readonly INumberRegistry _inner;
    private readonly TimeProvider _time;
    private readonly long _timeToLive;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Caches the look-ups of <paramref name="inner"/> for <paramref name="timeToLive"/>, at most <paramref name="capacity"/> numbers.</summary>
    public CachedNumberRegistry(INumberRegistry inner, TimeSpan timeToLive, TimeProvider? time = null, int capacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        _inner = inner;
        _time = time ?? TimeProvider.System;
        _timeToLive = (long)(timeToLive.TotalSeconds * _time.TimestampFrequency);
        _capacity = capacity;
    }

    /// <inheritdoc />
    public ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default)
    {
        var now = _time.GetTimestamp();
        if (_entries.TryGetValue(e164, out var cached) && now < cached.Expires)
        {
            return ValueTask.FromResult(cached.Holder);
        }
        return FindAndRememberAsync(e164, now, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<RecordResult> RecordAsync(OnboardedNumber number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        var result = await _inner.RecordAsync(number, cancellationToken).ConfigureAwait(false);
        Remember(number.E164, result.Holder, _time.GetTimestamp());
        return result;
    }

    /// <inheritdoc />
    public async ValueTask<OnboardedNumber?> RemoveAsync(string e164, NumberRemoval removal, CancellationToken cancellationToken = default)
    {
        var removed = await _inner.RemoveAsync(e164, removal, cancellationToken).ConfigureAwait(false);
        // Forgotten: the next look-up asks the store again.
        _entries.TryRemove(e164, out _);
        return removed;
    }

    private async ValueTask<OnboardedNumber?> FindAndRememberAsync(string e164, long now, CancellationToken cancellationToken)
    {
        var holder = await _inner.FindAsync(e164, cancellationToken).ConfigureAwait(false);
        Remember(e164, holder, now);
        return holder;
    }

    private void Remember(string e164, OnboardedNumber? holder, long now)
    {
        if (_entries.Count >= _capacity)
        {
            // Crude but bounded: a cache this full is mostly numbers checked once.
            _entries.Clear();
        }
        var entry = new Entry(holder, now + _timeToLive);
        // A look-up that started before a recording finishes after it: it must not hide the holder the recording set.
        _entries.AddOrUpdate(e164, entry, (_, old) => holder is null && old.Holder is not null && now < old.Expires ? old : entry);
    }

    private sealed record Entry(OnboardedNumber? Holder, long Expires);
}
