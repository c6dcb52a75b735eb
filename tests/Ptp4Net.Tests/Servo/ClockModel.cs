using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

/// <summary>
/// A simple slave clock for closed-loop servo tests. The master is perfect (master time = true time).
/// The slave's oscillator has a constant frequency error; the servo's frequency adjustment multiplies
/// it ((1 + natural)(1 + adj), as a PHC's adjfine scales its increment); a Jump adds StepNs to the clock.
/// Each offset measurement is the true offset plus white Gaussian noise from a seeded generator
/// (Box-Muller), standing in for time stamp noise.
/// </summary>
internal sealed class ClockModel
{
    public const long Epoch = 1_700_000_000_000_000_000;       // local clocks start near 2023
    public const long MonotonicEpoch = 5_000_000_000_000;      // an arbitrary CLOCK_MONOTONIC origin

    private readonly Random _random;
    private readonly double _noiseSigmaNs;

    public ClockModel(double naturalFrequencyErrorPpb, double initialOffsetNs, double noiseSigmaNs, int seed)
    {
        NaturalFrequencyErrorPpb = naturalFrequencyErrorPpb;
        OffsetNs = initialOffsetNs;
        _noiseSigmaNs = noiseSigmaNs;
        _random = new Random(seed);
    }

    /// <summary>Elapsed true (= master) time since the start, ns.</summary>
    public double TrueTimeNs { get; private set; }

    /// <summary>True offset, local minus master, ns.</summary>
    public double OffsetNs { get; private set; }

    /// <summary>The oscillator's own frequency error, ppb (positive = fast).</summary>
    public double NaturalFrequencyErrorPpb { get; set; }

    /// <summary>The adjustment currently set by the servo, ppb.</summary>
    public double AdjustmentPpb { get; private set; }

    public int Steps { get; private set; }

    /// <summary>The slave clock's reading now, ns.</summary>
    public long LocalTimeNs => Epoch + (long)Math.Round(TrueTimeNs + OffsetNs);

    /// <summary>A perfect monotonic clock (for the sanity check), ns.</summary>
    public long MonotonicNs => MonotonicEpoch + (long)Math.Round(TrueTimeNs);

    /// <summary>A noisy measurement of the offset, as ptp4l's master_offset.</summary>
    public long MeasureOffsetNs() => (long)Math.Round(OffsetNs + _noiseSigmaNs * NextGaussian());

    public void Advance(double dtNs)
    {
        double rate = (1 + NaturalFrequencyErrorPpb / 1e9) * (1 + AdjustmentPpb / 1e9) - 1;
        OffsetNs += dtNs * rate;
        TrueTimeNs += dtNs;
    }

    /// <summary>Applies a servo result as ptp4l's clock.c does: nothing when Unlocked; the frequency
    /// otherwise; and the step in Jump.</summary>
    public void Apply(ServoResult result)
    {
        if (result.State == ServoState.Unlocked)
            return;
        AdjustmentPpb = result.FrequencyPpb;
        if (result.State == ServoState.Jump)
        {
            OffsetNs += result.StepNs;
            Steps++;
        }
    }

    /// <summary>Someone else steps the clock (for the sanity check).</summary>
    public void ExternalStep(double ns) => OffsetNs += ns;

    private double NextGaussian()
    {
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
