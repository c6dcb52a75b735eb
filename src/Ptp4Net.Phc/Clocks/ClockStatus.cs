using Ptp4Net.Time;

namespace Ptp4Net.Phc.Clocks;

public enum ClockStatus
{
    Ok,
    /// <summary>A read-only clock (pure PHC, system clock not opened for steering).</summary>
    NotSteerable,
    /// <summary>Beyond max_adj / max_phase_adj (ERANGE).</summary>
    OutOfRange,
    NotSupported,
    Failed,
}
