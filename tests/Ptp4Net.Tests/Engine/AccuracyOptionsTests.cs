using Ptp4Net.Engine;
using static Ptp4Net.Tests.Configuration.ConfigTestFiles;

namespace Ptp4Net.Tests.Engine;

public class AccuracyOptionsTests
{
    [Fact]
    public void Defaults_are_ptp4l_behaviour()
    {
        var o = AccuracyOptions.Apply(new ClockOptions(), Parse("[global]\n"));
        Assert.False(o.EstimateRateFromSync || o.FirstSampleAfterDelay || o.PerExchangeOffset || o.RejectOffsetOutliers
            || o.ResetDelayFilterOnStep);
        Assert.Equal(64, o.Servo!.LinRegMaxPoints);
        Assert.False(o.Servo.PiAdaptiveGain);
    }

    [Fact]
    public void Each_key_sets_its_option_and_keeps_the_other_servo_settings()
    {
        var config = Parse("""
            [global]
            estimate_rate_from_sync 1
            first_sample_after_delay 1
            linreg_max_points 512
            per_exchange_offset 1
            pi_adaptive_gain 1
            reject_offset_outliers 1
            reset_delay_filter_on_step 1
            """);
        var before = new ClockOptions { Servo = new Ptp4Net.Servo.ServoOptions { ClockServo = Ptp4Net.Servo.ServoType.LinReg } };
        var o = AccuracyOptions.Apply(before, config);
        Assert.True(o.EstimateRateFromSync && o.FirstSampleAfterDelay && o.PerExchangeOffset && o.RejectOffsetOutliers
            && o.ResetDelayFilterOnStep);
        Assert.Equal(512, o.Servo!.LinRegMaxPoints);
        Assert.True(o.Servo.PiAdaptiveGain);
        Assert.Equal(Ptp4Net.Servo.ServoType.LinReg, o.Servo.ClockServo);
    }

    [Fact]
    public void Linreg_max_points_that_is_not_a_power_of_two_is_refused_at_set_up() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AccuracyOptions.Apply(new ClockOptions(), Parse("[global]\nlinreg_max_points 100\n")));
}
