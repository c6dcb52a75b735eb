using Ptp4Net.DataSets;
using Ptp4Net.Engine;
using Ptp4Net.StateMachine;

namespace Ptp4Net.Tests.Engine;

/// <summary>Several engines wired together by <see cref="TestNetwork"/>: the protocol end to end, no simulator.</summary>
public class ScenarioTests
{
    private const long Second = 1_000_000_000;

    private static PortOptions Port(string name, DelayMechanism dm = DelayMechanism.E2E) => new()
    {
        Name = name, LogSyncInterval = -3, LogMinDelayReqInterval = -3, LogMinPdelayReqInterval = -3, LogAnnounceInterval = 0,
        DelayMechanism = dm,
    };

    private static double MaxAbsOffsetOver(TestNetwork net, int gm, int node, long until, long step = Second / 10)
    {
        double max = 0;
        for (long t = net.Now; t < until; t += step)
        {
            net.RunUntil(t);
            max = Math.Max(max, Math.Abs(net.TrueOffset(gm, node)));
        }
        return max;
    }

    [Fact]
    public void P2P_pair_locks_and_measures_the_link_delay()
    {
        var net = new TestNetwork();
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100 }, [Port("a", DelayMechanism.P2P)], 0, 0, 1);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2) }, [Port("b", DelayMechanism.P2P)], -30_000, -400_000, 2);
        net.Connect(gm, 0, sl, 0, 700, 700);
        net.StartAll();
        net.RunUntil(40 * Second);
        Assert.Equal(PortState.Slave, net.Nodes[sl].Engine.GetPortState(0));
        Assert.InRange(net.Nodes[sl].Engine.GetPathDelayNs(0), 690, 710);
        // The master measures the same link from its side.
        Assert.InRange(net.Nodes[gm].Engine.GetPathDelayNs(0), 690, 710);
        Assert.True(MaxAbsOffsetOver(net, gm, sl, 50 * Second) < 50);
    }

    [Fact]
    public void One_step_master_and_two_step_master_both_lock_a_slave()
    {
        foreach (bool twoStep in new[] { false, true })
        {
            var net = new TestNetwork();
            int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100, TwoStepFlag = twoStep }, [Port("a")], 0, 0, 1);
            int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2) }, [Port("b")], 20_000, 2_000_000, 2);
            net.Connect(gm, 0, sl, 0, 1_500, 1_500);
            net.StartAll();
            net.RunUntil(40 * Second);
            Assert.Equal(PortState.Slave, net.Nodes[sl].Engine.GetPortState(0));
            Assert.True(MaxAbsOffsetOver(net, gm, sl, 50 * Second) < 50, $"twoStep={twoStep}");
        }
    }

    [Fact]
    public void Boundary_clock_relays_time_and_steps_removed()
    {
        var net = new TestNetwork();
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100, PathTraceEnabled = true }, [Port("gm")], 0, 0, 1);
        int bc = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2), PathTraceEnabled = true }, [Port("up"), Port("down")], 15_000, 300_000, 2);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(3), PathTraceEnabled = true }, [Port("sl")], -25_000, -700_000, 3);
        net.Connect(gm, 0, bc, 0, 1_000, 1_000);
        net.Connect(bc, 1, sl, 0, 2_000, 2_000);
        byte[]? bcAnnounce = null;
        net.OnSend = (node, port, bytes) => { if (node == bc && port == 1 && (bytes[0] & 0x0F) == 0xB) bcAnnounce = bytes; };
        net.StartAll();
        net.RunUntil(60 * Second);

        // The BC's Announce downstream: the GM's data, stepsRemoved 1, and the path trace GM → BC (16.2).
        Assert.NotNull(bcAnnounce);
        var ann = Msg.Parse(bcAnnounce);
        Assert.Equal(TestNetwork.Id(1), ann.Announce.GrandmasterIdentity);
        Assert.Equal(1, ann.Announce.StepsRemoved);
        Assert.True(ann.TryGetFirstTlv(out var trace));
        Assert.Equal(Ptp4Net.Messages.TlvType.PathTrace, trace.Type);
        Assert.Equal(16, trace.Value.Length);
        Assert.Equal(TestNetwork.Id(1), Ptp4Net.Identity.ClockIdentity.Read(trace.Value));
        Assert.Equal(TestNetwork.Id(2), Ptp4Net.Identity.ClockIdentity.Read(trace.Value[8..]));

        var b = net.Nodes[bc].Engine;
        Assert.Equal(PortState.Slave, b.GetPortState(0));
        Assert.Equal(PortState.Master, b.GetPortState(1));
        var s = net.Nodes[sl].Engine;
        Assert.Equal(PortState.Slave, s.GetPortState(0));
        Assert.Equal(2, s.CurrentDataSet.StepsRemoved);
        Assert.Equal(TestNetwork.Id(1), s.ParentDataSet.GrandmasterIdentity);
        Assert.Equal(TestNetwork.Id(2), s.ParentDataSet.ParentPortIdentity.ClockIdentity);
        Assert.InRange(s.GetPathDelayNs(0), 1_900, 2_100);
        Assert.True(MaxAbsOffsetOver(net, gm, sl, 80 * Second) < 100);
    }

    [Fact]
    public void Failover_to_the_second_master_when_the_first_goes_silent_and_back_when_it_returns()
    {
        var net = new TestNetwork();
        int gm1 = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 10 }, [Port("g1")], 0, 0, 1);
        int gm2 = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2), Priority1 = 20 }, [Port("g2")], 0, 50_000, 2);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(3) }, [Port("s")], 10_000, 100_000, 3);
        net.Connect(gm1, 0, sl, 0, 1_000, 1_000);
        net.Connect(gm1, 0, gm2, 0, 1_000, 1_000);
        net.Connect(gm2, 0, sl, 0, 1_000, 1_000);
        long silentFrom = 30 * Second, silentTo = 70 * Second;
        net.Deliver = (from, _) => from != gm1 || net.Now < silentFrom || net.Now >= silentTo;
        net.StartAll();

        net.RunUntil(silentFrom);
        Assert.Equal(TestNetwork.Id(1), net.Nodes[sl].Engine.ParentDataSet.GrandmasterIdentity);
        Assert.Equal(PortState.Slave, net.Nodes[gm2].Engine.GetPortState(0)); // the lesser master follows too

        net.RunUntil(silentTo - Second);
        Assert.Equal(TestNetwork.Id(2), net.Nodes[sl].Engine.ParentDataSet.GrandmasterIdentity);
        Assert.Equal(PortState.Slave, net.Nodes[sl].Engine.GetPortState(0));
        Assert.Equal(PortState.Master, net.Nodes[gm2].Engine.GetPortState(0));
        Assert.Contains(net.Nodes[sl].Log, l => l == "selected best master clock 001122.fffe.334402");

        net.RunUntil(silentTo + 10 * Second);
        Assert.Equal(TestNetwork.Id(1), net.Nodes[sl].Engine.ParentDataSet.GrandmasterIdentity);
        Assert.Equal(PortState.Slave, net.Nodes[gm2].Engine.GetPortState(0));
    }

    [Fact]
    public void Boundary_clock_port_hearing_a_worse_master_qualifies_through_pre_master()
    {
        var e = new PtpClockEngine(new ClockOptions { ClockIdentity = TestNetwork.Id(9) },
            [Port("up"), Port("down")], new SeededRandomSource(3));
        e.Start(0);
        var better = new Ptp4Net.Identity.PortIdentity(TestNetwork.Id(1), 1);
        var worse = new Ptp4Net.Identity.PortIdentity(new Ptp4Net.Identity.ClockIdentity(0xFFFF_FFFF_FFFF_FF00), 1);
        e.OnMessage(0, Msg.Announce(better, 1, priority1: 1), default, 1);
        var lines = e.OnMessage(0, Msg.Announce(better, 2, priority1: 1), default, 2).ToArray().Select(a => LogText.Format(a, e)).ToList();
        Assert.Contains("port 1 (up): LISTENING to UNCALIBRATED on RS_SLAVE", lines);
        Assert.Equal(PortState.Listening, e.GetPortState(1)); // nothing heard there yet: no recommendation (ptp4l)
        e.OnMessage(1, Msg.Announce(worse, 1, priority1: 250), default, 3);
        var actions = e.OnMessage(1, Msg.Announce(worse, 2, priority1: 250), default, 4).ToArray();
        lines = actions.Select(a => LogText.Format(a, e)).ToList();
        Assert.Contains("port 2 (down): LISTENING to PRE_MASTER on RS_MASTER", lines);
        // 9.2.6.11: (stepsRemoved + 1) announce intervals; stepsRemoved is now 1.
        var q = actions.Single(a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.Qualification);
        Assert.Equal((1, 2 * Second), (q.Port, q.DurationNs));
        actions = e.OnTimer(1, TimerKind.Qualification, 2 * Second).ToArray();
        Assert.Contains("port 2 (down): PRE_MASTER to MASTER on QUALIFICATION_TIMEOUT_EXPIRES", actions.Select(a => LogText.Format(a, e)));
        Assert.Contains(actions, a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.SyncTransmit && a.Port == 1);
    }

    [Fact]
    public void Free_running_slave_measures_but_never_adjusts()
    {
        var net = new TestNetwork();
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100 }, [Port("a")], 0, 0, 1);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2), FreeRunning = true }, [Port("b")], 10_000, 1_000_000, 2);
        net.Connect(gm, 0, sl, 0, 1_000, 1_000);
        net.StartAll();
        net.RunUntil(20 * Second);
        var n = net.Nodes[sl];
        Assert.Equal(0, n.Steps);
        Assert.Equal(0, n.AdjPpb);
        Assert.Equal(PortState.Uncalibrated, n.Engine.GetPortState(0));
        Assert.NotEmpty(n.Samples);
        // The measured offset is the true one (1 ms plus 10 ppm of drift), within the timestamp arithmetic.
        Assert.InRange(n.Samples[^1].Offset - net.TrueOffset(gm, sl), -200_000, 200_000);
        Assert.InRange(n.Samples[^1].Offset, 1_000_000, 1_300_000);
    }

    [Fact]
    public void Twenty_percent_loss_still_locks()
    {
        var net = new TestNetwork();
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100 }, [Port("a")], 0, 0, 1);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2) }, [Port("b")], 40_000, 500_000, 2);
        net.Connect(gm, 0, sl, 0, 1_000, 1_000);
        var rng = new Random(1234);
        net.Deliver = (_, _) => rng.NextDouble() >= 0.2;
        net.StartAll();
        net.RunUntil(60 * Second);
        Assert.Equal(PortState.Slave, net.Nodes[sl].Engine.GetPortState(0));
        Assert.True(MaxAbsOffsetOver(net, gm, sl, 80 * Second) < 100);
    }
}

