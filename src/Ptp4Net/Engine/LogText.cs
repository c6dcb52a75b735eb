using System.Globalization;
using Ptp4Net.StateMachine;

namespace Ptp4Net.Engine;

/// <summary>
/// ptp4l's wording for the engine's state changes and log events (port.c, clock.c, fsm.c), so that tools and
/// people reading ptp4l logs read ours the same way. Formatting allocates: it is for the host's logging path.
/// </summary>
public static class LogText
{
    /// <summary>The line ptp4l would print for <paramref name="action"/>, or null for actions that are not logged
    /// (sends, timers, clock adjustments).</summary>
    public static string? Format(in EngineAction action, PtpClockEngine engine)
    {
        string port = action.Port >= 0 && action.Port < engine.PortCount ? engine.GetPortLogName(action.Port) : "clock";
        switch (action.Kind)
        {
            case ActionKind.PortStateChanged:
                return StateChange(port, action.OldState, action.NewState, action.Event);
            case ActionKind.Log:
                var e = action.Log;
                return e.Kind switch
                {
                    LogKind.SelectedBestMaster => "selected best master clock " + e.Clock,
                    LogKind.SelectedLocalClock => $"selected local clock {e.Clock} as best master",
                    LogKind.NewForeignMaster => $"{port}: new foreign master {e.PortIdentity}",
                    LogKind.AssumingGrandMaster => $"{port}: assuming the grand master role",
                    LogKind.ServoSample => ServoSample(e.OffsetNs, e.ServoState, e.FrequencyPpb, e.PathDelayNs),
                    LogKind.Fault => e.Fault switch
                    {
                        FaultReason.TxTimestampLost => $"{port}: timed out while polling for tx timestamp",
                        FaultReason.LinkDown => $"{port}: link down",
                        FaultReason.LinkUp => $"{port}: link up",
                        _ => $"{port}: fault {e.Fault}",
                    },
                    LogKind.DelayTimeout => $"{port}: peer delay measurement lost, not asCapable",
                    LogKind.ServoReset => "clock jumped or running at an unexpected rate: servo reset",
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>"port 1 (eth0): LISTENING to UNCALIBRATED on RS_SLAVE" (port.c port_show_transition / fsm.c names);
    /// a fault carries its type: "... on FAULT_DETECTED (FT_UNSPECIFIED)".</summary>
    public static string StateChange(string portLogName, PortState from, PortState to, PortEvent ev) =>
        ev == PortEvent.FaultDetected
            ? $"{portLogName}: {PortStateNames.Name(from)} to {PortStateNames.Name(to)} on {PortStateNames.Name(ev)} (FT_UNSPECIFIED)"
            : $"{portLogName}: {PortStateNames.Name(from)} to {PortStateNames.Name(to)} on {PortStateNames.Name(ev)}";

    /// <summary>clock.c: "master offset %10lld s%d freq %+7.0f path delay %9lld".</summary>
    public static string ServoSample(long offsetNs, ServoState state, double freqPpb, long pathDelayNs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"master offset {offsetNs,10} s{(int)state} freq {FormatFreq(freqPpb),7} path delay {pathDelayNs,9}");

    // %+7.0f: always a sign, no decimals.
    private static string FormatFreq(double ppb)
    {
        double r = Math.Round(ppb, MidpointRounding.ToEven);
        if (r == 0) r = 0; // no "-0"
        return (r >= 0 && !double.IsNegative(r) ? "+" : "") + r.ToString("0", CultureInfo.InvariantCulture);
    }
}
