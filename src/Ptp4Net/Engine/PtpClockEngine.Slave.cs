using Ptp4Net.Delay;
using Ptp4Net.Engine.Wire;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Engine;

// The slave side: Sync / Follow_Up matching, Delay_Req / Delay_Resp (E2E), offsets and the servo.
public sealed partial class PtpClockEngine
{
    private int _stepWindowCounter;
    private long _lastIngressNs;
    private readonly OffsetOutlierFilter _outliers = new();

    private bool FromParent(EnginePort p, ReadOnlySpan<byte> m)
    {
        if (!PortStateNames.IsSlave(p.State)) return Drop(p, RxDropReason.NotForThisState);
        if (PtpWire.SourcePortIdentity(m) != ParentDataSet.ParentPortIdentity) return Drop(p, RxDropReason.NotFromParent);
        return true;
    }

    /// <summary>
    /// Sync (9.5.4, 11.3). One-step: complete at once. Two-step: wait for the Follow_Up with the same sequenceId from
    /// the same source, which may also have arrived first (reordering). A repeat of the last completed sequenceId is
    /// a duplicate; a newer Sync replaces an older incomplete one (its Follow_Up was lost).
    /// </summary>
    private void ReceiveSync(EnginePort p, ReadOnlySpan<byte> m, long rxNs, int address)
    {
        if (!FromParent(p, m)) return;
        p.ParentAddress = address;
        if (rxNs == 0)
        {
            Drop(p, RxDropReason.BadTimestamp);
            return;
        }
        ushort seq = PtpWire.SequenceId(m);
        if (p.HaveLastSync && seq == p.LastSyncSeq)
        {
            Drop(p, RxDropReason.Duplicate);
            return;
        }
        if (p.HaveLastSync && IsRecentlyPassed(seq, p.LastSyncSeq))
        {
            Drop(p, RxDropReason.StaleSequence);
            return;
        }
        ArmSyncReceipt(p);
        UpdateSyncInterval(p, PtpWire.LogMessageInterval(m));
        long corr = PtpWire.Correction(m).ScaledNanoseconds;
        if ((PtpWire.Flags0(m) & PtpWire.FlagTwoStep) == 0)
        {
            p.HaveSync = false;
            CompleteSync(p, seq, EnginePort.Ns(PtpWire.BodyTimestamp(m)), corr, rxNs);
            return;
        }
        if (p.HaveFollowUp && p.PendFupSeq == seq)
        {
            p.HaveFollowUp = false;
            p.HaveSync = false;
            CompleteSync(p, seq, p.PendFupOriginNs, corr + p.PendFupCorrection, rxNs);
            return;
        }
        if (p.HaveSync && p.PendSyncSeq == seq)
        {
            Drop(p, RxDropReason.Duplicate);
            return;
        }
        if (p.HaveSync) p.Counters.FollowUpMismatches++; // the previous Sync's Follow_Up never came
        if (p.HaveFollowUp && SequenceId.IsNewer(seq, p.PendFupSeq)) p.HaveFollowUp = false;
        p.HaveSync = true;
        p.PendSyncSeq = seq;
        p.PendSyncRxNs = rxNs;
        p.PendSyncCorrection = corr;
    }

    private void ReceiveFollowUp(EnginePort p, ReadOnlySpan<byte> m)
    {
        if (!FromParent(p, m)) return;
        ushort seq = PtpWire.SequenceId(m);
        long origin = EnginePort.Ns(PtpWire.BodyTimestamp(m));
        long corr = PtpWire.Correction(m).ScaledNanoseconds;
        if (p.HaveSync && p.PendSyncSeq == seq)
        {
            p.HaveSync = false;
            p.HaveFollowUp = false;
            CompleteSync(p, seq, origin, p.PendSyncCorrection + corr, p.PendSyncRxNs);
            return;
        }
        if (p.HaveLastSync && seq == p.LastSyncSeq)
        {
            Drop(p, RxDropReason.Duplicate);
            return;
        }
        if ((p.HaveSync && SequenceId.IsNewer(p.PendSyncSeq, seq)) || (p.HaveLastSync && IsRecentlyPassed(seq, p.LastSyncSeq)))
        {
            Drop(p, RxDropReason.StaleSequence);
            return;
        }
        if (p.HaveFollowUp && p.PendFupSeq == seq)
        {
            Drop(p, RxDropReason.Duplicate);
            return;
        }
        // Arrived before its Sync: keep it (the newest one wins).
        p.HaveFollowUp = true;
        p.PendFupSeq = seq;
        p.PendFupSource = PtpWire.SourcePortIdentity(m);
        p.PendFupOriginNs = origin;
        p.PendFupCorrection = corr;
    }

