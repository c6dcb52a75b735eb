namespace Ptp4Net.Servo;

/// <summary>
/// Proportional-integral servo with ptp4l's semantics (linuxptp pi.c), re-derived:
/// <list type="number">
/// <item>Sample 1 only records (offset, time): Unlocked.</item>
/// <item>Later samples replace the second record until the two are at least
/// <c>min(0.016 / ki, 1000)</c> seconds apart (the measured span is inflated by 0.1 % so that a span
/// that is nominally exact passes); meanwhile Unlocked. Then the frequency error is estimated from the
/// two records, the first-update step rule is applied (Jump or Locked), and the output is that estimate.
/// If the second time stamp is not after the first, start again.</item>
/// <item>From then on: output = kp·w·offset + ki·w·offset + integral, clamped to ±max_frequency;
/// the ki term joins the integral only when the output was not clamped (anti wind-up). An offset beyond
/// a non-zero step_threshold resets to step 1 (the step then happens at step 2, which re-estimates
/// the frequency first).</item>
/// </list>
/// Internally the integral ("drift") has linuxptp's sign (the clock's own frequency error, positive when
/// the clock is fast); <see cref="ServoOutput.FrequencyPpb"/> is its negation, the value to apply.
/// </summary>
public sealed class PiServo : IServo
{
    // pi.c: automatic scales by time stamping kind, and caps used with explicit constants.
    public const double HardwareKpScale = 0.7;
    public const double HardwareKiScale = 0.3;
    public const double SoftwareKpScale = 0.1;
    public const double SoftwareKiScale = 0.001;
    public const double ConstKpNormMax = 1.0;
    public const double ConstKiNormMax = 2.0;

    // The frequency estimate waits until the two samples span 0.016 / ki seconds (capped at 1000 s),
    // measured with a 0.1 % margin.
    private const double FreqEstMargin = 0.001;
    private const double FreqEstGain = 0.016;
    private const double FreqEstMaxInterval = 1000.0;

    private readonly double _kpScale;
    private readonly double _kpExponent;
    private readonly double _kpNormMax;
    private readonly double _kiScale;
    private readonly double _kiExponent;
    private readonly double _kiNormMax;

    private long _offset0, _offset1;
    private long _local0, _local1;
    private double _drift;      // linuxptp sign: +ppb = local oscillator fast
    private double _lastFreq;   // linuxptp sign
    private int _count;
    private double _syncInterval;

    /// <summary>Builds a PI core from the pi_* keys, <see cref="ServoOptions.SoftwareTimestamping"/> and
    /// <see cref="ServoOptions.InitialFrequencyPpb"/>. The sync interval starts at 1 s.</summary>
    public PiServo(ServoOptions options, ServoLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Limits = limits ?? new ServoLimits();

        _kpScale = options.PiProportionalScale;
        _kiScale = options.PiIntegralScale;
        _kpExponent = options.PiProportionalExponent;
        _kiExponent = options.PiIntegralExponent;
        _kpNormMax = options.PiProportionalNormMax;
        _kiNormMax = options.PiIntegralNormMax;

        if (options.PiProportionalConst != 0 && options.PiIntegralConst != 0)
        {
            // Explicit constants: used as they are, unless they exceed the stability caps.
            _kpScale = options.PiProportionalConst;
            _kiScale = options.PiIntegralConst;
            _kpExponent = 0;
            _kiExponent = 0;
            _kpNormMax = ConstKpNormMax;
            _kiNormMax = ConstKiNormMax;
        }
        else if (_kpScale == 0 || _kiScale == 0)
        {
            // Either scale left at 0 means "automatic" for both.
            _kpScale = options.SoftwareTimestamping ? SoftwareKpScale : HardwareKpScale;
            _kiScale = options.SoftwareTimestamping ? SoftwareKiScale : HardwareKiScale;
        }

        _adaptiveGain = options.PiAdaptiveGain;
        _drift = -options.InitialFrequencyPpb;
        _lastFreq = _drift;
        SyncInterval = 1.0;
    }

    public ServoType Type => ServoType.Pi;
    public ServoLimits Limits { get; }

    /// <summary>Proportional constant for the current sync interval, per second.</summary>
    public double Kp { get; private set; }

    /// <summary>Integral constant for the current sync interval, per second.</summary>
    public double Ki { get; private set; }

    /// <summary>
    /// Setting it recomputes the gains: kp = min(kp_scale · T^kp_exponent, kp_norm_max / T) and
    /// ki = min(ki_scale · T^ki_exponent, ki_norm_max / T), T in seconds (ptp4l(8)).
    /// </summary>
    public double SyncInterval
    {
        get => _syncInterval;
        set
        {
            if (!double.IsFinite(value) || value <= 0)
                throw new ArgumentOutOfRangeException(nameof(value), value, "sync interval must be positive");
            _syncInterval = value;
            Kp = Math.Min(_kpScale * Math.Pow(value, _kpExponent), _kpNormMax / value);
            Ki = Math.Min(_kiScale * Math.Pow(value, _kiExponent), _kiNormMax / value);
        }
    }

