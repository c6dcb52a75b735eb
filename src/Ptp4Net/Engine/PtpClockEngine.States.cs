using Ptp4Net.Bmca;
using Ptp4Net.Identity;
using Ptp4Net.StateMachine;

namespace Ptp4Net.Engine;

// Applying the port state machine and the state decision (linuxptp port.c port_dispatch / port_e2e_transition,
// clock.c handle_state_decision_event).
public sealed partial class PtpClockEngine
{
    private bool _isGrandmaster;
    // What this clock announces as grandmaster (GRANDMASTER_SETTINGS_NP; ptp4l's utc_offset, time_flags, time_source).
    private short _gmUtcOffset;
    private byte _gmTimeFlags = DataSets.TimePropertiesDataSet.PtpTimescaleFlag;
    private byte _gmTimeSource;
    private bool _haveSelected;
    private ClockIdentity _selectedBest;

    /// <summary>Runs the FSM for an event and applies the resulting transition.</summary>
    private void Dispatch(EnginePort p, PortEvent ev, bool masterChanged)
    {
        var old = p.State;
        var next = PortStateMachine.Next(p.Role, old, ev, masterChanged);
        if (next == old) return;
        if (next == PortState.Initializing)
        {
            // 9.2.6.4: initialization completes at once, as ptp4l's port_initialize followed by INIT_COMPLETE.
            Initialize(p, ev, old);
            return;
        }
        ChangeState(p, old, next, ev);
    }

    /// <summary>INITIALIZING is passed through at once; as ptp4l (port_state_update) only the resulting transition is
    /// reported: "FAULTY to LISTENING on INIT_COMPLETE".</summary>
    private void Initialize(EnginePort p, PortEvent ev, PortState old)
    {
        p.State = PortState.Initializing;
        for (int k = 0; k < EnginePort.TimerCount; k++) Cancel(p, (TimerKind)k);
        p.Foreign.Clear();
        p.HasErbest = false;
        p.ResetSlaveState();
        p.ResetPeerState();
        p.Filter.Reset();
        p.HaveDelay = false;
        p.MeanDelayNs = 0;
        p.Fault = FaultReason.None;
        if (!p.LinkUp)
        {
            if (old != PortState.Faulty) ChangeState(p, old, PortState.Faulty, PortEvent.FaultDetected);
            else p.State = PortState.Faulty;
            return;
        }
        ChangeState(p, old, PortState.Listening, PortEvent.InitComplete);
    }

    private void EmitStateChange(EnginePort p, PortState old, PortState next, PortEvent ev) =>
        _actions.Add(new EngineAction { Kind = ActionKind.PortStateChanged, Port = p.Index, OldState = old, NewState = next, Event = ev });

    private void ChangeState(EnginePort p, PortState old, PortState next, PortEvent ev)
    {
        EmitStateChange(p, old, next, ev);
        p.State = next;
        bool wasMaster = PortStateNames.IsMaster(old);
        bool isMaster = PortStateNames.IsMaster(next);
        bool wasSlave = PortStateNames.IsSlave(old);
        bool isSlave = PortStateNames.IsSlave(next);

        if (!isMaster)
        {
            Cancel(p, TimerKind.AnnounceTransmit);
            Cancel(p, TimerKind.SyncTransmit);
        }
        if (next != PortState.PreMaster) Cancel(p, TimerKind.Qualification);
        if (!isSlave)
        {
            Cancel(p, TimerKind.SyncReceipt);
            if (!p.IsP2P) Cancel(p, TimerKind.DelayRequest);
            if (wasSlave) p.ResetSlaveState();
            if (SlavePortIndex == p.Index) SlavePortIndex = -1;
        }

        switch (next)
        {
            case PortState.Faulty:
                for (int k = 0; k < EnginePort.TimerCount; k++) Cancel(p, (TimerKind)k);
                // fault_reset_interval; ptp4l's FRI_ASAP (-128) clears at once.
                if (p.LinkUp) Arm(p, TimerKind.FaultReset, p.Options.FaultResetInterval == -128 ? 1 : Interval(p.Options.FaultResetInterval));
                break;
            case PortState.Disabled:
                for (int k = 0; k < EnginePort.TimerCount; k++) Cancel(p, (TimerKind)k);
                break;
            case PortState.Listening:
            case PortState.Passive:
                ArmAnnounceReceipt(p);
                if (p.IsP2P && !p.TimerArmed[(int)TimerKind.DelayRequest]) Arm(p, TimerKind.DelayRequest, Interval(p.Ds.LogMinPdelayReqInterval));
                break;
            case PortState.PreMaster:
                Cancel(p, TimerKind.AnnounceReceipt);
                // 9.2.6.11: qualification timeout = (stepsRemoved + 1) announce intervals, as ptp4l.
                Arm(p, TimerKind.Qualification, (1 + CurrentDataSet.StepsRemoved) * Interval(p.Ds.LogAnnounceInterval));
                break;
            case PortState.Master:
            case PortState.GrandMaster:
                Cancel(p, TimerKind.AnnounceReceipt);
                if (!wasMaster)
                {
                    // ptp4l: first Announce after 2^-10 s, first Sync after one sync interval.
                    Arm(p, TimerKind.AnnounceTransmit, Interval(-10));
                    Arm(p, TimerKind.SyncTransmit, Interval(p.Ds.LogSyncInterval));
                }
                break;
            case PortState.Uncalibrated:
                SlavePortIndex = p.Index;
                if (!wasSlave)
                {
                    p.ResetSlaveState();
                    ArmAnnounceReceipt(p);
                    ArmSyncReceipt(p);
                    if (!p.IsP2P) Arm(p, TimerKind.DelayRequest, DelayReqInterval(p));
                }
                break;
            case PortState.Slave:
                SlavePortIndex = p.Index;
                break;
        }
        if (p.IsP2P && (next is PortState.Faulty or PortState.Disabled)) p.ResetPeerState();
    }

