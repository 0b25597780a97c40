using WaOnboard.Findings;

namespace WaOnboard.Rules;

/// <summary>
/// The findings of a run in rule-set order (the loader's first, then rule by rule, each rule's in the order it reached
/// its places), whatever order the plan ran the rules in: each finding carries a rank, its rule's index then a sequence
/// number. At most <see cref="RuleRun.MaxFindings"/> are kept, the first ones by rank, and the rest only counted.
/// </summary>
/// <remarks>
/// Once full, the kept findings are a max-heap on rank: a later finding that ranks before the last kept one takes its
/// place, so memory stays bounded and the report is the one a rule-by-rule run makes.
/// </remarks>
internal sealed class RankedFindings(int capacity)
{
    private Finding[] _findings = [];
    private long[] _ranks = [];
    private int _count;
    private bool _heap;
    private int _unlistedErrors;
    private int _unlistedWarnings;
    private int _unlistedInfos;

    /// <summary>The counts of the findings that were not kept, or null when every finding was.</summary>
    public Summary? Unlisted => _unlistedErrors + _unlistedWarnings + _unlistedInfos == 0 ? null : new Summary(_unlistedErrors, _unlistedWarnings, _unlistedInfos);

    /// <summary>True (and counted) when a finding of this rank would not be kept: asked before it is built, so that none is.</summary>
    public bool IsUnlisted(Severity severity, long rank)
    {
        if (_count < capacity)
        {
            return false;
        }
        MakeHeap();
        if (capacity > 0 && rank < _ranks[0])
        {
            return false;
        }
        Count(severity);
        return true;
    }

    /// <summary>Keeps a finding, or counts it (or the last kept one, which it then replaces) when the report is full.</summary>
    public void Add(Finding finding, long rank)
    {
        if (_count < capacity)
        {
            if (_count == _findings.Length)
            {
                // From one: most reports are short, and an array that fits is the report's own.
                var size = Math.Min(capacity, Math.Max(1, _count * 2));
                Array.Resize(ref _findings, size);
                Array.Resize(ref _ranks, size);
            }
            _findings[_count] = finding;
            _ranks[_count++] = rank;
            return;
        }
        if (IsUnlisted(finding.Severity, rank))
        {
            return;
        }
        Count(_findings[0].Severity);
        _findings[0] = finding;
        _ranks[0] = rank;
        SiftDown(0);
    }

    /// <summary>The kept findings in rank order, with room for one more at the end when <paramref name="extra"/> is given.</summary>
    public Finding[] InOrder(Finding? extra)
    {
        var ranks = _ranks.AsSpan(0, _count);
        var findings = _findings.AsSpan(0, _count);
        if (_heap || !IsAscending(ranks))
        {
            ranks.Sort(findings);
        }
        if (extra is null && _count == _findings.Length)
        {
            return _findings;
        }
        var result = new Finding[_count + (extra is null ? 0 : 1)];
        findings.CopyTo(result);
        if (extra is not null)
        {
            result[^1] = extra;
        }
        return result;
    }

    private static bool IsAscending(ReadOnlySpan<long> ranks)
    {
        for (var i = 1; i < ranks.Length; i++)
        {
            if (ranks[i] < ranks[i - 1])
            {
                return false;
            }
        }
        return true;
    }

    private void Count(Severity severity) => _ = severity switch
    {
        Severity.Error => ++_unlistedErrors,
        Severity.Warning => ++_unlistedWarnings,
        _ => ++_unlistedInfos,
    };

    private void MakeHeap()
    {
        if (_heap)
        {
            return;
        }
        _heap = true;
        for (var i = _count / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var largest = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < _count && _ranks[left] > _ranks[largest])
            {
                largest = left;
            }
            if (right < _count && _ranks[right] > _ranks[largest])
            {
                largest = right;
            }
            if (largest == i)
            {
                return;
            }
            (_ranks[i], _ranks[largest]) = (_ranks[largest], _ranks[i]);
            (_findings[i], _findings[largest]) = (_findings[largest], _findings[i]);
            i = largest;
        }
    }
}