    /// <summary>True when <paramref name="seq"/> is a little behind <paramref name="last"/> (a late, reordered message).
    /// Further behind is taken as the master having restarted its sequence, which must not silence it.</summary>
    private static bool IsRecentlyPassed(ushort seq, ushort last)
    {
        int d = SequenceId.Distance(seq, last);
        return d < 0 && d >= -StaleWindow;
    }

    /// <summary>How far behind the last completed Sync a sequenceId counts as stale rather than a restart.</summary>
    private const int StaleWindow = 16;

    private void UpdateSyncInterval(EnginePort p, sbyte log)
    {
        if (log == p.LastSyncLogInterval || log < -10 || log > 22) return;
        p.LastSyncLogInterval = log;
        _servo.SetSyncInterval(Math.Pow(2, log));
    }

    /// <summary>A complete (t1, c1, t2): the offset from master and one servo sample (port.c port_synchronize).</summary>
    private void CompleteSync(EnginePort p, ushort seq, long t1, long c1Scaled, long t2)
    {
        p.HaveLastSync = true;
        p.LastSyncSeq = seq;
        p.HaveT1T2 = true;
        p.T1Ns = t1;
        p.T2Ns = t2;
        p.C1Scaled = c1Scaled;
        if (StartupRateEstimate)
        {
            if (p.AddRateSample(t1 + (c1Scaled >> 16), t2))
            {
                // The master's time jumped against ours (an upstream clock stepped, or slews faster than any
                // oscillator): delays measured across it are void and the delay filter restarts with the next
                // measurement. The servo is left alone, as ptp4l: it sees the jump in the offsets.
                p.HaveDeferredDelay = false;
                p.DelayReqOutstanding = p.HaveT3 = p.HaveEarlyResp = false;
                p.FilterStale = p.HaveDelay;
            }
            else if (p.HaveDeferredDelay && p.HaveSyncRate)
            {
                p.HaveDeferredDelay = false;
                ComputeE2EDelayNow(p, p.DeferredT3Ns, p.DeferredT4Ns, p.DeferredC2Scaled);
            }
        }
        if (p.HaveT3 && p.HaveEarlyResp) ComputeE2EDelay(p, p.EarlyT4Ns, p.EarlyC2Scaled);

        if (_stepWindowCounter > 0)
        {
            // step_window: skip samples right after a step, they may straddle it.
            _stepWindowCounter--;
            return;
        }
        if (_options.FirstSampleAfterDelay && !(p.IsP2P ? p.HavePeerDelay : p.HaveDelay)) return;
        long delay = p.IsP2P ? p.PeerDelayNs : p.MeanDelayNs;
        long offset = DelayCalculator.OffsetFromMaster(t2 - t1, c1Scaled, delay, p.Ds.DelayAsymmetryNs);
        CurrentDataSet.OffsetFromMaster = TimeInterval.FromNanoseconds(offset);
        CurrentDataSet.MeanPathDelay = TimeInterval.FromNanoseconds(delay);
        if (_options.RejectOffsetOutliers && !_outliers.Accept(offset))
        {
            Counters.RejectedOffsetOutliers++;
            return;
        }
        Synchronize(p, offset, t2, delay);
    }

