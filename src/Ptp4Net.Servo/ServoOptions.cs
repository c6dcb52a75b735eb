using System.Globalization;

namespace Ptp4Net.Servo;

/// <summary>
/// Servo configuration. Each property carries the linuxptp config key it mirrors (same spelling in the
/// config file, PascalCase here), with linuxptp's default and range (<c>config.c</c> table). The config
/// parser fills this record; <see cref="Validate"/> rejects out-of-range values at set-up.
/// </summary>
/// <remarks>
/// Key mapping:
/// <list type="table">
/// <item><term>clock_servo</term><description><see cref="ClockServo"/> (pi | linreg | nullf), default pi</description></item>
/// <item><term>pi_proportional_const</term><description><see cref="PiProportionalConst"/>, 0.0, [0, ∞)</description></item>
/// <item><term>pi_integral_const</term><description><see cref="PiIntegralConst"/>, 0.0, [0, ∞)</description></item>
/// <item><term>pi_proportional_scale</term><description><see cref="PiProportionalScale"/>, 0.0, [0, ∞)</description></item>
/// <item><term>pi_proportional_exponent</term><description><see cref="PiProportionalExponent"/>, -0.3</description></item>
/// <item><term>pi_proportional_norm_max</term><description><see cref="PiProportionalNormMax"/>, 0.7, (0, 1]</description></item>
/// <item><term>pi_integral_scale</term><description><see cref="PiIntegralScale"/>, 0.0, [0, ∞)</description></item>
/// <item><term>pi_integral_exponent</term><description><see cref="PiIntegralExponent"/>, 0.4</description></item>
/// <item><term>pi_integral_norm_max</term><description><see cref="PiIntegralNormMax"/>, 0.3, (0, 2]</description></item>
/// <item><term>step_threshold</term><description><see cref="StepThreshold"/>, seconds, 0.0 (never)</description></item>
/// <item><term>first_step_threshold</term><description><see cref="FirstStepThreshold"/>, seconds, 0.00002</description></item>
/// <item><term>max_frequency</term><description><see cref="MaxFrequency"/>, ppb, 900000000, [0, INT_MAX]</description></item>
/// <item><term>sanity_freq_limit</term><description><see cref="SanityFreqLimit"/>, ppb, 200000000 (0 = off)</description></item>
/// <item><term>servo_offset_threshold</term><description><see cref="ServoOffsetThreshold"/>, ns, 0 (off)</description></item>
/// <item><term>servo_num_offset_values</term><description><see cref="ServoNumOffsetValues"/>, 10</description></item>
/// <item><term>step_window</term><description><see cref="StepWindow"/>, Sync messages, 0 (off)</description></item>
/// <item><term>time_stamping</term><description><see cref="SoftwareTimestamping"/> is true for "software"</description></item>
/// </list>
/// <see cref="PhcMaxAdjPpb"/> and <see cref="InitialFrequencyPpb"/> are not config keys: they come from
/// the clock being disciplined (the PHC's max_adj capability and its current frequency).
/// </remarks>
public sealed record ServoOptions
{
    public const double DefaultFirstStepThreshold = 0.00002;
    public const int DefaultMaxFrequency = 900_000_000;
    public const int DefaultSanityFreqLimit = 200_000_000;
    public const int DefaultServoNumOffsetValues = 10;

    /// <summary><c>clock_servo</c>.</summary>
    public ServoType ClockServo { get; init; } = ServoType.Pi;

    /// <summary><c>pi_proportional_const</c>: kp used as-is when it and <see cref="PiIntegralConst"/>
    /// are both non-zero (then only capped at 1.0 / sync interval).</summary>
    public double PiProportionalConst { get; init; }

    /// <summary><c>pi_integral_const</c>: ki used as-is when it and <see cref="PiProportionalConst"/>
    /// are both non-zero (then only capped at 2.0 / sync interval).</summary>
    public double PiIntegralConst { get; init; }

    /// <summary><c>pi_proportional_scale</c>; 0 = automatic (0.7 hardware, 0.1 software stamps).</summary>
    public double PiProportionalScale { get; init; }

    /// <summary><c>pi_proportional_exponent</c>.</summary>
    public double PiProportionalExponent { get; init; } = -0.3;

    /// <summary><c>pi_proportional_norm_max</c>.</summary>
    public double PiProportionalNormMax { get; init; } = 0.7;

    /// <summary><c>pi_integral_scale</c>; 0 = automatic (0.3 hardware, 0.001 software stamps).</summary>
    public double PiIntegralScale { get; init; }

    /// <summary><c>pi_integral_exponent</c>.</summary>
    public double PiIntegralExponent { get; init; } = 0.4;

    /// <summary><c>pi_integral_norm_max</c>.</summary>
    public double PiIntegralNormMax { get; init; } = 0.3;

    /// <summary><c>step_threshold</c>, seconds; 0 = never step after the first update.</summary>
    public double StepThreshold { get; init; }

    /// <summary><c>first_step_threshold</c>, seconds; 0 = never step on the first update.</summary>
    public double FirstStepThreshold { get; init; } = DefaultFirstStepThreshold;

    /// <summary><c>max_frequency</c>, ppb: an extra limit below the clock's own; 0 = the clock's limit.</summary>
    public int MaxFrequency { get; init; } = DefaultMaxFrequency;

    /// <summary><c>sanity_freq_limit</c>, ppb; 0 disables the check.</summary>
    public int SanityFreqLimit { get; init; } = DefaultSanityFreqLimit;

