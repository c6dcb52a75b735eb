using Ptp4Net.Identity;

namespace Ptp4Net.Bmca;

/// <summary>
/// foreignMasterDS of one port (IEEE 1588-2019 9.3.2.4): a bounded table of the masters heard on the port. A
/// foreign master is qualified once FOREIGN_MASTER_THRESHOLD (2) Announce messages were received from it within
/// FOREIGN_MASTER_TIME_WINDOW (4 announce intervals), as linuxptp's port.c (fc_prune, port_compute_best).
/// The table never grows: when it is full, the entry heard least recently is replaced.
/// </summary>
public sealed class ForeignMasterTable
{
    public const int Threshold = 2;
    public const int TimeWindowIntervals = 4;

    private readonly Entry[] _entries;
    private int _count;

    private struct Entry
    {
        public PortIdentity Sender;
        public AnnounceInfo Latest;
        // Receipt times (monotonic ns) of the last Threshold announces; index 0 is the newest.
        public long Rx0, Rx1;
        public int Messages;
    }

    public ForeignMasterTable(int capacity = 16)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        _entries = new Entry[capacity];
    }

    public int Count => _count;
    public int Capacity => _entries.Length;
    /// <summary>Entries replaced because the table was full.</summary>
    public long Evictions { get; private set; }

    public void Clear() => _count = 0;

    /// <summary>Records an Announce. Returns true when the sender was not in the table ("new foreign master").
    /// <paramref name="contentChanged"/> is true when the comparison fields differ from the previous Announce of the
    /// same sender, which calls for a fresh state decision (linuxptp add_foreign_master's return).</summary>
    public bool Add(in AnnounceInfo info, long rxMonotonicNs, out bool contentChanged)
    {
        var sender = info.DataSet.Sender;
        for (int i = 0; i < _count; i++)
        {
            ref var e = ref _entries[i];
            if (e.Sender != sender) continue;
            contentChanged = e.Latest.DataSet != info.DataSet || e.Latest.TimeFlags != info.TimeFlags
                || e.Latest.CurrentUtcOffset != info.CurrentUtcOffset || e.Latest.TimeSource != info.TimeSource;
            bool wasQualified = e.Messages >= Threshold;
            e.Latest = info;
            e.Rx1 = e.Rx0;
            e.Rx0 = rxMonotonicNs;
            if (e.Messages < Threshold) e.Messages++;
            if (!wasQualified && e.Messages >= Threshold) contentChanged = true;
            return false;
        }

        int slot;
        if (_count < _entries.Length)
        {
            slot = _count++;
        }
        else
        {
            slot = 0;
            for (int i = 1; i < _count; i++)
                if (_entries[i].Rx0 < _entries[slot].Rx0) slot = i;
            Evictions++;
        }
        _entries[slot] = new Entry { Sender = sender, Latest = info, Rx0 = rxMonotonicNs, Rx1 = long.MinValue, Messages = 1 };
        contentChanged = false;
        return true;
    }

    /// <summary>Drops announces older than the window (4 announce intervals before <paramref name="nowNs"/>), and
    /// entries left with none.</summary>
    public void Prune(long nowNs, long announceIntervalNs)
    {
        long oldest = nowNs - TimeWindowIntervals * announceIntervalNs;
        int w = 0;
        for (int i = 0; i < _count; i++)
        {
            var e = _entries[i];
            if (e.Messages >= 2 && e.Rx1 < oldest) e.Messages = 1;
            if (e.Rx0 < oldest) e.Messages = 0;
            if (e.Messages == 0) continue;
            _entries[w++] = e;
        }
        _count = w;
    }

    /// <summary>Removes every entry from <paramref name="sender"/>'s clock (used when a master goes silent).</summary>
    public void Remove(PortIdentity sender)
    {
        int w = 0;
        for (int i = 0; i < _count; i++)
            if (_entries[i].Sender != sender) _entries[w++] = _entries[i];
        _count = w;
    }

    /// <summary>The best qualified entry (Erbest, 9.3.2.3) by the given comparison; false when none is qualified.</summary>
    public bool TryGetBest(DatasetComparisonKind kind, out AnnounceInfo best)
    {
        best = default;
        bool found = false;
        for (int i = 0; i < _count; i++)
        {
            ref var e = ref _entries[i];
            if (e.Messages < Threshold) continue;
            if (!found || DataSetComparison.Compare(kind, e.Latest.DataSet, best.DataSet) > ComparisonResult.Error)
            {
                best = e.Latest;
                found = true;
            }
        }
        return found;
    }

    /// <summary>True when <paramref name="sender"/> is in the table and qualified.</summary>
    public bool IsQualified(PortIdentity sender)
    {
        for (int i = 0; i < _count; i++)
            if (_entries[i].Sender == sender) return _entries[i].Messages >= Threshold;
        return false;
    }
}
