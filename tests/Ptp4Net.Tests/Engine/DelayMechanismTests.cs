using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using static Ptp4Net.Tests.Engine.EngineProbe;

namespace Ptp4Net.Tests.Engine;

/// <summary>E2E and P2P exchanges through the engine with hand-made timestamps.</summary>
public class DelayMechanismTests
{
    private const long T1 = 900 * Second;

    [Fact]
    public void E2E_delay_request_response_gives_the_mean_path_delay_with_corrections()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true });
        p.FollowMaster();
        // Slave 3 µs ahead, true one-way delay 1 µs: t2 = t1 + 1000 + 3000.
        p.Rx(Msg.Sync(Master, 1, twoStep: true, correctionNs: 100), T1 + 4_100);
        p.Rx(Msg.FollowUp(Master, 1, T1));
        p.Timer(TimerKind.DelayRequest);
        var req = Msg.Parse(p.SentBytes(0x1));
        Assert.Equal(MessageType.DelayReq, req.MessageType);
        Assert.Equal(p.PortId, req.Header.SourcePortIdentity);
        var token = p.Sends(0x1).Single().TxToken;
        Assert.True(token.IsValid);
        Assert.Contains(p.Last, a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.DelayRequest);
        // t3 (slave clock) = T1 + 50 000; the master receives it 1 µs + 200 ns (corrected by a TC) later in master time.
        long t3 = T1 + 50_000;
        p.Tx(token, t3);
        long t4 = t3 - 3_000 + 1_000 + 200;
        p.Rx(Msg.DelayResp(Master, req.Header.SequenceId, p.PortId, t4, correctionNs: 200));
        // ((t2 − t3) + (t4 − t1) − c1 − c2) / 2 = ((4100 − 50000) + (48200) − 100 − 200) / 2 = 1000
        Assert.Equal(1_000, p.Engine.GetPathDelayNs(0));
        Assert.Equal(1_000, p.Engine.CurrentDataSet.MeanPathDelay.WholeNanoseconds);
        // The next Sync uses that delay: offset = 4100 − 100 − 1000 = 3000.
        p.Rx(Msg.Sync(Master, 2, twoStep: true, correctionNs: 100), T1 + Second / 8 + 4_100);
        p.Rx(Msg.FollowUp(Master, 2, T1 + Second / 8));
        Assert.Equal(3_000, p.Servo.Samples[^1].Offset);
    }

    [Fact]
    public void E2E_response_arriving_before_the_tx_timestamp_is_kept_until_it_comes()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true });
        p.FollowMaster();
        p.Rx(Msg.Sync(Master, 1, twoStep: false, originNs: T1), T1 + 1_000);
        p.Timer(TimerKind.DelayRequest);
        var seq = Msg.Parse(p.SentBytes(0x1)).Header.SequenceId;
        var token = p.Sends(0x1).Single().TxToken;
        p.Rx(Msg.DelayResp(Master, seq, p.PortId, T1 + 11_000));
        Assert.Equal(0, p.Engine.GetPathDelayNs(0));
        p.Tx(token, T1 + 10_000);
        Assert.Equal(1_000, p.Engine.GetPathDelayNs(0));
    }

    [Fact]
    public void E2E_responses_for_someone_else_or_an_old_request_are_not_used()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true });
        p.FollowMaster();
        p.Rx(Msg.Sync(Master, 1, twoStep: false, originNs: T1), T1 + 1_000);
        p.Timer(TimerKind.DelayRequest);
        var seq = Msg.Parse(p.SentBytes(0x1)).Header.SequenceId;
        p.Tx(p.Sends(0x1).Single().TxToken, T1 + 10_000);
        var stranger = new PortIdentity(new ClockIdentity(0x42), 1);
        p.Rx(Msg.DelayResp(Master, seq, stranger, T1 + 11_000));
        p.Rx(Msg.DelayResp(Master, unchecked((ushort)(seq - 1)), p.PortId, T1 + 11_000));
        var c = p.Engine.GetPortCounters(0);
        Assert.Equal(1, c.RxDrops(RxDropReason.WrongRequestingPort));
        Assert.Equal(1, c.RxDrops(RxDropReason.UnmatchedSequence));
        Assert.Equal(0, p.Engine.GetPathDelayNs(0));
    }

    [Fact]
    public void Delay_request_interval_is_randomised_within_twice_the_minimum()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true },
            new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3, LogMinDelayReqInterval = 0 });
        p.FollowMaster();
        var seen = new List<long>();
        for (int i = 0; i < 50; i++)
        {
            p.Timer(TimerKind.DelayRequest);
            seen.Add(p.Last.Single(a => a.Kind == ActionKind.ArmTimer && a.Timer == TimerKind.DelayRequest).DurationNs);
        }
        Assert.All(seen, d => Assert.InRange(d, 1, 2 * Second));
        Assert.True(seen.Distinct().Count() > 40, "the intervals are random");
        Assert.True(seen.Average() is > 0.6 * Second and < 1.4 * Second);
    }

    [Fact]
    public void Slave_follows_the_masters_delay_request_interval()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true });
        p.FollowMaster();
        p.Rx(Msg.Sync(Master, 1, twoStep: false, originNs: T1), T1 + 1_000);
        p.Timer(TimerKind.DelayRequest);
        var seq = Msg.Parse(p.SentBytes(0x1)).Header.SequenceId;
        p.Tx(p.Sends(0x1).Single().TxToken, T1 + 10_000);
        p.Rx(Msg.DelayResp(Master, seq, p.PortId, T1 + 11_000, log: 3));
        Assert.Equal(3, p.Engine.GetPortDataSet(0).LogMinDelayReqInterval);
    }

    [Fact]
    public void Hybrid_e2e_sends_the_delay_request_unicast_to_the_master()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true },
            new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3, HybridE2E = true });
        p.FollowMaster();
        p.Rx(Msg.Sync(Master, 1, twoStep: false, originNs: T1), T1 + 1_000, address: 42);
        p.Timer(TimerKind.DelayRequest);
        var send = p.Sends(0x1).Single();
        Assert.Equal((SendDestination.Unicast, 42), (send.Destination, send.Address));
        Assert.True(Msg.Parse(p.SentBytes(0x1)).Header.Unicast);
    }

    private static EngineProbe P2PProbe(PortOptions? o = null) =>
        new(new ClockOptions { SlaveOnly = true }, o ?? new PortOptions { LogAnnounceInterval = 0, DelayMechanism = Ptp4Net.DataSets.DelayMechanism.P2P });

    [Fact]
    public void P2P_two_step_exchange_gives_the_link_delay_with_corrections()
    {
        var p = P2PProbe();
        var peer = new PortIdentity(new ClockIdentity(0x55), 3);
        p.Timer(TimerKind.DelayRequest);
        var req = p.Sends(0x2).Single();
        Assert.Equal(SendDestination.PeerDelayMulticast, req.Destination);
        ushort seq = Msg.Parse(p.SentBytes(0x2)).Header.SequenceId;
        long t1 = T1;
        p.Tx(req.TxToken, t1);
        // Peer clock 7 µs behind; delay 800 ns; turnaround 20 µs; 100 ns of corrections.
        long t2 = t1 - 7_000 + 800;
        long t3 = t2 + 20_000;
        long t4 = t3 + 7_000 + 800 + 100;
        p.Rx(Msg.PdelayResp(peer, seq, p.PortId, t2, correctionNs: 60), t4);
        Assert.Equal(0, p.Engine.GetPathDelayNs(0));
        p.Rx(Msg.PdelayRespFollowUp(peer, seq, p.PortId, t3, correctionNs: 40));
        // ((t4 − t1) − (t3 − t2) − c) / 2 = (21700 − 20000 − 100) / 2
        long expected = ((t4 - t1) - (t3 - t2) - 100) / 2;
        Assert.Equal(800, expected);
        Assert.Equal(expected, p.Engine.GetPathDelayNs(0));
        Assert.Equal(800, p.Engine.GetPortDataSet(0).PeerMeanPathDelay.WholeNanoseconds);
    }

    [Fact]
    public void P2P_neighbour_rate_ratio_comes_from_successive_responses()
    {
        var p = P2PProbe();
        var peer = new PortIdentity(new ClockIdentity(0x55), 3);
        const double ratio = 1.0 + 40e-6; // peer runs 40 ppm fast
        for (int i = 0; i < 3; i++)
        {
            p.Timer(TimerKind.DelayRequest);
            ushort seq = Msg.Parse(p.SentBytes(0x2)).Header.SequenceId;
            long t1 = T1 + i * Second;
            p.Tx(p.Sends(0x2).Single().TxToken, t1);
            long t4 = t1 + 2 * 500 + 10_000;
            long peerBase = 500 * Second;
            long t2 = peerBase + (long)((t1 + 500 - T1) * ratio);
            long t3 = peerBase + (long)((t4 - 500 - T1) * ratio);
            p.Rx(Msg.PdelayResp(peer, seq, p.PortId, t2), t4);
            p.Rx(Msg.PdelayRespFollowUp(peer, seq, p.PortId, t3));
        }
        Assert.Equal(ratio, p.Engine.GetNeighborRateRatio(0), 9);
        Assert.InRange(p.Engine.GetPathDelayNs(0), 499, 501);
    }

    [Fact]
    public void P2P_responder_answers_with_t2_then_a_follow_up_with_t3_and_the_request_correction()
    {
        var p = P2PProbe();
        var peer = new PortIdentity(new ClockIdentity(0x55), 3);
        p.Rx(Msg.PdelayReq(peer, 77, correctionNs: 12), T1);
        var resp = p.Sends(0x3).Single();
        var m = Msg.Parse(p.SentBytes(0x3));
        Assert.Equal(77, m.Header.SequenceId);
        Assert.True(m.Header.TwoStep);
        Assert.Equal(peer, m.PdelayResp.RequestingPortIdentity);
        Assert.Equal(T1, m.PdelayResp.RequestReceiptTimestamp.ToNanosecondsInt64());
        p.Tx(resp.TxToken, T1 + 20_000);
        var f = Msg.Parse(p.SentBytes(0xA));
        Assert.Equal(77, f.Header.SequenceId);
        Assert.Equal(T1 + 20_000, f.PdelayRespFollowUp.ResponseOriginTimestamp.ToNanosecondsInt64());
        Assert.Equal(12, f.Header.CorrectionField.WholeNanoseconds);
        Assert.Equal(peer, f.PdelayRespFollowUp.RequestingPortIdentity);
    }

    [Fact]
    public void P2P_link_delay_above_the_threshold_clears_as_capable_when_checks_apply()
    {
        var p = P2PProbe(new PortOptions
        {
            LogAnnounceInterval = 0, DelayMechanism = Ptp4Net.DataSets.DelayMechanism.P2P, AsCapableAlways = false,
            NeighborPropDelayThreshNs = 500, DelayFilterLength = 1,
        });
        var peer = new PortIdentity(new ClockIdentity(0x55), 3);
        void Exchange(long delay, int i)
        {
            p.Timer(TimerKind.DelayRequest);
            ushort seq = Msg.Parse(p.SentBytes(0x2)).Header.SequenceId;
            long t1 = T1 + i * Second;
            p.Tx(p.Sends(0x2).Single().TxToken, t1);
            p.Rx(Msg.PdelayResp(peer, seq, p.PortId, t1 + delay), t1 + 2 * delay + 1_000);
            p.Rx(Msg.PdelayRespFollowUp(peer, seq, p.PortId, t1 + delay + 1_000));
        }
        Exchange(400, 0);
        Assert.True(p.Engine.GetPortDataSet(0).AsCapable);
        Exchange(900, 1);
        Assert.False(p.Engine.GetPortDataSet(0).AsCapable);
        Exchange(300, 2);
        Assert.True(p.Engine.GetPortDataSet(0).AsCapable);
    }

    [Fact]
    public void P2P_lost_responses_beyond_the_allowance_clear_as_capable()
    {
        var p = P2PProbe(new PortOptions
        {
            LogAnnounceInterval = 0, DelayMechanism = Ptp4Net.DataSets.DelayMechanism.P2P, AsCapableAlways = false, AllowedLostResponses = 3,
        });
        for (int i = 0; i < 4; i++)
        {
            p.Timer(TimerKind.DelayRequest);
            p.Tx(p.Sends(0x2).Single().TxToken, T1 + i * Second);
            Assert.True(p.Engine.GetPortDataSet(0).AsCapable);
        }
        p.Timer(TimerKind.DelayRequest);
        Assert.False(p.Engine.GetPortDataSet(0).AsCapable);
        Assert.Equal(4, p.Engine.GetPortCounters(0).LostPdelayResponses);
    }
}