    /// <summary><c>servo_offset_threshold</c>, ns; 0 disables LockedStable.</summary>
    public int ServoOffsetThreshold { get; init; }

    /// <summary><c>servo_num_offset_values</c>.</summary>
    public int ServoNumOffsetValues { get; init; } = DefaultServoNumOffsetValues;

    /// <summary><c>step_window</c>: Sync samples ignored after a step.</summary>
    public int StepWindow { get; init; }

    /// <summary><c>linreg_max_points</c> (our key; linuxptp's linreg is fixed at 64): the largest regression the
    /// linreg servo may choose, a power of two from 4 to 1024. Its choice stays adaptive (the largest size that
    /// predicts as well as the smaller ones), so a larger maximum only helps when the clock is quiet enough for it;
    /// each doubling costs one more fit per sample.</summary>
    public int LinRegMaxPoints { get; init; } = 64;
    /// <summary><c>pi_adaptive_gain</c> (our key; linuxptp's PI has fixed gains): once locked, scale kp and ki by
    /// 0.8 to 1.3 according to how far the short-term mean offset sits from zero against the measurement noise
    /// (lower while the offsets are noise, higher while the oscillator wanders away). See PiServo.</summary>
    public bool PiAdaptiveGain { get; init; }
    /// <summary>True for <c>time_stamping software</c>: selects the gentler automatic PI gains.</summary>
    public bool SoftwareTimestamping { get; init; }

    /// <summary>The clock's maximum frequency adjustment in ppb (PTP_CLOCK_GETCAPS max_adj); 0 = unknown.</summary>
    public int PhcMaxAdjPpb { get; init; }

    /// <summary>The clock's frequency adjustment when the servo starts, ppb (positive = faster); the
    /// servo starts from it (ptp4l passes <c>-clockadj_get_freq()</c> as fadj).</summary>
    public double InitialFrequencyPpb { get; init; }

    /// <summary>
    /// The limit the servo applies: the clock's max_adj, lowered to <c>max_frequency</c> when that is
    /// non-zero and smaller (linuxptp <c>servo_create</c>). With no clock limit known we use
    /// <c>max_frequency</c>, or 900000000 when that is 0 as well.
    /// </summary>
    public double EffectiveMaxFrequencyPpb
    {
        get
        {
            if (PhcMaxAdjPpb > 0)
                return MaxFrequency > 0 && PhcMaxAdjPpb > MaxFrequency ? MaxFrequency : PhcMaxAdjPpb;
            return MaxFrequency > 0 ? MaxFrequency : DefaultMaxFrequency;
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the linuxptp key of the first
    /// value outside linuxptp's range. Call at set-up.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(ClockServo))
            throw Bad("clock_servo", ClockServo.ToString());
        NonNegative("pi_proportional_const", PiProportionalConst);
        NonNegative("pi_integral_const", PiIntegralConst);
        NonNegative("pi_proportional_scale", PiProportionalScale);
        NonNegative("pi_integral_scale", PiIntegralScale);
        Finite("pi_proportional_exponent", PiProportionalExponent);
        Finite("pi_integral_exponent", PiIntegralExponent);
        if (!(PiProportionalNormMax > 0 && PiProportionalNormMax <= 1.0))
            throw Bad("pi_proportional_norm_max", PiProportionalNormMax);
        if (!(PiIntegralNormMax > 0 && PiIntegralNormMax <= 2.0))
            throw Bad("pi_integral_norm_max", PiIntegralNormMax);
        NonNegative("step_threshold", StepThreshold);
        NonNegative("first_step_threshold", FirstStepThreshold);
        if (MaxFrequency < 0) throw Bad("max_frequency", MaxFrequency);
        if (SanityFreqLimit < 0) throw Bad("sanity_freq_limit", SanityFreqLimit);
        if (ServoOffsetThreshold < 0) throw Bad("servo_offset_threshold", ServoOffsetThreshold);
        if (ServoNumOffsetValues < 0) throw Bad("servo_num_offset_values", ServoNumOffsetValues);
        if (StepWindow < 0) throw Bad("step_window", StepWindow);
        if (LinRegMaxPoints < 4 || LinRegMaxPoints > 1024 || (LinRegMaxPoints & (LinRegMaxPoints - 1)) != 0)
            throw Bad("linreg_max_points", LinRegMaxPoints);
        if (PhcMaxAdjPpb < 0) throw Bad("PhcMaxAdjPpb", PhcMaxAdjPpb);
        if (!double.IsFinite(InitialFrequencyPpb)) throw Bad("InitialFrequencyPpb", InitialFrequencyPpb);
    }

    /// <summary>Parses a <c>clock_servo</c> value as linuxptp spells it (case-insensitive): pi, linreg,
    /// nullf. linuxptp's ntpshm and refclock_sock are not implemented and are rejected.</summary>
    public static bool TryParseClockServo(string? value, out ServoType type)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "pi": type = ServoType.Pi; return true;
            case "linreg": type = ServoType.LinReg; return true;
            case "nullf": type = ServoType.Null; return true;
            default: type = default; return false;
        }
    }

    private static void NonNegative(string key, double v)
    {
        if (!(v >= 0) || double.IsInfinity(v))
            throw Bad(key, v);
    }

    private static void Finite(string key, double v)
    {
        if (!double.IsFinite(v))
            throw Bad(key, v);
    }

    private static ArgumentOutOfRangeException Bad(string key, object value) =>
        new(key, value, string.Create(CultureInfo.InvariantCulture, $"{key} {value} is outside linuxptp's range"));
}
