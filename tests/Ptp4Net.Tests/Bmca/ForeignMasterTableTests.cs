using Ptp4Net.Bmca;
using Ptp4Net.Identity;

namespace Ptp4Net.Tests.Bmca;

public class ForeignMasterTableTests
{
    private const long Second = 1_000_000_000;

    private static AnnounceInfo Announce(ulong clock, byte p1 = 128) =>
        new(new BmcaDataSet(p1, new ClockIdentity(clock), ClockQuality.Default, 128, 0,
            new PortIdentity(new ClockIdentity(clock), 1), new PortIdentity(new ClockIdentity(0x99), 1)), 37, 0, 0xA0, 1, 0);

    [Fact]
    public void A_master_is_qualified_after_two_announces_within_four_intervals()
    {
        var t = new ForeignMasterTable();
        Assert.True(t.Add(Announce(1), 0, out bool changed));
        Assert.False(changed);
        Assert.False(t.TryGetBest(DatasetComparisonKind.Ieee1588, out _));
        Assert.False(t.Add(Announce(1), 2 * Second, out changed));
        Assert.True(changed); // newly qualified: a state decision is due
        t.Prune(2 * Second, 2 * Second);
        Assert.True(t.TryGetBest(DatasetComparisonKind.Ieee1588, out var best));
        Assert.Equal(new ClockIdentity(1), best.DataSet.GrandmasterIdentity);
    }

    [Fact]
    public void Announces_older_than_the_window_do_not_count()
    {
        var t = new ForeignMasterTable();
        t.Add(Announce(1), 0, out _);
        t.Add(Announce(1), 9 * Second, out _);
        // Window: 4 intervals of 2 s = 8 s before now; the first announce is 9 s old.
        t.Prune(9 * Second, 2 * Second);
        Assert.False(t.TryGetBest(DatasetComparisonKind.Ieee1588, out _));
        Assert.Equal(1, t.Count);
        t.Prune(20 * Second, 2 * Second);
        Assert.Equal(0, t.Count);
    }

    [Fact]
    public void The_best_qualified_entry_wins_and_unqualified_ones_are_ignored()
    {
        var t = new ForeignMasterTable();
        t.Add(Announce(5, p1: 100), 0, out _);
        t.Add(Announce(5, p1: 100), 1, out _);
        t.Add(Announce(6, p1: 50), 2, out _); // better, but heard once only
        Assert.True(t.TryGetBest(DatasetComparisonKind.Ieee1588, out var best));
        Assert.Equal(new ClockIdentity(5), best.DataSet.GrandmasterIdentity);
        t.Add(Announce(6, p1: 50), 3, out bool changed);
        Assert.True(changed);
        Assert.True(t.TryGetBest(DatasetComparisonKind.Ieee1588, out best));
        Assert.Equal(new ClockIdentity(6), best.DataSet.GrandmasterIdentity);
    }

    [Fact]
    public void Changed_content_from_a_known_master_is_reported()
    {
        var t = new ForeignMasterTable();
        t.Add(Announce(1), 0, out _);
        t.Add(Announce(1), 1, out _);
        t.Add(Announce(1), 2, out bool changed);
        Assert.False(changed);
        t.Add(Announce(1, p1: 3), 3, out changed);
        Assert.True(changed);
    }

    [Fact]
    public void The_table_is_bounded_and_replaces_the_least_recently_heard()
    {
        var t = new ForeignMasterTable(capacity: 3);
        for (ulong c = 1; c <= 3; c++) t.Add(Announce(c), (long)c, out _);
        t.Add(Announce(1), 10, out _); // 1 heard again: now 2 is the stalest
        Assert.True(t.Add(Announce(4), 11, out _));
        Assert.Equal(3, t.Count);
        Assert.Equal(1, t.Evictions);
        t.Add(Announce(2), 12, out _);
        Assert.Equal(2, t.Evictions); // 2 had been evicted, so it is new again
        Assert.True(t.IsQualified(new PortIdentity(new ClockIdentity(1), 1)));
    }
}
