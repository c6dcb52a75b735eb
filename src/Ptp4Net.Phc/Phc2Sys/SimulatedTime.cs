using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// The simulated machine's CLOCK_REALTIME for tests and --simulate: time moves only when told (reads take time via
/// <see cref="Advance"/>), so a run is deterministic and takes no wall-clock time.
/// </summary>
public sealed class SimulatedTime(long startNs) : ITimeSource
{
    public long Now { get; private set; } = startNs;

    public long RealtimeNanoseconds() => Now;

    public void Advance(long ns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ns);
        Now += ns;
    }
}
