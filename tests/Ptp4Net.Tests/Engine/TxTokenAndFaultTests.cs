using Ptp4Net.Engine;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;
using static Ptp4Net.Tests.Engine.EngineProbe;

namespace Ptp4Net.Tests.Engine;

public class TxTokenAndFaultTests
{
    [Fact]
    public void A_token_is_good_for_exactly_one_timestamp()
    {
        var p = new EngineProbe();
        p.Timer(TimerKind.AnnounceReceipt);
        p.Timer(TimerKind.SyncTransmit);
        var token = p.Sends(0x0).Single().TxToken;
        p.Tx(token, 900 * Second);
        Assert.Single(p.Sends(0x8));
        p.Tx(token, 900 * Second);
        Assert.Empty(p.Sends(0x8));
        Assert.Equal(1, p.Engine.Counters.UnknownTxTokens);
        p.Tx(default, 900 * Second);
        Assert.Equal(2, p.Engine.Counters.UnknownTxTokens);
    }

    [Fact]
    public void Lost_tx_timestamp_faults_the_port_and_the_fault_reset_interval_recovers_it()
    {
        var p = new EngineProbe(port: new PortOptions { LogAnnounceInterval = 0, FaultResetInterval = 2 });
        p.Timer(TimerKind.AnnounceReceipt);
        p.Timer(TimerKind.SyncTransmit);
        var token = p.Sends(0x0).Single().TxToken;
        p.Record(p.Engine.OnTxTimestampLost(token, p.Now));
        Assert.Equal(PortState.Faulty, p.Engine.GetPortState(0));
        Assert.Contains(p.Last, a => LogText.Format(a, p.Engine) == "port 1 (eth0): timed out while polling for tx timestamp");
        Assert.Contains(p.Last, a => LogText.Format(a, p.Engine) == "port 1 (eth0): MASTER to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)");
        var arm = p.Last.Single(a => a.Kind == ActionKind.ArmTimer);
        Assert.Equal((TimerKind.FaultReset, 4 * Second), (arm.Timer, arm.DurationNs));
        Assert.Contains(p.Last, a => a.Kind == ActionKind.CancelTimer && a.Timer == TimerKind.SyncTransmit);
        p.Timer(TimerKind.FaultReset);
        var lines = p.Last.Select(a => LogText.Format(a, p.Engine)).Where(l => l != null).ToList();
        Assert.Equal(["port 1 (eth0): FAULTY to LISTENING on INIT_COMPLETE"], lines); // as ptp4l: INITIALIZING is not shown
    }

    [Fact]
    public void Link_down_faults_and_link_up_reinitialises()
    {
        var p = new EngineProbe();
        p.Record(p.Engine.OnLinkChanged(0, false, p.Now));
        Assert.Equal(PortState.Faulty, p.Engine.GetPortState(0));
        Assert.DoesNotContain(p.Last, a => a.Kind == ActionKind.ArmTimer);
        Assert.Contains(p.Last, a => LogText.Format(a, p.Engine) == "port 1 (eth0): link down");
        p.Record(p.Engine.OnLinkChanged(0, true, p.Now));
        Assert.Equal(PortState.Listening, p.Engine.GetPortState(0));
        Assert.Equal(["port 1 (eth0): link up", "port 1 (eth0): FAULTY to LISTENING on INIT_COMPLETE"],
            p.Last.Select(a => LogText.Format(a, p.Engine)).Where(l => l != null));
    }

    [Fact]
    public void Stale_timer_expiries_and_bad_ports_are_counted_not_thrown()
    {
        var p = new EngineProbe();
        p.Timer(TimerKind.SyncTransmit);
        Assert.Equal(1, p.Engine.Counters.StaleTimers);
        Assert.Empty(p.Last);
        p.Engine.OnTimer(5, TimerKind.SyncTransmit, 0);
        p.Engine.OnMessage(-1, new byte[44], PtpTimestamp.Zero, 0);
        Assert.Equal(2, p.Engine.Counters.BadPortIndex);
    }

    [Fact]
    public void Malformed_input_is_counted_by_reason()
    {
        var p = new EngineProbe();
        p.Rx(new byte[10]);
        var sync = Msg.Sync(Master, 1, twoStep: true);
        var badVersion = (byte[])sync.Clone();
        badVersion[1] = 0x01;
        p.Rx(badVersion);
        var truncated = sync[..40];
        p.Rx(truncated);
        var unknown = (byte[])sync.Clone();
        unknown[0] = 0x05;
        p.Rx(unknown);
        var c = p.Engine.GetPortCounters(0);
        Assert.Equal(1, c.RxDrops(RxDropReason.TooShort));
        Assert.Equal(1, c.RxDrops(RxDropReason.BadVersion));
        Assert.Equal(1, c.RxDrops(RxDropReason.BadLength));
        Assert.Equal(1, c.RxDrops(RxDropReason.UnknownType));
    }

    [Fact]
    public void Messages_from_our_own_clock_are_ignored()
    {
        var p = new EngineProbe();
        p.Rx(Msg.Announce(new Ptp4Net.Identity.PortIdentity(SelfId, 2), 1));
        Assert.Equal(1, p.Engine.GetPortCounters(0).RxDrops(RxDropReason.FromOwnClock));
    }
}
