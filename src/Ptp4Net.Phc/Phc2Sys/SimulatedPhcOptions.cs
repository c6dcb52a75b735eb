using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>A simulated PHC's model: where it starts, how it drifts, how its readings are taken.</summary>
public sealed record SimulatedPhcOptions
{
    /// <summary>PHC − system time at the start, ns (e.g. 37 s + a few µs for a PHC keeping TAI).</summary>
    public long InitialOffsetNs { get; init; }
    /// <summary>Oscillator error against the system clock, ppb.</summary>
    public long DriftPpb { get; init; }
    /// <summary>Driver support: PTP_SYS_OFFSET_PRECISE (cross_timestamping) and PTP_SYS_OFFSET_EXTENDED.</summary>
    public bool CrossTimestamping { get; init; }
    public bool Extended { get; init; } = true;
    /// <summary>Time from the system read before to the PHC read, ns (minimum), and from the PHC read to the system read after.</summary>
    public long LatencyBeforeNs { get; init; } = 300;
    public long LatencyAfterNs { get; init; } = 300;
    /// <summary>Uniform extra delay on each leg, [0, jitter) ns.</summary>
    public long JitterNs { get; init; } = 200;
    /// <summary>Extra time per leg for basic PTP_SYS_OFFSET (its system reads are taken by the ioctl loop, not tightly
    /// around the device read by the driver), ns; basic legs also get twice the jitter.</summary>
    public long BasicExtraNs { get; init; } = 400;
    /// <summary>Gap between successive readings, ns.</summary>
    public long GapNs { get; init; } = 100;
    public int Seed { get; init; } = 1;
    /// <summary>PTP_CLOCK_GETCAPS max_adj; 0 makes a pure (read-only) PHC.</summary>
    public int MaxAdjPpb { get; init; } = 500_000;
    /// <summary>sysfs clock_name ("vmclock0", "KVM virtual PTP" make it pure as well).</summary>
    public string? ClockName { get; init; }
    public int Index { get; init; } = 9;
    /// <summary>The PHC keeps UTC (a vmclock PHC) rather than TAI.</summary>
    public bool IsUtc { get; init; }

    public PhcCapabilities Capabilities => new(MaxAdjPpb, 0, 0, 0, false, 0, CrossTimestamping, false, 0);
}
