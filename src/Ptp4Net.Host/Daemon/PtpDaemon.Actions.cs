using System.Runtime.InteropServices;
using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Time;
using EngineTxToken = Ptp4Net.Engine.TxToken;

namespace Ptp4Net.Host.Daemon;

// Carrying out the engine's actions: sends with TX stamp collection, timers, clock steering, log lines, management replies.
public sealed partial class PtpDaemon
{
    // ------------------------------------------------------------------ actions

    /// <summary>Carries out one batch of actions, then feeds back the TX stamps it collected (each of which may
    /// produce another batch, e.g. the Follow_Up of a Sync).</summary>
    private void Dispatch(ReadOnlySpan<EngineAction> actions, long now)
    {
        Execute(actions, now);
        for (int guard = 0; _txCount > 0 && guard < 256; guard++)
        {
            int i = _txHead;
            _txHead = (_txHead + 1) % MaxTxQueue;
            _txCount--;
            var batch = _txLost[i]
                ? _engine.OnTxTimestampLost(_txToken[i], now)
                : _engine.OnTxTimestamp(_txToken[i], _txStamp[i], now);
            Execute(batch, now);
        }
    }

    private void Execute(ReadOnlySpan<EngineAction> actions, long now)
    {
        foreach (ref readonly var a in actions)
        {
            switch (a.Kind)
            {
                case ActionKind.SendEvent:
                    SendEvent(in a);
                    break;
                case ActionKind.SendGeneral:
                    SendGeneral(a.Port, a.Message.Span, a.Destination, a.Address);
                    break;
                case ActionKind.ArmTimer:
                    _timers.Arm(a.Port, a.Timer, now + a.DurationNs);
                    break;
                case ActionKind.CancelTimer:
                    _timers.Cancel(a.Port, a.Timer);
                    break;
                case ActionKind.StepClock:
                    Steer(_settings.FreeRunning ? ClockResult.Ok : _clock.Step(Duration.FromNanoseconds(a.StepNs)));
                    break;
                case ActionKind.SetFrequency:
                    Steer(_settings.FreeRunning ? ClockResult.Ok : _clock.SetFrequencyPpb(a.FrequencyPpb));
                    break;
                case ActionKind.AdjustPhase:
                    Steer(_settings.FreeRunning ? ClockResult.Ok : _clock.AdjustPhase(Duration.FromNanoseconds(a.StepNs)));
                    break;
                case ActionKind.PortStateChanged:
                    WriteEngineLine(DaemonLog.Notice, in a);
                    break;
                case ActionKind.Log:
                    LogEvent(in a);
                    break;
                case ActionKind.ManagementResponse:
                    ManagementResponse(in a);
                    break;
            }
        }
    }

    private void SendEvent(in EngineAction a)
    {
        var t = _transports[a.Port];
        var st = t.SendEvent(a.Message.Span, Destination(a.Destination), Peer(a.Port, a.Destination, a.Address), out var linuxToken);
        if (!a.TxToken.IsValid)
        {
            if (st != TransportStatus.Ok) SendFailed(a.Port, t);
            return;
        }
        if (st != TransportStatus.Ok)
        {
            SendFailed(a.Port, t);
            QueueTx(a.TxToken, default, lost: true);
            return;
        }
        var r = t.CollectTxTimestamp(linuxToken);
        if (r.IsOk && MapStamp(r.Timestamp, out var ts))
        {
            QueueTx(a.TxToken, ts, lost: false);
            return;
        }
        if (_log.IsEnabled(DaemonLog.Debug))
            _log.Write(DaemonLog.Debug, _engine.GetPortLogName(a.Port) + ": " + r.Describe(linuxToken, t.Options.TxTimestampTimeoutMs));
        QueueTx(a.TxToken, default, lost: true);
    }

    private void SendGeneral(int port, ReadOnlySpan<byte> message, SendDestination dest, int address)
    {
        var t = _transports[port];
        if (t.SendGeneral(message, Destination(dest), Peer(port, dest, address)) != TransportStatus.Ok)
            SendFailed(port, t);
    }

