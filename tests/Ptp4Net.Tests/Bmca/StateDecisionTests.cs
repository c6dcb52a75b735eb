using Ptp4Net.Bmca;
using Ptp4Net.Identity;

namespace Ptp4Net.Tests.Bmca;

public class StateDecisionTests
{
    private static readonly ClockIdentity Self = new(0x0000_00FF_FE00_0100);
    private static readonly PortIdentity Port1 = new(Self, 1);
    private static readonly PortIdentity Port2 = new(Self, 2);

    private static BmcaDataSet D0(byte p1 = 128, byte cls = 248) => BmcaDataSet.FromDefault(p1, Self, new ClockQuality(cls, ClockAccuracy.Unknown, 0xFFFF), 128);

    private static BmcaDataSet Foreign(ulong gm, byte p1 = 128, ushort steps = 0, PortIdentity? sender = null, PortIdentity? receiver = null) =>
        new(p1, new ClockIdentity(gm), ClockQuality.Default, 128, steps, sender ?? new PortIdentity(new ClockIdentity(gm), 1), receiver ?? Port1);

    private static RecommendedState Decide(BmcaDataSet d0, BmcaDataSet? ebest, BmcaDataSet? erbest, bool holdsEbest, bool listening = false) =>
        StateDecision.Decide(DatasetComparisonKind.Ieee1588, d0, d0.Quality.ClockClass, ebest, erbest, holdsEbest, listening);

    [Fact]
    public void Listening_port_without_a_qualified_master_gets_no_recommendation() =>
        Assert.Equal(RecommendedState.NoChange, Decide(D0(), null, null, false, listening: true));

    [Fact]
    public void M1_grandmaster_capable_clock_better_than_what_the_port_hears()
    {
        var f = Foreign(0x1, p1: 200);
        Assert.Equal(RecommendedState.GrandMaster, Decide(D0(cls: 6), f, f, true));
    }

    [Fact]
    public void P1_grandmaster_capable_clock_worse_than_what_the_port_hears()
    {
        var f = Foreign(0x1, p1: 1);
        Assert.Equal(RecommendedState.Passive, Decide(D0(cls: 6), f, f, true));
    }

    [Fact]
    public void M2_local_clock_better_than_ebest()
    {
        var f = Foreign(0xFFFF_FFFF_FFFF_FFFF, p1: 200);
        Assert.Equal(RecommendedState.GrandMaster, Decide(D0(), f, f, true));
        Assert.Equal(RecommendedState.GrandMaster, Decide(D0(), null, null, false));
    }

    [Fact]
    public void S1_port_that_received_ebest_is_slave()
    {
        var f = Foreign(0x1, p1: 1);
        Assert.Equal(RecommendedState.Slave, Decide(D0(), f, f, true));
    }

    [Fact]
    public void M3_other_port_holds_ebest_and_this_port_hears_nothing_better()
    {
        var ebest = Foreign(0x1, p1: 1, receiver: Port1);
        var erbest = Foreign(0x2, p1: 50, receiver: Port2);
        Assert.Equal(RecommendedState.Master, Decide(D0(), ebest, erbest, false));
        Assert.Equal(RecommendedState.Master, Decide(D0(), ebest, null, false));
    }

    [Fact]
    public void P2_this_port_hears_the_same_grandmaster_by_a_topologically_worse_path()
    {
        var up = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0200), 1);
        var other = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0300), 1);
        var ebest = Foreign(0x1, p1: 1, steps: 1, sender: up, receiver: Port1);
        var erbest = Foreign(0x1, p1: 1, steps: 1, sender: other, receiver: Port2);
        Assert.Equal(RecommendedState.Passive, Decide(D0(), ebest, erbest, false));
    }
}