    /// <summary>clock.c clock_synchronize: sample the servo, turn its answer into clock actions and FSM events.</summary>
    private void Synchronize(EnginePort p, long offset, long localNs, long delay)
    {
        LastOffsetNs = offset;
        _lastIngressNs = localNs;
        if (_options.FreeRunning)
        {
            // free_running: measure and report, never steer (clock.c clock_no_adjust). The port stays UNCALIBRATED.
            ServoState = ServoState.Unlocked;
            Log(p.Index, new LogEvent(LogKind.ServoSample, OffsetNs: offset, ServoState: ServoState.Unlocked, FrequencyPpb: 0, PathDelayNs: delay));
            Dispatch(p, PortEvent.SynchronizationFault, false);
            return;
        }
        var (freq, state) = _servo.Sample(offset, localNs, 1.0);
        ServoState = state;
        LastFrequencyPpb = freq;
        Log(p.Index, new LogEvent(LogKind.ServoSample, OffsetNs: offset, ServoState: state, FrequencyPpb: freq, PathDelayNs: delay));
        switch (state)
        {
            case ServoState.Unlocked:
                Dispatch(p, PortEvent.SynchronizationFault, false);
                break;
            case ServoState.Jump:
                _actions.Add(new EngineAction { Kind = ActionKind.SetFrequency, Port = -1, FrequencyPpb = -freq });
                _actions.Add(new EngineAction { Kind = ActionKind.StepClock, Port = -1, StepNs = -offset });
                // tsproc_reset(0): timestamps taken before the step are void; the delay filter is kept, as ptp4l.
                foreach (var q in _ports)
                {
                    q.HaveT1T2 = false;
                    q.HaveSync = q.HaveFollowUp = false;
                    q.DelayReqOutstanding = q.HaveT3 = q.HaveEarlyResp = false;
                    q.PdelayOutstanding = false;
                    q.ResetRate();
                    // The old estimate stays in use until a measurement taken after the step replaces the whole
                    // filter: better than 0 for the samples in between.
                    if (_options.ResetDelayFilterOnStep) q.FilterStale = true;
                }
                _stepWindowCounter = _options.StepWindow;
                _outliers.Reset();
                Dispatch(p, PortEvent.SynchronizationFault, false);
                break;
            default:
                _actions.Add(new EngineAction { Kind = ActionKind.SetFrequency, Port = -1, FrequencyPpb = -freq });
                Dispatch(p, PortEvent.MasterClockSelected, false);
                break;
        }
    }

    /// <summary>Delay_Req (11.3.2): sent at a randomised interval while UNCALIBRATED or SLAVE.</summary>
    private void SendDelayReq(EnginePort p)
    {
        if (!PortStateNames.IsSlave(p.State) || p.IsP2P) return;
        Arm(p, TimerKind.DelayRequest, DelayReqInterval(p));
        var m = Rent(p, PtpWire.DelayReqLength, out var mem);
        if (m.IsEmpty) return;
        ushort seq = p.DelayReqSeq++;
        PtpWire.WriteHeader(m, PtpWire.DelayReq, p.Options.TransportSpecific, PtpWire.DelayReqLength,
            DefaultDataSet.DomainNumber, 0, 0, TimeInterval.Zero, p.Ds.PortIdentity, seq, 0x7F);
        m[PtpWire.OffBodyTimestamp..PtpWire.DelayReqLength].Clear();
        p.DelayReqOutstanding = true;
        p.DelayReqOutSeq = seq;
        p.HaveT3 = false;
        p.HaveEarlyResp = false;
        // hybrid_e2e: Delay_Req unicast to the master (flagged unicast, so the master answers unicast too).
        bool unicast = p.Options.HybridE2E && p.ParentAddress >= 0;
        if (unicast) m[PtpWire.OffFlags] |= PtpWire.FlagUnicast;
        EmitSend(p, true, PtpWire.DelayReq, mem, unicast ? SendDestination.Unicast : SendDestination.PrimaryMulticast,
            unicast ? p.ParentAddress : -1, IssueToken(p, PtpWire.DelayReq, seq));
    }

