using System.Buffers.Binary;
using Ptp4Net.Engine;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;
using static Ptp4Net.Tests.Engine.EngineProbe;

namespace Ptp4Net.Tests.Engine;

/// <summary>The per-message paths of slave and master allocate nothing once running (style.md, allocation).</summary>
public class SteadyStateAllocationTests
{
    private static void SetSeq(byte[] m, ushort seq) => BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(30), seq);
    private static void SetTs(byte[] m, long ns) => PtpTimestamp.FromNanoseconds(ns).Write(m.AsSpan(34));

    [Fact]
    public void Slave_sync_follow_up_delay_request_cycle_allocates_nothing()
    {
        var engine = new PtpClockEngine(new ClockOptions { ClockIdentity = SelfId, SlaveOnly = true },
            [new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3 }], new SeededRandomSource(1));
        long now = 0;
        engine.Start(now);
        var ann = Msg.Announce(Master, 1, priority1: 1);
        engine.OnMessage(0, ann, default, now += Second);
        engine.OnMessage(0, ann, default, now += Second);
        Assert.Equal(PortState.Uncalibrated, engine.GetPortState(0));

        var sync = Msg.Sync(Master, 0, twoStep: true);
        var fup = Msg.FollowUp(Master, 0, 0);
        var resp = Msg.DelayResp(Master, 0, engine.GetPortDataSet(0).PortIdentity, 0);
        long t = 900 * Second;
        ushort seq = 0;
        ushort reqSeq = 0;

        void Cycle()
        {
            seq++;
            t += Second / 8;
            SetSeq(sync, seq);
            SetSeq(fup, seq);
            SetTs(fup, t);
            engine.OnMessage(0, sync, PtpTimestamp.FromNanoseconds(t + 1_000), now += Second / 8);
            engine.OnMessage(0, fup, default, now += 1_000);
            var actions = engine.OnTimer(0, TimerKind.DelayRequest, now += 1_000);
            TxToken token = default;
            foreach (ref readonly var a in actions)
                if (a.Kind == ActionKind.SendEvent) token = a.TxToken;
            engine.OnTxTimestamp(token, PtpTimestamp.FromNanoseconds(t + 50_000), now += 1_000);
            SetSeq(resp, reqSeq++);
            SetTs(resp, t + 50_000);
            engine.OnMessage(0, resp, default, now += 1_000);
            if (seq % 16 == 0) engine.OnMessage(0, ann, default, now);
        }

        for (int i = 0; i < 200; i++) Cycle();  // warm-up (JIT, first-time paths)
        Assert.Equal(PortState.Slave, engine.GetPortState(0));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++) Cycle();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(PortState.Slave, engine.GetPortState(0));
    }

    [Fact]
    public void Master_sync_follow_up_announce_and_delay_response_allocate_nothing()
    {
        var engine = new PtpClockEngine(new ClockOptions { ClockIdentity = SelfId },
            [new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3 }], new SeededRandomSource(1));
        long now = 0;
        engine.Start(now);
        engine.OnTimer(0, TimerKind.AnnounceReceipt, now += 4 * Second);
        Assert.Equal(PortState.Master, engine.GetPortState(0));
        var req = Msg.DelayReq(new Ptp4Net.Identity.PortIdentity(new Ptp4Net.Identity.ClockIdentity(0x77), 1), 0);
        long t = 900 * Second;
        ushort seq = 0;

        void Cycle()
        {
            t += Second / 8;
            var actions = engine.OnTimer(0, TimerKind.SyncTransmit, now += Second / 8);
            TxToken token = default;
            foreach (ref readonly var a in actions)
                if (a.Kind == ActionKind.SendEvent) token = a.TxToken;
            engine.OnTxTimestamp(token, PtpTimestamp.FromNanoseconds(t), now += 1_000);
            SetSeq(req, seq++);
            engine.OnMessage(0, req, PtpTimestamp.FromNanoseconds(t + 3_000), now += 1_000);
            if (seq % 8 == 0) engine.OnTimer(0, TimerKind.AnnounceTransmit, now);
        }

        for (int i = 0; i < 200; i++) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++) Cycle();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
