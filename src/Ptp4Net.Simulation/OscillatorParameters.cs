namespace Ptp4Net.Simulation;

/// <summary>The physics of one simulated clock (a PHC and its oscillator) and of its timestamping unit.</summary>
public sealed record OscillatorParameters
{
    /// <summary>Constant frequency error of the free-running oscillator, ppb (+ runs fast).</summary>
    public double FrequencyOffsetPpb { get; init; }

    /// <summary>Offset of the clock from the ideal timescale at true time 0, ns (+ ahead).</summary>
    public long InitialOffsetNs { get; init; }

    /// <summary>Random-walk frequency wander: the frequency's standard deviation grows by this much per √s.</summary>
    public double WanderPpbPerSqrtSecond { get; init; }

    /// <summary>Grid on which the random walk takes its steps (fixed, so it never depends on who reads the clock).</summary>
    public long WanderStepNs { get; init; } = 31_250_000;

    /// <summary>Timestamps are floored to a multiple of this (e.g. 8 ns for a 125 MHz timestamping unit).</summary>
    public long GranularityNs { get; init; } = 1;

    /// <summary>Gaussian noise added to every timestamp before flooring, standard deviation in ns.</summary>
    public double TimestampNoiseNs { get; init; }

    /// <summary>Largest frequency adjustment the clock accepts, ppb (a PHC's max_adj); requests are clamped.</summary>
    public double MaxAdjustmentPpb { get; init; } = 100_000_000;

    public static OscillatorParameters Ideal { get; } = new();
}
