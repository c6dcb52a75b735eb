using Ptp4Net.Engine;
using Ptp4Net.StateMachine;
using static Ptp4Net.Tests.Engine.EngineProbe;

namespace Ptp4Net.Tests.Engine;

/// <summary>Slave side Sync / Follow_Up handling: matching, reordering, duplicates, loss, wrap, corrections.</summary>
public class SyncMatchingTests
{
    private const long Origin = 900 * Second;
    // The probe's clock is 5 µs ahead of the master; no path delay measured yet (ptp4l samples with 0 until then).
    private const long Ahead = 5_000;

    private static EngineProbe Slave()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true });
        p.FollowMaster();
        return p;
    }

    private static void Pair(EngineProbe p, ushort seq, long t1, bool followUpFirst = false)
    {
        var sync = Msg.Sync(Master, seq, twoStep: true);
        var fup = Msg.FollowUp(Master, seq, t1);
        if (followUpFirst)
        {
            p.Rx(fup);
            p.Rx(sync, t1 + Ahead);
        }
        else
        {
            p.Rx(sync, t1 + Ahead);
            p.Rx(fup);
        }
    }

    [Fact]
    public void Two_step_pair_gives_one_sample_and_the_slave_state()
    {
        var p = Slave();
        Pair(p, 10, Origin);
        Assert.Equal([(Ahead, Origin + Ahead)], p.Servo.Samples);
        Assert.Equal(PortState.Slave, p.Engine.GetPortState(0));
        Assert.Equal(0.125, p.Servo.SyncInterval);
    }

    [Fact]
    public void Follow_up_before_its_sync_is_matched()
    {
        var p = Slave();
        Pair(p, 10, Origin, followUpFirst: true);
        Assert.Single(p.Servo.Samples);
        Assert.Equal(Ahead, p.Servo.Samples[0].Offset);
    }

    [Fact]
    public void Duplicates_are_dropped_and_counted()
    {
        var p = Slave();
        Pair(p, 10, Origin);
        p.Rx(Msg.Sync(Master, 10, twoStep: true), Origin + Ahead);
        p.Rx(Msg.FollowUp(Master, 10, Origin));
        Assert.Single(p.Servo.Samples);
        Assert.Equal(2, p.Engine.GetPortCounters(0).RxDrops(RxDropReason.Duplicate));
    }

    [Fact]
    public void A_lost_follow_up_does_not_pair_its_sync_with_the_next_one()
    {
        var p = Slave();
        p.Rx(Msg.Sync(Master, 10, twoStep: true), Origin + Ahead);               // Follow_Up 10 lost
        p.Rx(Msg.Sync(Master, 11, twoStep: true), Origin + Second / 8 + Ahead + 100);
        p.Rx(Msg.FollowUp(Master, 11, Origin + Second / 8));
        Assert.Equal([Ahead + 100], p.Servo.Samples.Select(s => s.Offset));
        Assert.Equal(1, p.Engine.GetPortCounters(0).FollowUpMismatches);
    }

    [Fact]
    public void A_late_follow_up_of_an_abandoned_sync_is_stale()
    {
        var p = Slave();
        p.Rx(Msg.Sync(Master, 10, twoStep: true), Origin + Ahead);
        p.Rx(Msg.Sync(Master, 11, twoStep: true), Origin + Second / 8 + Ahead);
        p.Rx(Msg.FollowUp(Master, 10, Origin));                                  // reordered, too late
        Assert.Empty(p.Servo.Samples);
        Assert.Equal(1, p.Engine.GetPortCounters(0).RxDrops(RxDropReason.StaleSequence));
        p.Rx(Msg.FollowUp(Master, 11, Origin + Second / 8));
        Assert.Single(p.Servo.Samples);
    }

    [Fact]
    public void Sequence_ids_wrap_from_65535_to_0()
    {
        var p = Slave();
        Pair(p, 65534, Origin);
        Pair(p, 65535, Origin + Second / 8);
        Pair(p, 0, Origin + 2 * Second / 8);
        Pair(p, 1, Origin + 3 * Second / 8, followUpFirst: true);
        Assert.Equal(4, p.Servo.Samples.Count);
        // A late duplicate of 65535 after the wrap is recognised as stale, not as new.
        p.Rx(Msg.Sync(Master, 65535, twoStep: true), Origin + Ahead);
        Assert.Equal(4, p.Servo.Samples.Count);
        Assert.Equal(1, p.Engine.GetPortCounters(0).RxDrops(RxDropReason.StaleSequence));
    }

    [Fact]
    public void One_step_sync_is_accepted()
    {
        var p = Slave();
        p.Rx(Msg.Sync(Master, 3, twoStep: false, originNs: Origin), Origin + Ahead);
        Assert.Equal([(Ahead, Origin + Ahead)], p.Servo.Samples);
    }

    [Fact]
    public void Corrections_of_sync_and_follow_up_are_both_subtracted()
    {
        var p = Slave();
        p.Rx(Msg.Sync(Master, 3, twoStep: true, correctionNs: 300), Origin + Ahead);
        p.Rx(Msg.FollowUp(Master, 3, Origin, correctionNs: 200, correctionScaled: 0x8000)); // 200.5 ns
        // 5000 − 300 − 200.5 = 4499.5 → rounds away from zero.
        Assert.Equal(4_500, p.Servo.Samples.Single().Offset);
    }

    [Fact]
    public void Delay_asymmetry_is_subtracted_from_the_offset()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true },
            new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3, DelayAsymmetryNs = 150 });
        p.FollowMaster();
        Pair(p, 1, Origin);
        Assert.Equal(Ahead - 150, p.Servo.Samples.Single().Offset);
    }

    [Fact]
    public void Syncs_from_another_master_are_ignored()
    {
        var p = Slave();
        var other = new Ptp4Net.Identity.PortIdentity(new Ptp4Net.Identity.ClockIdentity(0x77), 1);
        p.Rx(Msg.Sync(other, 1, twoStep: false, originNs: Origin), Origin);
        Assert.Empty(p.Servo.Samples);
        Assert.Equal(1, p.Engine.GetPortCounters(0).RxDrops(RxDropReason.NotFromParent));
    }
}

public class SyncReceiptTimeoutTests
{
    [Fact]
    public void Sync_receipt_timeout_acts_like_the_announce_timeout()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true },
            new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3, SyncReceiptTimeout = 3 });
        p.Rx(Msg.Announce(Master, 1, priority1: 1));
        p.Now += Second;
        p.Rx(Msg.Announce(Master, 2, priority1: 1));
        var arm = p.Last.Single(a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.SyncReceipt);
        Assert.Equal(3 * Second / 8, arm.DurationNs);
        p.Timer(TimerKind.SyncReceipt);
        Assert.Equal(1, p.Engine.GetPortCounters(0).SyncTimeouts);
        // A client-only port that lost its master listens again.
        Assert.Contains(p.Last, a => a.Kind == ActionKind.PortStateChanged && a.NewState == Ptp4Net.StateMachine.PortState.Listening
            && a.Event == Ptp4Net.StateMachine.PortEvent.AnnounceReceiptTimeoutExpires);
        Assert.Equal(0, p.Engine.GetForeignMasterCount(0));
    }
}
