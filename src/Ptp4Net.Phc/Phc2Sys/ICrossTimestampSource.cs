using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// A phc2sys source: a clock read against CLOCK_REALTIME. The real one is a PHC (<see cref="PhcCrossTimestampSource"/>:
/// PTP_SYS_OFFSET_PRECISE, else _EXTENDED, else basic, the narrowest bracket of N kept); tests and --simulate use
/// <see cref="SimulatedPhc"/> or a vmclock page with a simulated counter.
/// </summary>
public interface ICrossTimestampSource
{
    string Name { get; }

    /// <summary>True when the source keeps UTC (a vmclock PHC); false for a PHC under PTP (TAI).</summary>
    bool IsUtc { get; }

    /// <summary>Takes up to <paramref name="readings"/> readings and keeps the one with the narrowest bracket.</summary>
    Errno TryRead(int readings, out PhcSample sample);

    /// <summary>True once after the source's calibration was disrupted (vmclock disruption_marker changed).</summary>
    bool ConsumeDisruption() => false;
}

/// <summary>A real PHC as the source; the method choice and the best-of-N are PhcClock.TryCrossTimestamp's.</summary>
public sealed class PhcCrossTimestampSource(PhcClock phc, bool isUtc = false) : ICrossTimestampSource
{
    public PhcClock Phc { get; } = phc;
    public string Name => Phc.ClockName is { } n ? $"{Phc.Name} ({n})" : Phc.Name;
    public bool IsUtc { get; } = isUtc;
    public Errno TryRead(int readings, out PhcSample sample) => Phc.TryCrossTimestamp(readings, out sample);
}