    private void ArmAnnounceReceipt(EnginePort p)
    {
        // ptp4l set_tmo_random(announceReceiptTimeout, announce_span = 1): uniform in [N, N + 1) intervals.
        double intervals = p.Ds.AnnounceReceiptTimeout + _random.NextDouble();
        Arm(p, TimerKind.AnnounceReceipt, (long)(intervals * Interval(p.Ds.LogAnnounceInterval)));
    }

    private void ArmSyncReceipt(EnginePort p)
    {
        if (p.Options.SyncReceiptTimeout == 0) return;
        Arm(p, TimerKind.SyncReceipt, p.Options.SyncReceiptTimeout * Interval(p.Ds.LogSyncInterval));
    }

    /// <summary>9.5.11.2 (ptp4l set_tmo_random(0, 2, logMinDelayReqInterval)): uniform in [0, 2·2^logMinDelayReqInterval).</summary>
    private long DelayReqInterval(EnginePort p) =>
        (long)(2.0 * _random.NextDouble() * Interval(p.Ds.LogMinDelayReqInterval));

    private void Fault(EnginePort p, FaultReason reason)
    {
        p.Fault = reason;
        Log(p.Index, new LogEvent(LogKind.Fault, PortIdentity: p.Ds.PortIdentity, Fault: reason));
        Dispatch(p, PortEvent.FaultDetected, false);
    }

    /// <summary>Announce or sync receipt timeout (port.c port_event FD_ANNOUNCE_TIMER / FD_SYNC_RX_TIMER).</summary>
    private void ReceiptTimeout(EnginePort p, TimerKind kind)
    {
        if (kind == TimerKind.SyncReceipt) p.Counters.SyncTimeouts++;
        else p.Counters.AnnounceTimeouts++;
        // The master this port listened to is gone: forget it so that the state decision does not pick it again
        // (ptp4l fc_clear(p->best)).
        if (PortStateNames.IsSlave(p.State)) p.Foreign.Remove(ParentDataSet.ParentPortIdentity);
        if (p.HasErbest)
        {
            p.Foreign.Remove(p.Erbest.DataSet.Sender);
            p.HasErbest = false;
        }
        if (kind == TimerKind.SyncReceipt) Cancel(p, TimerKind.AnnounceReceipt);
        _statePending = true;
        Dispatch(p, PortEvent.AnnounceReceiptTimeoutExpires, false);
        // Still listening for a master (e.g. a client-only port stays LISTENING): keep the timeout running.
        if (p.State is PortState.Listening or PortState.Passive or PortState.Uncalibrated or PortState.Slave
            && !p.TimerArmed[(int)TimerKind.AnnounceReceipt])
            ArmAnnounceReceipt(p);
    }

