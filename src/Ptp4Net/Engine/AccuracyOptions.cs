using Ptp4Net.Configuration;
using Ptp4Net.Servo;

namespace Ptp4Net.Engine;

/// <summary>
/// Ptp4Net's accuracy options (config/README.md, "Accuracy options"): our config keys, off by default (ptp4l's
/// behaviour), mapped onto <see cref="ClockOptions"/> and its <see cref="ServoOptions"/>. The daemon applies them
/// after building the options from linuxptp's keys.
/// </summary>
public static class AccuracyOptions
{
    /// <summary>Returns <paramref name="clock"/> with the accuracy keys of <paramref name="config"/> ([global]).
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a <c>linreg_max_points</c> that is not a power of two
    /// (set-up time).</summary>
    public static ClockOptions Apply(ClockOptions clock, PtpConfig config)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(config);
        var servo = (clock.Servo ?? new ServoOptions()) with
        {
            LinRegMaxPoints = config.GetInt(ConfigKeys.LinRegMaxPoints),
            PiAdaptiveGain = config.GetBool(ConfigKeys.PiAdaptiveGain),
        };
        servo.Validate();
        return clock with
        {
            EstimateRateFromSync = config.GetBool(ConfigKeys.EstimateRateFromSync),
            FirstSampleAfterDelay = config.GetBool(ConfigKeys.FirstSampleAfterDelay),
            PerExchangeOffset = config.GetBool(ConfigKeys.PerExchangeOffset),
            RejectOffsetOutliers = config.GetBool(ConfigKeys.RejectOffsetOutliers),
            ResetDelayFilterOnStep = config.GetBool(ConfigKeys.ResetDelayFilterOnStep),
            Servo = servo,
        };
    }
}
