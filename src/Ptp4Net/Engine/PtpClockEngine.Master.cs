using Ptp4Net.Bmca;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Engine;

// Announce handling and the master side: Announce, Sync (one- and two-step), Follow_Up, Delay_Resp.
public sealed partial class PtpClockEngine
{
    /// <summary>16.2.5: at most this many identities are kept in the path trace list (fits a 1500-byte frame).</summary>
    private const int MaxPathTrace = 64;
    private readonly ClockIdentity[] _pathTrace = new ClockIdentity[MaxPathTrace];
    private int _pathTraceCount;

    private void ReceiveAnnounce(EnginePort p, in PtpMessage m)
    {
        var h = m.Header;
        var sender = h.SourcePortIdentity;
        var a = m.Announce;
        // 9.3.2.5 d): an Announce that has travelled too far is not qualified (linuxptp maxStepsRemoved).
        if (a.StepsRemoved >= _options.MaxStepsRemoved)
        {
            Drop(p, RxDropReason.StepsRemovedTooLarge);
            return;
        }
        if (_options.PathTraceEnabled && PathTraceContainsSelf(m.Tlvs))
        {
            // 16.2.3: our own identity in the path means a loop; discard.
            Drop(p, RxDropReason.PathTraceLoop);
            return;
        }

        var ds = new BmcaDataSet(
            Priority1: a.GrandmasterPriority1,
            GrandmasterIdentity: a.GrandmasterIdentity,
            Quality: a.GrandmasterClockQuality,
            Priority2: a.GrandmasterPriority2,
            StepsRemoved: a.StepsRemoved,
            Sender: sender,
            Receiver: p.Ds.PortIdentity,
            LocalPriority: p.Options.LocalPriority);
        var info = new AnnounceInfo(ds,
            CurrentUtcOffset: a.CurrentUtcOffset,
            TimeFlags: (byte)h.Flags,
            TimeSource: (byte)a.TimeSource,
            LogMessageInterval: h.LogMessageInterval,
            SequenceId: h.SequenceId);

        if (p.Foreign.Add(info, _now, out bool changed))
            Log(p.Index, new LogEvent(LogKind.NewForeignMaster, PortIdentity: sender));

        bool fromParent = PortStateNames.IsSlave(p.State) && sender == ParentDataSet.ParentPortIdentity;
        if (fromParent)
        {
            // The current master is alive: restart announceReceiptTimeout (9.2.6.12).
            ArmAnnounceReceipt(p);
            if (_options.PathTraceEnabled) StorePathTrace(m.Tlvs);
        }
        else if (p.State == PortState.Passive && p.HasErbest && sender == p.Erbest.DataSet.Sender)
        {
            // A PASSIVE port stays passive while the master that made it so is heard (ptp4l restarts the timer for
            // its best foreign master in PASSIVE too).
            ArmAnnounceReceipt(p);
        }
        if (changed) _statePending = true;
    }

    private bool PathTraceContainsSelf(TlvList tlvs)
    {
        foreach (var tlv in tlvs)
        {
            if (tlv.Type != TlvType.PathTrace || !PathTraceTlv.TryRead(tlv, out var trace, out _)) continue;
            for (int i = 0; i < trace.Count; i++)
                if (trace[i] == DefaultDataSet.ClockIdentity) return true;
        }
        return false;
    }

    private void StorePathTrace(TlvList tlvs)
    {
        _pathTraceCount = 0;
        foreach (var tlv in tlvs)
        {
            if (tlv.Type != TlvType.PathTrace || !PathTraceTlv.TryRead(tlv, out var trace, out _)) continue;
            for (int i = 0; i < trace.Count && _pathTraceCount < MaxPathTrace - 1; i++)
                _pathTrace[_pathTraceCount++] = trace[i];
            return;
        }
    }