public class OutlierScenarioTests
{
    private const long Second = 1_000_000_000;

    private static double RunWithDelayedSyncs(bool reject)
    {
        var net = new TestNetwork();
        var port = new PortOptions { LogSyncInterval = -3, LogMinDelayReqInterval = -3, LogAnnounceInterval = 0 };
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100 }, [port with { Name = "a" }], 0, 0, 1);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2), RejectOffsetOutliers = reject }, [port with { Name = "b" }], 30_000, 300_000, 2);
        net.Connect(gm, 0, sl, 0, 1_000, 1_000);
        int syncs = 0;
        // Every 50th Sync from the master waits 200 µs in a queue (2 % of Syncs).
        net.ExtraDelay = (from, bytes) => from == gm && (bytes[0] & 0x0F) == 0 && ++syncs % 50 == 0 ? 200_000 : 0;
        net.StartAll();
        net.RunUntil(40 * Second);
        double max = 0;
        for (long t = net.Now; t < 80 * Second; t += Second / 20)
        {
            net.RunUntil(t);
            max = Math.Max(max, Math.Abs(net.TrueOffset(gm, sl)));
        }
        if (reject) Assert.True(net.Nodes[sl].Engine.Counters.RejectedOffsetOutliers > 10);
        return max;
    }

    [Fact]
    public void Rejecting_offset_outliers_keeps_delayed_syncs_out_of_the_servo()
    {
        double plain = RunWithDelayedSyncs(reject: false);
        double filtered = RunWithDelayedSyncs(reject: true);
        Assert.True(plain > 10_000, $"ptp4l-like: a 200 µs Sync kicks the clock ({plain} ns)");
        Assert.True(filtered < 100, $"with rejection: {filtered} ns");
    }
}