    private void DelayReqSent(EnginePort p, ushort seq, long txNs)
    {
        if (!p.DelayReqOutstanding || p.DelayReqOutSeq != seq) return;
        p.HaveT3 = true;
        p.T3Ns = txNs;
        if (p.HaveEarlyResp) ComputeE2EDelay(p, p.EarlyT4Ns, p.EarlyC2Scaled);
    }

    private void ReceiveDelayResp(EnginePort p, ReadOnlySpan<byte> m)
    {
        if (PtpWire.RequestingPortIdentity(m) != p.Ds.PortIdentity)
        {
            Drop(p, RxDropReason.WrongRequestingPort);
            return;
        }
        if (!FromParent(p, m)) return;
        ushort seq = PtpWire.SequenceId(m);
        if (!p.DelayReqOutstanding || seq != p.DelayReqOutSeq)
        {
            Drop(p, RxDropReason.UnmatchedSequence);
            return;
        }
        // ptp4l: follow the master's logMinDelayReqInterval (port.c process_delay_resp).
        sbyte log = PtpWire.LogMessageInterval(m);
        if (log >= -10 && log <= 22) p.Ds.LogMinDelayReqInterval = log;
        long t4 = EnginePort.Ns(PtpWire.BodyTimestamp(m));
        long c2 = PtpWire.Correction(m).ScaledNanoseconds;
        if (!p.HaveT3 || !p.HaveT1T2)
        {
            // The response overtook our TX timestamp (or the Sync): finish when it comes.
            p.HaveEarlyResp = true;
            p.EarlyT4Ns = t4;
            p.EarlyC2Scaled = c2;
            return;
        }
        ComputeE2EDelay(p, t4, c2);
    }

    /// <summary>EstimateRateFromSync acts until the servo first leaves UNLOCKED: once the frequency is corrected, a
    /// rate measured over Syncs while the servo (or an upstream clock) keeps changing frequency would feed those
    /// changes back into the delay, which destabilises chains of boundary clocks.</summary>
    private bool StartupRateEstimate => _options.EstimateRateFromSync && ServoState == ServoState.Unlocked;

    private void ComputeE2EDelay(EnginePort p, long t4, long c2Scaled)
    {
        p.DelayReqOutstanding = false;
        p.HaveEarlyResp = false;
        if (StartupRateEstimate && _servo.RateRatio == 1.0)
        {
            // Wait for the next Sync: it shows whether the master's time jumped during the exchange, and it is the
            // Sync pair the exchange is then computed with (any pair works once t2 − t3 is scaled by the rate).
            p.HaveDeferredDelay = true;
            p.DeferredT3Ns = p.T3Ns;
            p.DeferredT4Ns = t4;
            p.DeferredC2Scaled = c2Scaled;
            return;
        }
        ComputeE2EDelayNow(p, p.T3Ns, t4, c2Scaled);
    }

    private void ComputeE2EDelayNow(EnginePort p, long t3, long t4, long c2Scaled)
    {
        // tsproc.c: the local interval t2 − t3 is scaled to master time by the servo's rate ratio (or, with
        // EstimateRateFromSync, by the rate measured from the Syncs when the servo has none).
        long t23 = p.T2Ns - t3;
        double rr = _servo.RateRatio;
        if (rr == 1.0 && StartupRateEstimate) rr = p.SyncRateRatio;
        if (rr != 1.0 && rr > 0.999 && rr < 1.001) t23 = (long)Math.Round(t23 * rr);
        long raw = DelayCalculator.E2EMeanPathDelay(t23, t4 - p.T1Ns, p.C1Scaled, c2Scaled);
        if (p.FilterStale)
        {
            p.Filter.Reset();
            p.FilterStale = false;
        }
        p.MeanDelayNs = p.Filter.Sample(raw);
        p.HaveDelay = true;
        CurrentDataSet.MeanPathDelay = TimeInterval.FromNanoseconds(p.MeanDelayNs);
    }
}