    /// <summary>Announce (13.5) from parentDS, currentDS and timePropertiesDS; path trace TLV when enabled (16.2).</summary>
    private void SendAnnounce(EnginePort p)
    {
        Arm(p, TimerKind.AnnounceTransmit, Interval(p.Ds.LogAnnounceInterval));
        if (!p.Ds.AsCapable) return;
        int traceEntries = _options.PathTraceEnabled ? _pathTraceCount + 1 : 0;
        const int AnnounceLength = PtpHeader.Length + AnnounceBody.Length;
        int length = AnnounceLength + (traceEntries > 0 ? Tlv.HeaderLength + ClockIdentity.WireSize * traceEntries : 0);
        var m = Rent(p, length, out var mem);
        if (m.IsEmpty) return;
        var tp = TimePropertiesDataSet;
        var par = ParentDataSet;
        int n = PtpMessageWriter.WriteAnnounce(m, Header(p, MessageType.Announce, p.AnnounceSeq++, p.Ds.LogAnnounceInterval, TimeFlags),
            new AnnounceBody
            {
                CurrentUtcOffset = tp.CurrentUtcOffset,
                GrandmasterPriority1 = par.GrandmasterPriority1,
                GrandmasterClockQuality = par.GrandmasterClockQuality,
                GrandmasterPriority2 = par.GrandmasterPriority2,
                GrandmasterIdentity = par.GrandmasterIdentity,
                StepsRemoved = CurrentDataSet.StepsRemoved,
                TimeSource = (TimeSource)tp.TimeSource,
            });
        if (traceEntries > 0)
        {
            // 16.2.2: the received path followed by our own identity, encoded in place (no intermediate buffer).
            var value = m.Slice(n + Tlv.HeaderLength, ClockIdentity.WireSize * traceEntries);
            for (int i = 0; i < _pathTraceCount; i++) _pathTrace[i].Write(value[(ClockIdentity.WireSize * i)..]);
            DefaultDataSet.ClockIdentity.Write(value[(ClockIdentity.WireSize * _pathTraceCount)..]);
            PtpMessageWriter.AppendTlv(m, n, new PathTraceTlv(value));
        }
        EmitSend(p, false, MessageType.Announce, mem, SendDestination.PrimaryMulticast, -1);
    }

    /// <summary>Sync (13.6). Two-step: a TX token; the Follow_Up follows the TX timestamp. One-step: the transmitter
    /// writes originTimestamp on the fly (<see cref="EngineAction.OneStep"/>).</summary>
    private void SendSync(EnginePort p)
    {
        Arm(p, TimerKind.SyncTransmit, Interval(p.Ds.LogSyncInterval));
        if (!p.Ds.AsCapable) return;
        var m = Rent(p, PtpHeader.Length + SyncBody.Length, out var mem);
        if (m.IsEmpty) return;
        bool twoStep = DefaultDataSet.TwoStepFlag;
        ushort seq = p.SyncSeq++;
        PtpMessageWriter.WriteSync(m, Header(p, MessageType.Sync, seq, p.Ds.LogSyncInterval,
            (twoStep ? PtpFlags.TwoStep : PtpFlags.None) | TimeFlags), default);
        var token = twoStep ? IssueToken(p, MessageType.Sync, seq) : default;
        EmitSend(p, true, MessageType.Sync, mem, SendDestination.PrimaryMulticast, -1, token, oneStep: !twoStep);
    }

    /// <summary>Follow_Up (13.7): preciseOriginTimestamp is the Sync's TX timestamp.</summary>
    private void SendFollowUp(EnginePort p, ushort seq, long txNs)
    {
        if (!PortStateNames.IsMaster(p.State)) return;
        const int InfoTlvLength = Tlv.HeaderLength + FollowUpInformationTlv.ValueLengthConst;
        const int FollowUpLength = PtpHeader.Length + FollowUpBody.Length;
        int length = FollowUpLength + (p.Options.FollowUpInfo ? InfoTlvLength : 0);
        var m = Rent(p, length, out var mem);
        if (m.IsEmpty) return;
        int n = PtpMessageWriter.WriteFollowUp(m, Header(p, MessageType.FollowUp, seq, p.Ds.LogSyncInterval, TimeFlags),
            new FollowUpBody(PtpTimestamp.FromNanoseconds(txNs)));
        if (p.Options.FollowUpInfo)
        {
            // A grandmaster or a syntonised BC: no rate offset, no GM change to report.
            PtpMessageWriter.AppendTlv(m, n, new FollowUpInformationTlv(0, 0, default, 0));
        }
        EmitSend(p, false, MessageType.FollowUp, mem, SendDestination.PrimaryMulticast, -1);
    }

    /// <summary>Delay_Resp (11.3.2, 13.8): receiveTimestamp = t4; correctionField copied from the Delay_Req.</summary>
    private void ReceiveDelayReq(EnginePort p, in PtpMessage m, long rxNs, int address)
    {
        if (!PortStateNames.IsMaster(p.State) || p.IsP2P)
        {
            Drop(p, RxDropReason.NotForThisState);
            return;
        }
        if (rxNs == 0)
        {
            Drop(p, RxDropReason.BadTimestamp);
            return;
        }
        var r = Rent(p, PtpHeader.Length + DelayRespBody.Length, out var mem);
        if (r.IsEmpty) return;
        var h = m.Header;
        bool unicast = h.Unicast && address >= 0;
        PtpMessageWriter.WriteDelayResp(r, Header(p, MessageType.DelayResp, h.SequenceId, p.Ds.LogMinDelayReqInterval,
                (unicast ? PtpFlags.Unicast : PtpFlags.None) | TimeFlags, h.CorrectionField),
            new DelayRespBody(PtpTimestamp.FromNanoseconds(rxNs), h.SourcePortIdentity));
        EmitSend(p, false, MessageType.DelayResp, mem, unicast ? SendDestination.Unicast : SendDestination.PrimaryMulticast, address);
    }
}
