using Ptp4Net.Delay;
using Ptp4Net.Engine.Wire;
using Ptp4Net.Identity;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Engine;

// The peer delay mechanism (11.4): requester and responder, neighbour rate ratio, asCapable.
public sealed partial class PtpClockEngine
{
    private void SendPdelayReq(EnginePort p)
    {
        if (p.State is PortState.Initializing or PortState.Faulty or PortState.Disabled) return;
        Arm(p, TimerKind.DelayRequest, Interval(p.Ds.LogMinPdelayReqInterval));
        if (p.PdelayOutstanding && !p.PdDone)
        {
            // The previous request got no complete answer (802.1AS 11.2.19.3.4 lostResponses).
            p.Counters.LostPdelayResponses++;
            if (++p.LostResponses > p.Options.AllowedLostResponses && !p.Options.AsCapableAlways && p.Ds.AsCapable)
            {
                p.Ds.AsCapable = false;
                Log(p.Index, new LogEvent(LogKind.DelayTimeout, PortIdentity: p.Ds.PortIdentity));
            }
        }
        var m = Rent(p, PtpWire.PdelayReqLength, out var mem);
        if (m.IsEmpty) return;
        ushort seq = p.PdelayReqSeq++;
        PtpWire.WriteHeader(m, PtpWire.PdelayReq, p.Options.TransportSpecific, PtpWire.PdelayReqLength,
            DefaultDataSet.DomainNumber, 0, 0, TimeInterval.Zero, p.Ds.PortIdentity, seq, 0x7F);
        m[PtpWire.OffBodyTimestamp..PtpWire.PdelayReqLength].Clear();
        p.PdelayOutstanding = true;
        p.PdelayOutSeq = seq;
        p.PdHaveT1 = p.PdHaveResp = p.PdHaveFup = p.PdDone = false;
        EmitSend(p, true, PtpWire.PdelayReq, mem, SendDestination.PeerDelayMulticast, -1, IssueToken(p, PtpWire.PdelayReq, seq));
    }

    private void PdelayReqSent(EnginePort p, ushort seq, long txNs)
    {
        if (!p.PdelayOutstanding || p.PdelayOutSeq != seq) return;
        p.PdHaveT1 = true;
        p.PdT1Ns = txNs;
        TryCompletePdelay(p);
    }

    /// <summary>Responder (11.4.2 two-step): Pdelay_Resp with requestReceiptTimestamp = t2, then
    /// Pdelay_Resp_Follow_Up with responseOriginTimestamp = t3 and the request's correctionField.</summary>
    private void ReceivePdelayReq(EnginePort p, ReadOnlySpan<byte> m, long rxNs, int address)
    {
        if (!p.IsP2P)
        {
            Drop(p, RxDropReason.NotForThisState);
            return;
        }
        if (rxNs == 0)
        {
            Drop(p, RxDropReason.BadTimestamp);
            return;
        }
        var r = Rent(p, PtpWire.PdelayRespLength, out var mem);
        if (r.IsEmpty) return;
        ushort seq = PtpWire.SequenceId(m);
        var requester = PtpWire.SourcePortIdentity(m);
        bool unicast = (PtpWire.Flags0(m) & PtpWire.FlagUnicast) != 0 && address >= 0;
        PtpWire.WriteHeader(r, PtpWire.PdelayResp, p.Options.TransportSpecific, PtpWire.PdelayRespLength,
            DefaultDataSet.DomainNumber, (byte)(PtpWire.FlagTwoStep | (unicast ? PtpWire.FlagUnicast : 0)), 0,
            TimeInterval.Zero, p.Ds.PortIdentity, seq, 0x7F);
        PtpTimestamp.FromNanoseconds(rxNs).Write(r[PtpWire.OffBodyTimestamp..]);
        requester.Write(r[PtpWire.OffRequestingPortIdentity..]);
        var token = IssueToken(p, PtpWire.PdelayResp, seq, requester, PtpWire.Correction(m).ScaledNanoseconds, address, unicast);
        EmitSend(p, true, PtpWire.PdelayResp, mem, unicast ? SendDestination.Unicast : SendDestination.PeerDelayMulticast,
            address, token);
    }

    private void SendPdelayRespFollowUp(EnginePort p, in PendingTx t, long t3Ns)
    {
        if (p.State is PortState.Initializing or PortState.Faulty or PortState.Disabled) return;
        var r = Rent(p, PtpWire.PdelayRespFollowUpLength, out var mem);
        if (r.IsEmpty) return;
        PtpWire.WriteHeader(r, PtpWire.PdelayRespFollowUp, p.Options.TransportSpecific, PtpWire.PdelayRespFollowUpLength,
            DefaultDataSet.DomainNumber, t.Unicast ? PtpWire.FlagUnicast : (byte)0, 0, TimeInterval.FromScaled(t.Correction),
            p.Ds.PortIdentity, t.Sequence, 0x7F);
        PtpTimestamp.FromNanoseconds(t3Ns).Write(r[PtpWire.OffBodyTimestamp..]);
        t.Requester.Write(r[PtpWire.OffRequestingPortIdentity..]);
        EmitSend(p, false, PtpWire.PdelayRespFollowUp, mem,
            t.Unicast ? SendDestination.Unicast : SendDestination.PeerDelayMulticast, t.Address);
    }

