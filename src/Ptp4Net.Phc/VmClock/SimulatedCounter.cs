using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// A simulated CPU counter: <c>start + (t − t0)·hz·(1 + drift·10⁻⁹)</c> at simulated time t (exact, 128-bit).
/// A read takes time (latency before and after the sample, in simulated ns).
/// </summary>
public sealed class SimulatedCounter(SimulatedTime time, ulong start, long hz, long driftPpb, long latencyBeforeNs = 20, long latencyAfterNs = 20)
    : ICounterReader
{
    private readonly long _t0 = time.Now;

    /// <summary>The counter at simulated time <paramref name="t"/>.</summary>
    public ulong At(long t)
    {
        Int128 ticks = (Int128)(t - _t0) * hz * (1_000_000_000L + driftPpb) / 1_000_000_000_000_000_000L;
        return unchecked(start + (ulong)(long)ticks);
    }

    public ulong ReadCounter()
    {
        time.Advance(latencyBeforeNs);
        ulong c = At(time.Now);
        time.Advance(latencyAfterNs);
        return c;
    }
}
