using Ptp4Net.Bmca;
using Ptp4Net.Identity;
using R = Ptp4Net.Bmca.ComparisonResult;

namespace Ptp4Net.Tests.Bmca;

public class DataSetComparisonTests
{
    private static readonly ClockIdentity GmA = new(0x0000_00FF_FE00_000A);
    private static readonly ClockIdentity GmB = new(0x0000_00FF_FE00_000B);
    private static readonly PortIdentity Local1 = new(new ClockIdentity(0x0000_00FF_FE00_0100), 1);
    private static readonly PortIdentity Local2 = new(new ClockIdentity(0x0000_00FF_FE00_0100), 2);

    private static BmcaDataSet Ds(ClockIdentity gm, byte p1 = 128, byte cls = 248, ClockAccuracy acc = ClockAccuracy.Unknown,
        ushort var = 0xFFFF, byte p2 = 128, ushort steps = 0, PortIdentity? sender = null, PortIdentity? receiver = null,
        byte local = 128) =>
        new(p1, gm, new ClockQuality(cls, acc, var), p2, steps, sender ?? new PortIdentity(gm, 1), receiver ?? Local1, local);

    private static void AssertBoth(R expected, BmcaDataSet a, BmcaDataSet b)
    {
        Assert.Equal(expected, DataSetComparison.Compare(a, b));
        Assert.Equal((R)(-(sbyte)expected), DataSetComparison.Compare(b, a));
    }

    [Fact]
    public void Priority1_decides_first_even_against_a_better_class() =>
        AssertBoth(R.ABetter, Ds(GmB, p1: 100, cls: 248), Ds(GmA, p1: 101, cls: 6));

    [Fact]
    public void Clock_class_decides_after_priority1() =>
        AssertBoth(R.ABetter, Ds(GmB, cls: 6, acc: ClockAccuracy.Unknown), Ds(GmA, cls: 7, acc: ClockAccuracy.Within25ns));

    [Fact]
    public void Accuracy_decides_after_class() =>
        AssertBoth(R.ABetter, Ds(GmB, acc: ClockAccuracy.Within100ns, var: 0xFFFF), Ds(GmA, acc: ClockAccuracy.Within1us, var: 0x1000));

    [Fact]
    public void Variance_decides_after_accuracy() =>
        AssertBoth(R.ABetter, Ds(GmB, var: 0x4000, p2: 200), Ds(GmA, var: 0x4001, p2: 1));

    [Fact]
    public void Priority2_decides_after_variance() =>
        AssertBoth(R.ABetter, Ds(GmB, p2: 127), Ds(GmA, p2: 128));

    [Fact]
    public void Identity_is_the_final_tie_breaker() =>
        AssertBoth(R.ABetter, Ds(GmA), Ds(GmB));

    [Fact]
    public void Same_grandmaster_two_or_more_steps_shorter_is_better_outright() =>
        AssertBoth(R.ABetter, Ds(GmA, steps: 1), Ds(GmA, steps: 3));

    [Fact]
    public void Same_grandmaster_one_step_shorter_is_better_when_the_longer_path_came_through_a_lower_receiver()
    {
        // B's receiver (our port) is lower than B's sender: A is simply better (Figure 35).
        var sender = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0200), 1);
        var a = Ds(GmA, steps: 1, sender: new PortIdentity(GmA, 1));
        var b = Ds(GmA, steps: 2, sender: sender, receiver: Local1);
        AssertBoth(R.ABetter, a, b);
    }

    [Fact]
    public void Same_grandmaster_one_step_shorter_is_only_better_by_topology_when_the_receiver_is_higher()
    {
        var sender = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0001), 1);
        var a = Ds(GmA, steps: 1, sender: new PortIdentity(GmA, 1));
        var b = Ds(GmA, steps: 2, sender: sender, receiver: Local1);
        AssertBoth(R.ABetterByTopology, a, b);
    }

    [Fact]
    public void Error_1_the_longer_path_was_received_from_ourselves()
    {
        var a = Ds(GmA, steps: 1);
        var b = Ds(GmA, steps: 2, sender: Local1, receiver: Local1);
        Assert.Equal(R.Error, DataSetComparison.Compare(a, b));
    }

    [Fact]
    public void Equal_steps_are_ordered_by_sender_identity()
    {
        var s1 = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0201), 1);
        var s2 = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0202), 1);
        AssertBoth(R.ABetterByTopology, Ds(GmA, steps: 2, sender: s1), Ds(GmA, steps: 2, sender: s2));
        // Same sender clock, lower port number wins.
        var s1p2 = new PortIdentity(s1.ClockIdentity, 2);
        AssertBoth(R.ABetterByTopology, Ds(GmA, steps: 2, sender: s1), Ds(GmA, steps: 2, sender: s1p2));
    }

    [Fact]
    public void Equal_steps_and_sender_are_ordered_by_receiving_port()
    {
        var s = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0201), 1);
        AssertBoth(R.ABetterByTopology, Ds(GmA, steps: 2, sender: s, receiver: Local1), Ds(GmA, steps: 2, sender: s, receiver: Local2));
    }

    [Fact]
    public void Error_2_the_same_message_twice()
    {
        var s = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0201), 1);
        var a = Ds(GmA, steps: 2, sender: s);
        Assert.Equal(R.Error, DataSetComparison.Compare(a, a));
    }

    [Fact]
    public void Local_data_set_D0_against_a_foreign_master_of_the_same_identity_uses_topology()
    {
        var d0 = BmcaDataSet.FromDefault(128, GmA, ClockQuality.Default, 128);
        Assert.Equal(0, d0.StepsRemoved);
        AssertBoth(R.ABetter, d0, Ds(GmA, steps: 2));
    }

    [Fact]
    public void Telecom_ignores_priority1_and_uses_local_priority_after_priority2()
    {
        // priority1 would make B better in 1588; G.8275.x does not look at it.
        var a = Ds(GmB, p1: 255, local: 10);
        var b = Ds(GmA, p1: 0, local: 20);
        Assert.Equal(R.ABetter, DataSetComparison.CompareTelecom(a, b));
        Assert.Equal(R.BBetter, DataSetComparison.Compare(a, b));
        // priority2 still comes before localPriority.
        Assert.Equal(R.BBetter, DataSetComparison.CompareTelecom(Ds(GmB, p2: 129, local: 1), Ds(GmA, p2: 128, local: 200)));
        // class before everything.
        Assert.Equal(R.ABetter, DataSetComparison.CompareTelecom(Ds(GmB, cls: 6, p2: 255), Ds(GmA, cls: 7, p2: 0)));
        Assert.Equal(R.ABetter, DataSetComparison.Compare(DatasetComparisonKind.G8275x, a, b));
    }

    [Fact]
    public void Telecom_compares_topology_before_identity_for_grandmaster_capable_clocks()
    {
        // Class 6 (≤ 127): steps removed decide even between different grandmasters.
        var near = Ds(GmB, cls: 6, steps: 0);
        var far = Ds(GmA, cls: 6, steps: 2, sender: new PortIdentity(GmA, 1));
        Assert.Equal(R.ABetter, DataSetComparison.CompareTelecom(near, far));
        // Class 248: the identity decides.
        Assert.Equal(R.BBetter, DataSetComparison.CompareTelecom(Ds(GmB, steps: 0), Ds(GmA, steps: 2)));
    }
}