    private bool MatchesOutstandingPdelay(EnginePort p, ReadOnlySpan<byte> m)
    {
        if (!p.IsP2P) return Drop(p, RxDropReason.NotForThisState);
        if (PtpWire.RequestingPortIdentity(m) != p.Ds.PortIdentity) return Drop(p, RxDropReason.WrongRequestingPort);
        if (!p.PdelayOutstanding || PtpWire.SequenceId(m) != p.PdelayOutSeq) return Drop(p, RxDropReason.UnmatchedSequence);
        return true;
    }

    private void ReceivePdelayResp(EnginePort p, ReadOnlySpan<byte> m, long rxNs)
    {
        if (!MatchesOutstandingPdelay(p, m)) return;
        if (p.PdHaveResp)
        {
            // A second responder on the link (802.1AS 11.2.19.3.4: multiple responses make the port not asCapable).
            Drop(p, RxDropReason.Duplicate);
            if (!p.Options.AsCapableAlways) p.Ds.AsCapable = false;
            return;
        }
        if (rxNs == 0)
        {
            Drop(p, RxDropReason.BadTimestamp);
            return;
        }
        p.PdHaveResp = true;
        p.PdResponder = PtpWire.SourcePortIdentity(m);
        p.PdT2Ns = EnginePort.Ns(PtpWire.BodyTimestamp(m));
        p.PdT4Ns = rxNs;
        p.PdRespCorrection = PtpWire.Correction(m).ScaledNanoseconds;
        if ((PtpWire.Flags0(m) & PtpWire.FlagTwoStep) == 0)
        {
            // One-step responder: the turnaround time is in correctionField, t3 − t2 is zero (11.4.2 b).
            p.PdHaveFup = true;
            p.PdT3Ns = p.PdT2Ns;
            p.PdFupCorrection = 0;
        }
        TryCompletePdelay(p);
    }

    private void ReceivePdelayRespFollowUp(EnginePort p, ReadOnlySpan<byte> m)
    {
        if (!MatchesOutstandingPdelay(p, m)) return;
        if (!p.PdHaveResp || PtpWire.SourcePortIdentity(m) != p.PdResponder || p.PdHaveFup)
        {
            Drop(p, p.PdHaveFup ? RxDropReason.Duplicate : RxDropReason.UnmatchedSequence);
            return;
        }
        p.PdHaveFup = true;
        p.PdT3Ns = EnginePort.Ns(PtpWire.BodyTimestamp(m));
        p.PdFupCorrection = PtpWire.Correction(m).ScaledNanoseconds;
        TryCompletePdelay(p);
    }

    private void TryCompletePdelay(EnginePort p)
    {
        if (!p.PdHaveT1 || !p.PdHaveResp || !p.PdHaveFup || p.PdDone) return;
        p.PdDone = true;
        // Neighbour rate ratio (11.4.2): responder time elapsed over requester time elapsed between exchanges.
        if (p.PdHavePrev && p.PdT4Ns > p.PdPrevT4Ns && p.PdT3Ns > p.PdPrevT3Ns)
        {
            double r = (double)(p.PdT3Ns - p.PdPrevT3Ns) / (p.PdT4Ns - p.PdPrevT4Ns);
            // Reject nonsense (a stepped clock on either side): ±0.1 % is far beyond any oscillator.
            if (Math.Abs(r - 1.0) < 1e-3) p.NeighborRateRatio = r;
        }
        p.PdHavePrev = true;
        p.PdPrevT3Ns = p.PdT3Ns;
        p.PdPrevT4Ns = p.PdT4Ns;

        long raw = DelayCalculator.P2PMeanLinkDelay(p.PdT4Ns - p.PdT1Ns, p.PdT3Ns - p.PdT2Ns,
            p.PdRespCorrection + p.PdFupCorrection, p.NeighborRateRatio);
        if (p.FilterStale)
        {
            p.Filter.Reset();
            p.FilterStale = false;
        }
        p.PeerDelayNs = p.Filter.Sample(raw);
        p.HavePeerDelay = true;
        p.Ds.PeerMeanPathDelay = TimeInterval.FromNanoseconds(p.PeerDelayNs);
        p.LostResponses = 0;
        if (!p.Options.AsCapableAlways)
        {
            // 802.1AS 11.2.2: asCapable needs the measured delay within [min_neighbor_prop_delay, neighborPropDelayThresh].
            p.Ds.AsCapable = p.PeerDelayNs <= p.Options.NeighborPropDelayThreshNs && p.PeerDelayNs >= p.Options.MinNeighborPropDelayNs;
        }
    }
}
