namespace Ptp4Net.Simulation;

/// <summary>
/// A simulated clock: an oscillator with a frequency error and optional random-walk wander, steerable the
/// way a PHC is (step, frequency adjustment, phase adjustment), read through a timestamping unit with
/// granularity and noise.
/// <para>
/// Local time is integrated piecewise-linearly between changes (steering actions and wander steps) and held
/// as whole nanoseconds (long) plus a fraction (double), so it stays exact to well below a picosecond for
/// hours at any epoch. Ground truth: <see cref="OffsetNs"/> is the clock's true offset from the ideal
/// timescale (<see cref="EpochNs"/> + true time) at any instant.
/// </para>
/// All methods take the true time of the call; mutating calls must not go back in time.
/// </summary>
public sealed class SimClock
{
    /// <summary>Local time of an ideal clock at true time 0: 2023-11-14 (TAI-ish), a realistic PTP epoch.</summary>
    public const long EpochNs = 1_700_000_000L * 1_000_000_000L;

    private readonly OscillatorParameters _p;
    private readonly SimRandom _wanderRandom;
    private readonly SimRandom _noiseRandom;

    // State at the start of the current linear segment.
    private long _t0;
    private long _whole0;
    private double _frac0;
    private double _rate; // fractional frequency error of the whole clock (oscillator × adjustment) - 1
    private double _wanderPpb;
    private double _adjustmentPpb;
    private long _nextWanderTime;

    public SimClock(OscillatorParameters parameters, ulong seed, string name = "clock")
    {
        _p = parameters ?? throw new ArgumentNullException(nameof(parameters));
        if (_p.GranularityNs <= 0) throw new ArgumentOutOfRangeException(nameof(parameters), "GranularityNs must be positive");
        if (_p.WanderStepNs <= 0) throw new ArgumentOutOfRangeException(nameof(parameters), "WanderStepNs must be positive");
        Name = name;
        _wanderRandom = new SimRandom(SimRandom.DeriveSeed(seed, 1));
        _noiseRandom = new SimRandom(SimRandom.DeriveSeed(seed, 2));
        _t0 = 0;
        _whole0 = EpochNs + _p.InitialOffsetNs;
        _frac0 = 0;
        _nextWanderTime = _p.WanderPpbPerSqrtSecond > 0 ? _p.WanderStepNs : long.MaxValue;
        UpdateRate();
    }

    public string Name { get; }
    public OscillatorParameters Parameters => _p;

    /// <summary>The frequency adjustment currently applied (ppb), as a PHC reports it.</summary>
    public double AdjustmentPpb => _adjustmentPpb;

    /// <summary>Number of steps and phase adjustments applied (for tests and reports).</summary>
    public int StepCount { get; private set; }

    /// <summary>Fractional frequency error of the clock at true time t, in ppb (oscillator, wander and adjustment).</summary>
    public double RateErrorPpb(long t)
    {
        Advance(t);
        return _rate * 1e9;
    }

    /// <summary>The oscillator's own frequency error (without the adjustment) at true time t, ppb.</summary>
    public double OscillatorPpb(long t)
    {
        Advance(t);
        return _p.FrequencyOffsetPpb + _wanderPpb;
    }

    /// <summary>Local time at true time t: whole nanoseconds (floor) and the fraction in [0, 1).</summary>
    public long LocalTime(long t, out double fraction)
    {
        if (t >= _t0) Advance(t);
        long dt = t - _t0;
        double f = _frac0 + dt * _rate;
        double fl = Math.Floor(f);
        fraction = f - fl;
        return _whole0 + dt + (long)fl;
    }

    /// <summary>Local time at true time t, floored to whole nanoseconds (no granularity, no noise).</summary>
    public long LocalTime(long t) => LocalTime(t, out _);

    /// <summary>Ground truth: local time minus ideal time (<see cref="EpochNs"/> + t), ns.</summary>
    public double OffsetNs(long t)
    {
        long whole = LocalTime(t, out double frac);
        return (whole - (EpochNs + t)) + frac;
    }

    /// <summary>
    /// A hardware/software timestamp taken at true time t: local time plus gaussian noise, floored to the
    /// granularity.
    /// </summary>
    public long Timestamp(long t)
    {
        long whole = LocalTime(t, out double frac);
        double x = frac;
        if (_p.TimestampNoiseNs > 0) x += _p.TimestampNoiseNs * _noiseRandom.NextGaussian();
        long v = whole + (long)Math.Floor(x);
        long g = _p.GranularityNs;
        if (g > 1)
        {
            long r = v % g;
            if (r < 0) r += g;
            v -= r;
        }
        return v;
    }

    /// <summary>
    /// The true time at which local time will read <paramref name="local"/>, assuming no further steering
    /// (exact within the current linear segment).
    /// </summary>
    public long TrueTimeOf(long local)
    {
        double dl = (local - _whole0) - _frac0;
        return _t0 + (long)Math.Round(dl / (1 + _rate));
    }

    /// <summary>Steps the clock by <paramref name="deltaNs"/> at true time t (clock_settime / ADJ_SETOFFSET).</summary>
    public void Step(long t, long deltaNs)
    {
        Advance(t);
        Rebase(t);
        _whole0 += deltaNs;
        StepCount++;
    }

    /// <summary>Sets the frequency adjustment (clock_adjtime ADJ_FREQUENCY), clamped to MaxAdjustmentPpb.</summary>
    public void AdjustFrequency(long t, double ppb)
    {
        Advance(t);
        Rebase(t);
        _adjustmentPpb = Math.Clamp(ppb, -_p.MaxAdjustmentPpb, _p.MaxAdjustmentPpb);
        UpdateRate();
    }

    /// <summary>
    /// Phase adjustment (ADJ_OFFSET / adjphase). Modelled as an immediate step: PHC drivers slew it in
    /// hardware within a few milliseconds, far below a sync interval.
    /// </summary>
    public void AdjustPhase(long t, long deltaNs) => Step(t, deltaNs);

    private void UpdateRate()
    {
        // (1 + a)(1 + b) - 1 written without the cancellation of subtracting 1 from a number near 1.
        double a = (_p.FrequencyOffsetPpb + _wanderPpb) * 1e-9, b = _adjustmentPpb * 1e-9;
        _rate = a + b + a * b;
    }

    /// <summary>Integrates through every wander step up to t (the random walk lives on a fixed grid).</summary>
    private void Advance(long t)
    {
        while (_nextWanderTime <= t)
        {
            Rebase(_nextWanderTime);
            double stepSeconds = _p.WanderStepNs * 1e-9;
            _wanderPpb += _p.WanderPpbPerSqrtSecond * Math.Sqrt(stepSeconds) * _wanderRandom.NextGaussian();
            UpdateRate();
            _nextWanderTime += _p.WanderStepNs;
        }
    }

    /// <summary>Starts a new linear segment at t (t ≥ the current segment's start).</summary>
    private void Rebase(long t)
    {
        if (t < _t0) throw new InvalidOperationException($"{Name}: time went backwards ({t} < {_t0})");
        long dt = t - _t0;
        double f = _frac0 + dt * _rate;
        double fl = Math.Floor(f);
        _whole0 += dt + (long)fl;
        _frac0 = f - fl;
        _t0 = t;
    }
}