    private void ManagementResponse(in EngineAction a)
    {
        int addr = a.Address;
        if (addr >= UdsBase)
        {
            int slot = addr - UdsBase;
            var ep = slot >= PeerSlots ? _udsRo : _udsRw;
            ep?.Reply(slot % PeerSlots, a.Message.Span);
            return;
        }
        // Management over the network: answer the requester if known, else the primary group (as ptp4l).
        int port = a.Port >= 0 && a.Port < _transports.Length ? a.Port : addr >= 0 ? addr / PeerSlots : 0;
        if (port >= _transports.Length) port = 0;
        SendGeneral(port, a.Message.Span, addr >= 0 ? SendDestination.Unicast : SendDestination.PrimaryMulticast, addr);
    }

    private void QueueTx(EngineTxToken token, PtpTimestamp ts, bool lost)
    {
        if (_txCount == MaxTxQueue) return; // never expected: the engine bounds its outstanding tokens too
        int i = (_txHead + _txCount) % MaxTxQueue;
        _txToken[i] = token;
        _txStamp[i] = ts;
        _txLost[i] = lost;
        _txCount++;
    }

    private void SendFailed(int port, PtpTransport t)
    {
        if (_log.Begin(DaemonLog.Err))
        {
            _log.Append(_engine.GetPortLogName(port)).Append(": send failed: ").Append(t.LastErrno.Message());
            _log.Commit();
        }
    }

    private void Steer(ClockResult r)
    {
        if (r.IsOk || _steerWarned) return;
        _steerWarned = true; // once: a read-only clock would otherwise repeat it every Sync
        _log.Write(DaemonLog.Err, "failed to adjust the clock: " + r.Describe(_clock));
    }

    private void LogEvent(in EngineAction a)
    {
        var e = a.Log;
        switch (e.Kind)
        {
            case LogKind.ServoSample:
                ServoLine(a.Port, e);
                break;
            case LogKind.Fault:
                // ptp4l: link changes are notices, a lost TX stamp an error.
                WriteEngineLine(e.Fault is FaultReason.LinkDown or FaultReason.LinkUp ? DaemonLog.Notice : DaemonLog.Err, in a);
                break;
            case LogKind.DelayTimeout:
            case LogKind.ServoReset:
                WriteEngineLine(DaemonLog.Warning, in a);
                break;
            default:
                WriteEngineLine(DaemonLog.Notice, in a);
                break;
        }
    }

    /// <summary>clock.c: "master offset %10lld s%d freq %+7.0f path delay %9lld" per sample, or the statistics line
    /// every 2^(summary_interval − logSyncInterval) samples. Formatted in the reused line buffer.</summary>
    private void ServoLine(int port, in LogEvent e)
    {
        int logSync = port >= 0 && port < _transports.Length ? _engine.GetPortDataSet(port).LogSyncInterval : 0;
        _stats.SetInterval(_settings.SummaryInterval, logSync);
        if (_stats.MaxCount > 1)
        {
            if (!_stats.Add(e.OffsetNs, e.FrequencyPpb, e.PathDelayNs)) return;
            if (_log.Begin(DaemonLog.Info))
            {
                _stats.AppendLine(_log);
                _log.Commit();
            }
            _stats.Reset();
            return;
        }
        if (!_log.Begin(DaemonLog.Info)) return;
        _log.Append("master offset ").AppendPadded(e.OffsetNs, 10).Append(" s").Append((int)e.ServoState)
            .Append(" freq ").AppendFixed0(e.FrequencyPpb, 7, plus: true).Append(" path delay ").AppendPadded(e.PathDelayNs, 9);
        _log.Commit();
    }

    private void WriteEngineLine(int level, in EngineAction a)
    {
        if (!_log.IsEnabled(level)) return;
        var text = LogText.Format(in a, _engine);
        if (text is not null) _log.Write(level, text);
    }
}
