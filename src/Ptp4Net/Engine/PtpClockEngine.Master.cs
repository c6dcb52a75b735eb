using System.Buffers.Binary;
using Ptp4Net.Bmca;
using Ptp4Net.Engine.Wire;
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

    private void ReceiveAnnounce(EnginePort p, ReadOnlySpan<byte> m)
    {
        var sender = PtpWire.SourcePortIdentity(m);
        ushort steps = BinaryPrimitives.ReadUInt16BigEndian(m[PtpWire.OffStepsRemoved..]);
        // 9.3.2.5 d): an Announce that has travelled too far is not qualified (linuxptp maxStepsRemoved).
        if (steps >= _options.MaxStepsRemoved)
        {
            Drop(p, RxDropReason.StepsRemovedTooLarge);
            return;
        }
        int tlvStart = PtpWire.AnnounceLength, tlvEnd = PtpWire.MessageLength(m);
        if (_options.PathTraceEnabled && PathTraceContainsSelf(m[tlvStart..tlvEnd]))
        {
            // 16.2.3: our own identity in the path means a loop; discard.
            Drop(p, RxDropReason.PathTraceLoop);
            return;
        }

        var ds = new BmcaDataSet(
            Priority1: m[PtpWire.OffGmPriority1],
            GrandmasterIdentity: ClockIdentity.Read(m[PtpWire.OffGmIdentity..]),
            Quality: ClockQuality.Read(m[PtpWire.OffGmClockQuality..]),
            Priority2: m[PtpWire.OffGmPriority2],
            StepsRemoved: steps,
            Sender: sender,
            Receiver: p.Ds.PortIdentity,
            LocalPriority: p.Options.LocalPriority);
        var info = new AnnounceInfo(ds,
            CurrentUtcOffset: BinaryPrimitives.ReadInt16BigEndian(m[PtpWire.OffCurrentUtcOffset..]),
            TimeFlags: PtpWire.Flags1(m),
            TimeSource: m[PtpWire.OffTimeSource],
            LogMessageInterval: PtpWire.LogMessageInterval(m),
            SequenceId: PtpWire.SequenceId(m));

        if (p.Foreign.Add(info, _now, out bool changed))
            Log(p.Index, new LogEvent(LogKind.NewForeignMaster, PortIdentity: sender));

        bool fromParent = PortStateNames.IsSlave(p.State) && sender == ParentDataSet.ParentPortIdentity;
        if (fromParent)
        {
            // The current master is alive: restart announceReceiptTimeout (9.2.6.12).
            ArmAnnounceReceipt(p);
            if (_options.PathTraceEnabled) StorePathTrace(m[tlvStart..tlvEnd]);
        }
        else if (p.State == PortState.Passive && p.HasErbest && sender == p.Erbest.DataSet.Sender)
        {
            // A PASSIVE port stays passive while the master that made it so is heard (ptp4l restarts the timer for
            // its best foreign master in PASSIVE too).
            ArmAnnounceReceipt(p);
        }
        if (changed) _statePending = true;
    }

    private bool PathTraceContainsSelf(ReadOnlySpan<byte> tlvs)
    {
        while (tlvs.Length >= 4)
        {
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(tlvs);
            int len = BinaryPrimitives.ReadUInt16BigEndian(tlvs[2..]);
            if (len > tlvs.Length - 4) return false;
            if (type == PtpWire.TlvPathTrace)
            {
                for (int o = 4; o + 8 <= 4 + len; o += 8)
                    if (ClockIdentity.Read(tlvs[o..]) == DefaultDataSet.ClockIdentity) return true;
            }
            tlvs = tlvs[(4 + len)..];
        }
        return false;
    }

    private void StorePathTrace(ReadOnlySpan<byte> tlvs)
    {
        _pathTraceCount = 0;
        while (tlvs.Length >= 4)
        {
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(tlvs);
            int len = BinaryPrimitives.ReadUInt16BigEndian(tlvs[2..]);
            if (len > tlvs.Length - 4) return;
            if (type == PtpWire.TlvPathTrace)
            {
                for (int o = 4; o + 8 <= 4 + len && _pathTraceCount < MaxPathTrace - 1; o += 8)
                    _pathTrace[_pathTraceCount++] = ClockIdentity.Read(tlvs[o..]);
                return;
            }
            tlvs = tlvs[(4 + len)..];
        }
    }

    /// <summary>Announce (13.5) from parentDS, currentDS and timePropertiesDS; path trace TLV when enabled (16.2).</summary>
    private void SendAnnounce(EnginePort p)
    {
        Arm(p, TimerKind.AnnounceTransmit, Interval(p.Ds.LogAnnounceInterval));
        if (!p.Ds.AsCapable) return;
        int traceEntries = _options.PathTraceEnabled ? _pathTraceCount + 1 : 0;
        int length = PtpWire.AnnounceLength + (traceEntries > 0 ? 4 + 8 * traceEntries : 0);
        var m = Rent(p, length, out var mem);
        if (m.IsEmpty) return;
        var tp = TimePropertiesDataSet;
        PtpWire.WriteHeader(m, PtpWire.Announce, p.Options.TransportSpecific, length, DefaultDataSet.DomainNumber, 0,
            tp.Flags, TimeInterval.Zero, p.Ds.PortIdentity, p.AnnounceSeq++, p.Ds.LogAnnounceInterval);
        m[PtpWire.OffBodyTimestamp..PtpWire.OffCurrentUtcOffset].Clear();
        BinaryPrimitives.WriteInt16BigEndian(m[PtpWire.OffCurrentUtcOffset..], tp.CurrentUtcOffset);
        m[46] = 0;
        var par = ParentDataSet;
        m[PtpWire.OffGmPriority1] = par.GrandmasterPriority1;
        par.GrandmasterClockQuality.Write(m[PtpWire.OffGmClockQuality..]);
        m[PtpWire.OffGmPriority2] = par.GrandmasterPriority2;
        par.GrandmasterIdentity.Write(m[PtpWire.OffGmIdentity..]);
        BinaryPrimitives.WriteUInt16BigEndian(m[PtpWire.OffStepsRemoved..], CurrentDataSet.StepsRemoved);
        m[PtpWire.OffTimeSource] = tp.TimeSource;
        if (traceEntries > 0)
        {
            var t = m[PtpWire.AnnounceLength..];
            BinaryPrimitives.WriteUInt16BigEndian(t, PtpWire.TlvPathTrace);
            BinaryPrimitives.WriteUInt16BigEndian(t[2..], (ushort)(8 * traceEntries));
            for (int i = 0; i < _pathTraceCount; i++) _pathTrace[i].Write(t[(4 + 8 * i)..]);
            DefaultDataSet.ClockIdentity.Write(t[(4 + 8 * _pathTraceCount)..]);
        }
        EmitSend(p, false, PtpWire.Announce, mem, SendDestination.PrimaryMulticast, -1);
    }

    /// <summary>Sync (13.6). Two-step: a TX token; the Follow_Up follows the TX timestamp. One-step: the transmitter
    /// writes originTimestamp on the fly (<see cref="EngineAction.OneStep"/>).</summary>
    private void SendSync(EnginePort p)
    {
        Arm(p, TimerKind.SyncTransmit, Interval(p.Ds.LogSyncInterval));
        if (!p.Ds.AsCapable) return;
        var m = Rent(p, PtpWire.SyncLength, out var mem);
        if (m.IsEmpty) return;
        bool twoStep = DefaultDataSet.TwoStepFlag;
        ushort seq = p.SyncSeq++;
        PtpWire.WriteHeader(m, PtpWire.Sync, p.Options.TransportSpecific, PtpWire.SyncLength, DefaultDataSet.DomainNumber,
            twoStep ? PtpWire.FlagTwoStep : (byte)0, TimePropertiesDataSet.Flags, TimeInterval.Zero, p.Ds.PortIdentity, seq,
            p.Ds.LogSyncInterval);
        m[PtpWire.OffBodyTimestamp..PtpWire.SyncLength].Clear();
        var token = twoStep ? IssueToken(p, PtpWire.Sync, seq) : default;
        EmitSend(p, true, PtpWire.Sync, mem, SendDestination.PrimaryMulticast, -1, token, oneStep: !twoStep);
    }

    /// <summary>Follow_Up (13.7): preciseOriginTimestamp is the Sync's TX timestamp.</summary>
    private void SendFollowUp(EnginePort p, ushort seq, long txNs)
    {
        if (!PortStateNames.IsMaster(p.State)) return;
        const int InfoTlvLength = Tlv.HeaderLength + FollowUpInformationTlv.ValueLengthConst;
        int length = PtpWire.FollowUpLength + (p.Options.FollowUpInfo ? InfoTlvLength : 0);
        var m = Rent(p, length, out var mem);
        if (m.IsEmpty) return;
        PtpWire.WriteHeader(m, PtpWire.FollowUp, p.Options.TransportSpecific, PtpWire.FollowUpLength,
            DefaultDataSet.DomainNumber, 0, TimePropertiesDataSet.Flags, TimeInterval.Zero, p.Ds.PortIdentity, seq,
            p.Ds.LogSyncInterval);
        PtpTimestamp.FromNanoseconds(txNs).Write(m[PtpWire.OffBodyTimestamp..]);
        if (p.Options.FollowUpInfo)
        {
            // A grandmaster or a syntonised BC: no rate offset, no GM change to report.
            PtpMessageWriter.AppendTlv(m, PtpWire.FollowUpLength, new FollowUpInformationTlv(0, 0, default, 0));
        }
        EmitSend(p, false, PtpWire.FollowUp, mem, SendDestination.PrimaryMulticast, -1);
    }

    /// <summary>Delay_Resp (11.3.2, 13.8): receiveTimestamp = t4; correctionField copied from the Delay_Req.</summary>
    private void ReceiveDelayReq(EnginePort p, ReadOnlySpan<byte> m, long rxNs, int address)
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
        var r = Rent(p, PtpWire.DelayRespLength, out var mem);
        if (r.IsEmpty) return;
        bool unicast = (PtpWire.Flags0(m) & PtpWire.FlagUnicast) != 0 && address >= 0;
        PtpWire.WriteHeader(r, PtpWire.DelayResp, p.Options.TransportSpecific, PtpWire.DelayRespLength,
            DefaultDataSet.DomainNumber, unicast ? PtpWire.FlagUnicast : (byte)0, TimePropertiesDataSet.Flags,
            PtpWire.Correction(m), p.Ds.PortIdentity, PtpWire.SequenceId(m), p.Ds.LogMinDelayReqInterval);
        PtpTimestamp.FromNanoseconds(rxNs).Write(r[PtpWire.OffBodyTimestamp..]);
        PtpWire.SourcePortIdentity(m).Write(r[PtpWire.OffRequestingPortIdentity..]);
        EmitSend(p, false, PtpWire.DelayResp, mem, unicast ? SendDestination.Unicast : SendDestination.PrimaryMulticast, address);
    }
}