    public double FrequencyPpb => 0.0 - _lastFreq;
    public double RateRatio => 1.0;

    /// <summary>Number of samples recorded toward the frequency estimate: 0, 1, or 2 once tracking.</summary>
    public int SampleCount => _count;

    public ServoOutput Sample(long offsetNs, long localTimeNs, double weight)
    {
        double ppb = _lastFreq;
        ServoState state;
        bool clamped = false;

        switch (_count)
        {
            case 0:
                _offset0 = offsetNs;
                _local0 = localTimeNs;
                _count = 1;
                state = ServoState.Unlocked;
                break;

            case 1:
                _offset1 = offsetNs;
                _local1 = localTimeNs;
                if (_local0 >= _local1)
                {
                    // Time went backwards (or stood still): the pair is useless, start over.
                    _count = 0;
                    state = ServoState.Unlocked;
                    break;
                }

                double span = (_local1 - _local0) / 1e9;
                span += span * FreqEstMargin;
                double needed = Math.Min(FreqEstGain / Ki, FreqEstMaxInterval);
                if (span < needed)
                {
                    state = ServoState.Unlocked;
                    break;
                }

                // The offset grew by (offset1 - offset0) over the span; scale by (1e9 - drift) because
                // the span was measured with the clock already running at -drift.
                _drift += (1e9 - _drift) * (_offset1 - _offset0) / (_local1 - _local0);
                _drift = Limits.Clamp(_drift, out clamped);

                state = Limits.ShouldStep(Math.Abs((double)offsetNs)) ? ServoState.Jump : ServoState.Locked;
                ppb = _drift;
                _count = 2;
                break;

            default:
                if (Limits.StepThresholdNs > 0 && Limits.StepThresholdNs < Math.Abs((double)offsetNs))
                {
                    // Too far off to slew: start over so that the next update re-estimates and steps.
                    _count = 0;
                    state = ServoState.Unlocked;
                    break;
                }

                double g = _adaptiveGain ? AdaptGain(offsetNs) : 1.0;
                double kiTerm = g * Ki * offsetNs * weight;
                ppb = g * Kp * offsetNs * weight + _drift + kiTerm;
                ppb = Limits.Clamp(ppb, out clamped);
                if (!clamped)
                    _drift += kiTerm;
                state = ServoState.Locked;
                break;
        }

        _lastFreq = ppb;
        return new ServoOutput(0.0 - ppb, state, clamped);
    }

    public void Reset()
    {
        _count = 0;
        _gainSamples = 0;
        _meanOffset = _diffSquare = 0;
    }

    // pi_adaptive_gain: constants chosen on the simulator's hw-ideal / wander / bc-chain scenarios, checked on 10 seeds.
    private const double GainMeanWeight = 1.0 / 8;   // EMA of the offset: about the last 8 samples
    private const double GainNoiseWeight = 0.02;     // EMA of the squared successive difference
    private const int GainWarmUp = 50;               // samples before the noise estimate is trusted
    private const double GainZ = 3.0;                // |mean| of this many σ of the mean gives gain 1
    private const double GainMin = 0.8, GainMax = 1.3;
    private readonly bool _adaptiveGain;
    private double _meanOffset, _diffSquare;
    private long _lastOffset;
    private int _gainSamples;

    /// <summary>Current gain factor of pi_adaptive_gain (1 when off or warming up), for tests and logs.</summary>
    public double GainFactor { get; private set; } = 1.0;

    /// <summary>
    /// pi_adaptive_gain: how far the short-term mean offset sits from zero, in standard deviations of that mean under
    /// the white measurement noise alone. The noise is measured from successive differences (var(o[n] − o[n−1]) / 2),
    /// which a slowly wandering oscillator hardly touches. Near zero: the offsets are noise and the gains go down to
    /// ×0.8 to average more of it; well beyond: the clock is running away faster than the loop follows (frequency
    /// wander) and the gains go up to ×1.3.
    /// </summary>
    private double AdaptGain(long offsetNs)
    {
        double g = 1.0;
        if (_gainSamples > 0)
        {
            double d = offsetNs - _lastOffset;
            _diffSquare += GainNoiseWeight * (d * d - _diffSquare);
            _meanOffset += GainMeanWeight * (offsetNs - _meanOffset);
            if (_gainSamples > GainWarmUp)
            {
                double sigmaMean = Math.Sqrt(_diffSquare / 2 * GainMeanWeight / (2 - GainMeanWeight));
                g = sigmaMean > 0 ? Math.Clamp(Math.Abs(_meanOffset) / sigmaMean / GainZ, GainMin, GainMax) : GainMin;
            }
        }
        _gainSamples++;
        _lastOffset = offsetNs;
        GainFactor = g;
        return g;
    }

    public void Leap(int leap)
    {
        // pi.c has no leap hook: a leap second reaches it as an ordinary offset step.
    }
}
