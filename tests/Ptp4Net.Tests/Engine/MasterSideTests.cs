using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.StateMachine;
using static Ptp4Net.Tests.Engine.EngineProbe;

namespace Ptp4Net.Tests.Engine;

public class MasterSideTests
{
    private const long T = 900 * Second;

    /// <summary>A lone clock: the announce receipt timeout makes it MASTER.</summary>
    private static EngineProbe Master(bool twoStep = true, bool pathTrace = false)
    {
        var p = new EngineProbe(new ClockOptions { TwoStepFlag = twoStep, PathTraceEnabled = pathTrace, Priority1 = 10 });
        p.Timer(TimerKind.AnnounceReceipt);
        Assert.Equal(PortState.Master, p.Engine.GetPortState(0));
        return p;
    }

    [Fact]
    public void Listening_port_times_out_to_master_and_assumes_the_grandmaster_role()
    {
        var p = new EngineProbe();
        Assert.Equal(PortState.Listening, p.Engine.GetPortState(0));
        var arm = p.Last.Single(a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.AnnounceReceipt);
        Assert.InRange(arm.DurationNs, 3 * Second, 4 * Second); // announceReceiptTimeout 3 + announce_span
        p.Timer(TimerKind.AnnounceReceipt);
        var lines = p.Last.Select(a => LogText.Format(a, p.Engine)).Where(l => l != null).ToList();
        Assert.Equal(
        [
            "port 1 (eth0): LISTENING to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES",
            "selected local clock 000000.fffe.000002 as best master",
            "port 1 (eth0): assuming the grand master role",
        ], lines);
        Assert.Contains(p.Last, a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.AnnounceTransmit);
        Assert.Contains(p.Last, a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.SyncTransmit);
        Assert.DoesNotContain(p.Last, a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.AnnounceReceipt);
    }

    [Fact]
    public void Announce_carries_the_grandmaster_data_sets()
    {
        var p = Master();
        p.Timer(TimerKind.AnnounceTransmit);
        var m = Msg.Parse(p.SentBytes(0xB));
        Assert.Equal(MessageType.Announce, m.MessageType);
        Assert.Equal(10, m.Announce.GrandmasterPriority1);
        Assert.Equal(SelfId, m.Announce.GrandmasterIdentity);
        Assert.Equal(0, m.Announce.StepsRemoved);
        Assert.Equal(37, m.Announce.CurrentUtcOffset);
        Assert.Equal(248, m.Announce.GrandmasterClockQuality.ClockClass);
        Assert.Equal(p.PortId, m.Header.SourcePortIdentity);
        Assert.Equal(0, m.Header.LogMessageInterval);
        Assert.Equal(0, m.TlvCount);
        p.Timer(TimerKind.AnnounceTransmit);
        Assert.Equal(1, Msg.Parse(p.SentBytes(0xB)).Header.SequenceId);
    }

    [Fact]
    public void Announce_has_a_path_trace_when_enabled()
    {
        var p = Master(pathTrace: true);
        p.Timer(TimerKind.AnnounceTransmit);
        var m = Msg.Parse(p.SentBytes(0xB));
        Assert.Equal(1, m.TlvCount);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.Equal(Ptp4Net.Messages.TlvType.PathTrace, tlv.Type);
        Assert.Equal(SelfId, ClockIdentity.Read(tlv.Value));
    }

    [Fact]
    public void Announce_whose_path_contains_us_is_discarded()
    {
        var p = new EngineProbe(new ClockOptions { PathTraceEnabled = true });
        var other = new PortIdentity(new ClockIdentity(0x1234), 1);
        Span<byte> b = stackalloc byte[256];
        var ann = Msg.Announce(other, 1, priority1: 1);
        ann.CopyTo(b);
        Span<byte> ids = stackalloc byte[16];
        new ClockIdentity(0x1234).Write(ids);
        SelfId.Write(ids[8..]);
        int n = PtpMessageWriter.AppendTlv(b, ann.Length, TlvType.PathTrace, ids);
        p.Rx(b[..n].ToArray());
        Assert.Equal(1, p.Engine.GetPortCounters(0).RxDrops(RxDropReason.PathTraceLoop));
        Assert.Equal(0, p.Engine.GetForeignMasterCount(0));
    }

    [Fact]
    public void Two_step_sync_then_follow_up_with_the_tx_timestamp()
    {
        var p = Master();
        p.Timer(TimerKind.SyncTransmit);
        var send = p.Sends(0x0).Single();
        Assert.Equal(ActionKind.SendEvent, send.Kind);
        Assert.False(send.OneStep);
        Assert.True(send.TxToken.IsValid);
        var sync = Msg.Parse(p.SentBytes(0x0));
        Assert.True(sync.Header.TwoStep);
        p.Tx(send.TxToken, T + 123);
        var fup = Msg.Parse(p.SentBytes(0x8));
        Assert.Equal(sync.Header.SequenceId, fup.Header.SequenceId);
        Assert.Equal(T + 123, fup.FollowUp.PreciseOriginTimestamp.ToNanosecondsInt64());
        Assert.Equal(ActionKind.SendGeneral, p.Sends(0x8).Single().Kind);
    }

    [Fact]
    public void Follow_up_carries_the_802_1AS_information_tlv_when_follow_up_info_is_set()
    {
        var p = new EngineProbe(port: new PortOptions { LogAnnounceInterval = 0, FollowUpInfo = true, TransportSpecific = 1 });
        p.Timer(TimerKind.AnnounceReceipt);
        p.Timer(TimerKind.SyncTransmit);
        p.Tx(p.Sends(0x0).Single().TxToken, T);
        var fup = Msg.Parse(p.SentBytes(0x8));
        Assert.Equal(1, fup.Header.MajorSdoId);
        Assert.True(fup.TryGetFirstTlv(out var tlv));
        Assert.True(FollowUpInformationTlv.TryRead(tlv, out var info, out _));
        Assert.Equal(0, info.CumulativeScaledRateOffset);
        Assert.Equal(76, p.SentBytes(0x8).Length);
    }