public class StartupAccuracyTests
{
    private const long Second = 1_000_000_000;

    /// <summary>|true offset| right after the first step, and the delay estimate then.</summary>
    private static (long AfterStep, long Delay) FirstStep(bool improved)
    {
        var net = new TestNetwork();
        var port = new PortOptions { LogSyncInterval = -3, LogMinDelayReqInterval = -3, LogAnnounceInterval = 0 };
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100 }, [port with { Name = "a" }], 0, 0, 1);
        int sl = net.Add(new ClockOptions
        {
            ClockIdentity = TestNetwork.Id(2), EstimateRateFromSync = improved, FirstSampleAfterDelay = improved,
        }, [port with { Name = "b" }], 50_000, 1_000_000, 2);
        net.Connect(gm, 0, sl, 0, 1_000, 1_000);
        long after = long.MinValue, delay = 0;
        net.AfterStep = n =>
        {
            if (n != sl || after != long.MinValue) return;
            after = net.TrueOffset(gm, sl);
            delay = net.Nodes[sl].Engine.GetPathDelayNs(0);
        };
        net.StartAll();
        net.RunUntil(30 * Second);
        Assert.NotEqual(long.MinValue, after);
        return (Math.Abs(after), delay);
    }

    [Fact]
    public void Waiting_for_a_rate_corrected_delay_puts_the_first_step_on_target()
    {
        var (plain, plainDelay) = FirstStep(improved: false);
        var (better, betterDelay) = FirstStep(improved: true);
        // ptp4l's way: the first offsets use delay 0 (or a delay biased by the 50 ppm error), the step misses by ~1 µs.
        Assert.True(plain > 500, $"plain step error {plain} ns (delay {plainDelay})");
        Assert.InRange(betterDelay, 990, 1_010);
        Assert.True(better < 60, $"improved step error {better} ns");
    }
}
