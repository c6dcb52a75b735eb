namespace Ptp4Net.Simulation;

/// <summary>
/// The behaviour of one direction of a link (sender → receiver). Delay = <see cref="DelayNs"/> + gaussian
/// jitter (σ <see cref="JitterSigmaNs"/>), plus, for a fraction <see cref="TailProbability"/> of the
/// messages, a heavy-tail extra of <see cref="TailFixedNs"/> + exponential(mean <see cref="TailExponentialMeanNs"/>);
/// a fraction <see cref="ReorderProbability"/> is held back a further <see cref="ReorderExtraNs"/> so later
/// messages overtake it; a fraction <see cref="LossProbability"/> is dropped. The delay never goes below
/// <see cref="MinDelayNs"/>.
/// </summary>
public sealed record LinkParameters
{
    public long DelayNs { get; init; }
    public double JitterSigmaNs { get; init; }
    public double TailProbability { get; init; }
    public long TailFixedNs { get; init; }
    public double TailExponentialMeanNs { get; init; }
    public double LossProbability { get; init; }
    public double ReorderProbability { get; init; }
    public long ReorderExtraNs { get; init; } = 2_000_000;
    public long MinDelayNs { get; init; }

    /// <summary>
    /// When the drawn delay is below <see cref="MinDelayNs"/>: deliver at the minimum (causality) but take the
    /// receive timestamp at the drawn time. Without it the delay distribution is truncated (a gaussian of σ 5 µs
    /// around 1 µs would put 42 % of the frames at the minimum). Off by default.
    /// </summary>
    public bool AcausalStamps { get; init; }

    public static LinkParameters Fixed(long delayNs) => new() { DelayNs = delayNs };
}