    [Fact]
    public void One_step_sync_asks_the_transmitter_to_stamp_and_needs_no_token()
    {
        var p = Master(twoStep: false);
        p.Timer(TimerKind.SyncTransmit);
        var send = p.Sends(0x0).Single();
        Assert.True(send.OneStep);
        Assert.False(send.TxToken.IsValid);
        Assert.False(Msg.Parse(p.SentBytes(0x0)).Header.TwoStep);
    }

    [Fact]
    public void Delay_resp_carries_t4_the_request_correction_and_the_requester()
    {
        var p = Master();
        var requester = new PortIdentity(new ClockIdentity(0x4242), 1);
        p.Rx(Msg.DelayReq(requester, 9, correctionNs: 33), T + 777);
        var m = Msg.Parse(p.SentBytes(0x9));
        Assert.Equal(9, m.Header.SequenceId);
        Assert.Equal(T + 777, m.DelayResp.ReceiveTimestamp.ToNanosecondsInt64());
        Assert.Equal(requester, m.DelayResp.RequestingPortIdentity);
        Assert.Equal(33, m.Header.CorrectionField.WholeNanoseconds);
        Assert.Equal(SendDestination.PrimaryMulticast, p.Sends(0x9).Single().Destination);
        // Unicast request: unicast answer to the requester's address.
        p.Rx(Msg.DelayReq(requester, 10, unicast: true), T + 800, address: 5);
        var u = p.Sends(0x9).Single();
        Assert.Equal(SendDestination.Unicast, u.Destination);
        Assert.Equal(5, u.Address);
    }

    [Fact]
    public void A_better_master_takes_over_a_master_port()
    {
        var p = Master();
        var better = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0001), 1);
        p.Rx(Msg.Announce(better, 1, priority1: 1));
        Assert.Contains(p.Last, a => a.Kind == ActionKind.Log && a.Log.Kind == LogKind.NewForeignMaster);
        Assert.Equal(PortState.Master, p.Engine.GetPortState(0));
        p.Now += Second;
        p.Rx(Msg.Announce(better, 2, priority1: 1));
        var lines = p.Last.Select(a => LogText.Format(a, p.Engine)).Where(l => l != null).ToList();
        Assert.Equal(["selected best master clock 000000.fffe.000001", "port 1 (eth0): MASTER to UNCALIBRATED on RS_SLAVE"], lines);
        Assert.Equal(1, p.Engine.CurrentDataSet.StepsRemoved);
        Assert.Equal(better, p.Engine.ParentDataSet.ParentPortIdentity);
        Assert.Equal((byte)1, p.Engine.ParentDataSet.GrandmasterPriority1);
        Assert.Contains(p.Last, a => a.Kind == ActionKind.CancelTimer && a.Timer == TimerKind.SyncTransmit);
    }

    [Fact]
    public void A_worse_master_is_heard_but_not_followed()
    {
        var p = Master();
        var worse = new PortIdentity(new ClockIdentity(0x0000_00FF_FE00_0001), 1);
        p.Rx(Msg.Announce(worse, 1, priority1: 200));
        p.Now += Second;
        p.Rx(Msg.Announce(worse, 2, priority1: 200));
        Assert.Equal(PortState.Master, p.Engine.GetPortState(0));
        Assert.Equal(0, p.Engine.CurrentDataSet.StepsRemoved);
    }

    [Fact]
    public void Announce_with_too_many_steps_or_another_domain_is_dropped()
    {
        var p = new EngineProbe();
        var m = new PortIdentity(new ClockIdentity(0x99), 1);
        p.Rx(Msg.Announce(m, 1, stepsRemoved: 255));
        p.Rx(Msg.Announce(m, 2, domain: 4));
        var c = p.Engine.GetPortCounters(0);
        Assert.Equal(1, c.RxDrops(RxDropReason.StepsRemovedTooLarge));
        Assert.Equal(1, c.RxDrops(RxDropReason.WrongDomain));
        Assert.Equal(0, p.Engine.GetForeignMasterCount(0));
    }
}

public class PassiveTests
{
    [Fact]
    public void Grandmaster_capable_clock_hearing_a_better_one_is_passive_and_stays_so_while_it_is_heard()
    {
        var p = new EngineProbe(new ClockOptions { ClockClass = 6, Priority1 = 50 });
        var better = new Ptp4Net.Identity.PortIdentity(new Ptp4Net.Identity.ClockIdentity(0x0000_00FF_FE00_0001), 1);
        p.Rx(Msg.Announce(better, 1, priority1: 1, clockClass: 6));
        p.Now += EngineProbe.Second;
        p.Rx(Msg.Announce(better, 2, priority1: 1, clockClass: 6));
        Assert.Equal(Ptp4Net.StateMachine.PortState.Passive, p.Engine.GetPortState(0));
        Assert.Contains(p.Last, a => LogText.Format(a, p.Engine) == "port 1 (eth0): LISTENING to PASSIVE on RS_PASSIVE");
        p.Now += EngineProbe.Second;
        p.Rx(Msg.Announce(better, 3, priority1: 1, clockClass: 6));
        Assert.Contains(p.Last, a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.AnnounceReceipt);
        // When it falls silent, the passive port takes over as master (Figure 30: PASSIVE → MASTER).
        p.Timer(TimerKind.AnnounceReceipt);
        Assert.Equal(Ptp4Net.StateMachine.PortState.Master, p.Engine.GetPortState(0));
    }
}