public class DelayFilterOnStepTests
{
    private const long T1 = 900 * EngineProbe.Second;

    private static void Exchange(EngineProbe p, ushort syncSeq, long t1, long delay)
    {
        p.Rx(Msg.Sync(EngineProbe.Master, syncSeq, twoStep: false, originNs: t1), t1 + delay);
        p.Timer(TimerKind.DelayRequest);
        var seq = Msg.Parse(p.SentBytes(0x1)).Header.SequenceId;
        p.Tx(p.Sends(0x1).Single().TxToken, t1 + 10_000);
        p.Rx(Msg.DelayResp(EngineProbe.Master, seq, p.PortId, t1 + 10_000 + delay));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void After_a_step_the_filter_restarts_only_when_asked(bool reset)
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true, ResetDelayFilterOnStep = reset });
        p.FollowMaster();
        for (ushort i = 0; i < 5; i++) Exchange(p, i, T1 + i * EngineProbe.Second, 2_000);
        Assert.Equal(2_000, p.Engine.GetPathDelayNs(0));
        p.Servo.Answer = ServoState.Jump;
        p.Rx(Msg.Sync(EngineProbe.Master, 10, twoStep: false, originNs: T1 + 10 * EngineProbe.Second), T1 + 10 * EngineProbe.Second + 2_000);
        Assert.Contains(p.Last, a => a.Kind == ActionKind.StepClock);
        p.Servo.Answer = ServoState.Locked;
        // Until a new delay is measured the old estimate is used in both modes.
        Assert.Equal(2_000, p.Engine.GetPathDelayNs(0));
        Exchange(p, 11, T1 + 11 * EngineProbe.Second, 1_000);
        // ptp4l: the median of {2000 ×5, 1000} is still 2000; with the reset only the new measurement counts.
        Assert.Equal(reset ? 1_000 : 2_000, p.Engine.GetPathDelayNs(0));
    }
}