    /// <summary>STATE_DECISION_EVENT (9.2.6.8): runs the BMCA over all ports and dispatches each recommendation.</summary>
    private void StateDecisionEvent()
    {
        var kind = _options.DatasetComparison;
        int bestPort = -1;
        AnnounceInfo ebest = default;
        foreach (var p in _ports)
        {
            p.HasErbest = false;
            if (p.State is PortState.Initializing or PortState.Faulty or PortState.Disabled) continue;
            p.Foreign.Prune(_now, Interval(p.Ds.LogAnnounceInterval));
            p.HasErbest = p.Foreign.TryGetBest(kind, out p.Erbest);
            if (!p.HasErbest || p.Role == PortRole.ServerOnly) continue;
            if (bestPort < 0 || DataSetComparison.Compare(kind, p.Erbest.DataSet, ebest.DataSet) > ComparisonResult.Error)
            {
                bestPort = p.Index;
                ebest = p.Erbest;
            }
        }

        var d0 = BmcaDataSet.FromDefault(DefaultDataSet.Priority1, DefaultDataSet.ClockIdentity, DefaultDataSet.ClockQuality,
            DefaultDataSet.Priority2, DefaultDataSet.LocalPriority);
        bool localBest = bestPort < 0 || DataSetComparison.Compare(kind, d0, ebest.DataSet) > ComparisonResult.Error;
        var bestId = localBest ? DefaultDataSet.ClockIdentity : ebest.DataSet.GrandmasterIdentity;
        if (!_haveSelected || bestId != _selectedBest)
        {
            _haveSelected = true;
            _selectedBest = bestId;
            Log(-1, new LogEvent(localBest ? LogKind.SelectedLocalClock : LogKind.SelectedBestMaster, Clock: bestId));
            // clock.c: a new best master invalidates the path delay estimate (tsproc_reset). A peer delay belongs to
            // the link, not to the master, and is kept.
            _outliers.Reset();
            foreach (var p in _ports)
            {
                if (!p.IsP2P)
                {
                    p.Filter.Reset();
                    p.HaveDelay = false;
                    p.MeanDelayNs = 0;
                }
                p.ResetSlaveState();
            }
        }

        byte clockClass = DefaultDataSet.ClockQuality.ClockClass;
        BmcaDataSet? ebestDs = bestPort < 0 ? null : ebest.DataSet;
        foreach (var p in _ports)
        {
            if (p.State is PortState.Initializing or PortState.Faulty or PortState.Disabled) continue;
            BmcaDataSet? erbestDs = p.HasErbest ? p.Erbest.DataSet : null;
            var rec = StateDecision.Decide(kind, d0, clockClass, ebestDs, erbestDs, p.Index == bestPort,
                p.State == PortState.Listening);
            if (rec == RecommendedState.GrandMaster && !_options.GmCapable) rec = RecommendedState.Passive;
            switch (rec)
            {
                case RecommendedState.NoChange:
                    break;
                case RecommendedState.GrandMaster:
                    if (!_isGrandmaster) Log(p.Index, new LogEvent(LogKind.AssumingGrandMaster, Clock: DefaultDataSet.ClockIdentity));
                    BecomeGrandmasterDataSets();
                    Dispatch(p, PortEvent.RsGrandMaster, false);
                    break;
                case RecommendedState.Master:
                    Dispatch(p, PortEvent.RsMaster, false);
                    break;
                case RecommendedState.Passive:
                    Dispatch(p, PortEvent.RsPassive, false);
                    break;
                case RecommendedState.Slave:
                    bool changed = BecomeSlaveDataSets(ebest);
                    Dispatch(p, PortEvent.RsSlave, changed);
                    break;
            }
        }
    }

    /// <summary>9.3.5 Table 30 for M1/M2 (clock.c clock_update_grandmaster).</summary>
    private void BecomeGrandmasterDataSets()
    {
        _isGrandmaster = true;
        var d = DefaultDataSet;
        CurrentDataSet.StepsRemoved = 0;
        CurrentDataSet.OffsetFromMaster = default;
        CurrentDataSet.MeanPathDelay = default;
        ParentDataSet.ParentPortIdentity = new PortIdentity(d.ClockIdentity, 0);
        ParentDataSet.GrandmasterIdentity = d.ClockIdentity;
        ParentDataSet.GrandmasterClockQuality = d.ClockQuality;
        ParentDataSet.GrandmasterPriority1 = d.Priority1;
        ParentDataSet.GrandmasterPriority2 = d.Priority2;
        TimePropertiesDataSet.CurrentUtcOffset = _gmUtcOffset;
        TimePropertiesDataSet.Flags = _gmTimeFlags;
        TimePropertiesDataSet.TimeSource = _gmTimeSource;
        _pathTraceCount = 0;
    }

    /// <summary>9.3.5 Table 30 for S1 (clock.c clock_update_slave). Returns true when the parent changed.</summary>
    private bool BecomeSlaveDataSets(in AnnounceInfo best)
    {
        _isGrandmaster = false;
        var ds = best.DataSet;
        bool changed = ParentDataSet.ParentPortIdentity != ds.Sender;
        CurrentDataSet.StepsRemoved = (ushort)(ds.StepsRemoved + 1);
        ParentDataSet.ParentPortIdentity = ds.Sender;
        ParentDataSet.GrandmasterIdentity = ds.GrandmasterIdentity;
        ParentDataSet.GrandmasterClockQuality = ds.Quality;
        ParentDataSet.GrandmasterPriority1 = ds.Priority1;
        ParentDataSet.GrandmasterPriority2 = ds.Priority2;
        TimePropertiesDataSet.CurrentUtcOffset = best.CurrentUtcOffset;
        TimePropertiesDataSet.Flags = best.TimeFlags;
        TimePropertiesDataSet.TimeSource = best.TimeSource;
        if (changed) _pathTraceCount = 0;
        return changed;
    }
}
