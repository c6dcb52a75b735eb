using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

public class PiServoTests
{
    private const double Tol = 1e-9;

    private static PiServo Pi(bool software = false, double initialPpb = 0, double kpConst = 0, double kiConst = 0) =>
        new(new ServoOptions
        {
            SoftwareTimestamping = software,
            InitialFrequencyPpb = initialPpb,
            PiProportionalConst = kpConst,
            PiIntegralConst = kiConst,
        });

    // kp = min(kp_scale * T^-0.3, 0.7 / T), ki = min(ki_scale * T^0.4, 0.3 / T).
    // Hardware scales 0.7 / 0.3, software 0.1 / 0.001.
    // T = 1:     T^-0.3 = 1, T^0.4 = 1.
    // T = 0.125: T^-0.3 = 2^0.9 = 1.8660659830736148, T^0.4 = 2^-1.2 = 0.43527528164806206;
    //            caps 0.7 / 0.125 = 5.6 and 0.3 / 0.125 = 2.4 do not bind.
    [Theory]
    [InlineData(false, 1.0, 0.7, 0.3)]
    [InlineData(false, 0.125, 1.3062461881515304, 0.13058258449441862)]   // 0.7*2^0.9, 0.3*2^-1.2
    [InlineData(true, 1.0, 0.1, 0.001)]
    [InlineData(true, 0.125, 0.18660659830736148, 0.00043527528164806206)] // 0.1*2^0.9, 0.001*2^-1.2
    public void Automatic_gains_follow_the_sync_interval(bool software, double interval, double kp, double ki)
    {
        var pi = Pi(software);
        pi.SyncInterval = interval;
        Assert.Equal(kp, pi.Kp, Tol);
        Assert.Equal(ki, pi.Ki, Tol);
    }

    [Fact]
    public void Norm_max_caps_the_gains_at_long_intervals()
    {
        // T = 4: 0.7 * 4^-0.3 = 0.4619 > 0.7 / 4 = 0.175; 0.3 * 4^0.4 = 0.5223 > 0.3 / 4 = 0.075.
        var pi = Pi();
        pi.SyncInterval = 4;
        Assert.Equal(0.175, pi.Kp, Tol);
        Assert.Equal(0.075, pi.Ki, Tol);
    }

    [Fact]
    public void Explicit_constants_are_used_as_they_are_below_their_caps()
    {
        // Both constants set: kp = min(0.9, 1.0 / T), ki = min(0.5, 2.0 / T).
        var pi = Pi(kpConst: 0.9, kiConst: 0.5);
        pi.SyncInterval = 0.125;
        Assert.Equal(0.9, pi.Kp, Tol);
        Assert.Equal(0.5, pi.Ki, Tol);
        pi.SyncInterval = 2;
        Assert.Equal(0.5, pi.Kp, Tol);   // 1.0 / 2
        Assert.Equal(0.5, pi.Ki, Tol);   // min(0.5, 1.0)
        pi.SyncInterval = 8;
        Assert.Equal(0.125, pi.Kp, Tol); // 1.0 / 8
        Assert.Equal(0.25, pi.Ki, Tol);  // 2.0 / 8
    }

    [Fact]
    public void One_constant_alone_means_automatic()
    {
        var pi = Pi(kpConst: 0.9);
        Assert.Equal(0.7, pi.Kp, Tol);
        Assert.Equal(0.3, pi.Ki, Tol);
    }

    [Fact]
    public void Scales_replace_the_automatic_ones_only_when_both_are_set()
    {
        var both = new PiServo(new ServoOptions { PiProportionalScale = 0.2, PiIntegralScale = 0.02 });
        Assert.Equal(0.2, both.Kp, Tol);
        Assert.Equal(0.02, both.Ki, Tol);
        var one = new PiServo(new ServoOptions { PiProportionalScale = 0.2, SoftwareTimestamping = true });
        Assert.Equal(0.1, one.Kp, Tol);
        Assert.Equal(0.001, one.Ki, Tol);
    }

    [Fact]
    public void Sample_sequence_matches_hand_computation()
    {
        // Hardware gains at T = 1 s: kp = 0.7, ki = 0.3. "ppb" below is linuxptp's value; we output -ppb.
        var pi = Pi();
        const long s = 1_000_000_000;

        // 1: recorded only; output = the initial frequency (0).
        var r = pi.Sample(1000, 1 * s, 1.0);
        Assert.Equal(ServoState.Unlocked, r.State);
        Assert.Equal(0.0, r.FrequencyPpb);

        // 2: span 1 s * 1.001 >= 0.016 / 0.3 s: drift = 0 + (1e9 - 0) * (1500 - 1000) / 1e9 = 500.
        //    |1500| < 20000, so Locked; ppb = drift = 500.
        r = pi.Sample(1500, 2 * s, 1.0);
        Assert.Equal(ServoState.Locked, r.State);
        Assert.Equal(-500.0, r.FrequencyPpb, Tol);

        // 3: ki term = 0.3 * 400 = 120; ppb = 0.7 * 400 + 500 + 120 = 900; drift = 620.
        r = pi.Sample(400, 3 * s, 1.0);
        Assert.Equal(ServoState.Locked, r.State);
        Assert.Equal(-900.0, r.FrequencyPpb, Tol);

        // 4: ki term = 0.3 * -100 = -30; ppb = -70 + 620 - 30 = 520; drift = 590.
        r = pi.Sample(-100, 4 * s, 1.0);
        Assert.Equal(-520.0, r.FrequencyPpb, Tol);

        // 5: weight 0.5: ki term = 0.3 * 200 * 0.5 = 30; ppb = 0.7 * 200 * 0.5 + 590 + 30 = 690; drift = 620.
        r = pi.Sample(200, 5 * s, 0.5);
        Assert.Equal(-690.0, r.FrequencyPpb, Tol);

        // 6: offset 0: ppb = drift = 620.
        r = pi.Sample(0, 6 * s, 1.0);
        Assert.Equal(-620.0, r.FrequencyPpb, Tol);
        Assert.Equal(-620.0, pi.FrequencyPpb, Tol);
        Assert.False(r.Clamped);
    }

    [Fact]
    public void Frequency_estimate_scales_by_one_minus_the_running_adjustment()
    {
        // The clock already runs at +1000 ppb: drift starts at -1000.
        // drift = -1000 + (1e9 + 1000) * 500 / 1e9 = -1000 + 500.0005 = -499.9995; output = +499.9995.
        var pi = Pi(initialPpb: 1000);
        Assert.Equal(1000.0, pi.FrequencyPpb);
        pi.Sample(0, 10_000_000_000, 1.0);
        var r = pi.Sample(500, 11_000_000_000, 1.0);
        Assert.Equal(ServoState.Locked, r.State);
        Assert.Equal(499.9995, r.FrequencyPpb, 1e-7);
    }

    [Fact]
    public void Software_gains_wait_sixteen_seconds_for_the_frequency_estimate()
    {
        // ki = 0.001 at T = 1 s: the two samples must span 0.016 / 0.001 = 16 s, measured * 1.001.
        // At 15 s: 15.015 < 16, still waiting; at 16 s: 16.016 >= 16. The first record stays the first
        // sample; the second is replaced each time.
        var pi = Pi(software: true);
        const long s = 1_000_000_000;
        for (int t = 0; t <= 15; t++)
            Assert.Equal(ServoState.Unlocked, pi.Sample(100 * t, t * s, 1.0).State);
        var r = pi.Sample(1600, 16 * s, 1.0);
        Assert.Equal(ServoState.Locked, r.State);
        // drift = 1e9 * (1600 - 0) / 16e9 = 100 ppb.
        Assert.Equal(-100.0, r.FrequencyPpb, Tol);
    }

    [Theory]
    [InlineData(15_980_000_000L, ServoState.Unlocked)] // 15.98 * 1.001 = 15.99598 < 16
    [InlineData(15_990_000_000L, ServoState.Locked)]   // 15.99 * 1.001 = 16.00599 >= 16
    public void The_estimate_interval_has_a_tenth_percent_margin(long second, ServoState expected)
    {
        var pi = Pi(software: true);
        pi.Sample(0, 1, 1.0);
        Assert.Equal(expected, pi.Sample(0, 1 + second, 1.0).State);
    }

    [Fact]
    public void The_estimate_interval_is_capped_at_1000_seconds()
    {
        // ki = 1e-5 gives 0.016 / 1e-5 = 1600 s, capped to 1000 s: 999 s * 1.001 = 999.999 < 1000.
        var pi = Pi(kpConst: 0.5, kiConst: 0.00001);
        const long s = 1_000_000_000;
        pi.Sample(0, 0, 1.0);
        Assert.Equal(ServoState.Unlocked, pi.Sample(0, 999 * s, 1.0).State);
        Assert.Equal(ServoState.Locked, pi.Sample(0, 1000 * s, 1.0).State);
    }

    [Fact]
    public void A_second_sample_not_later_than_the_first_restarts()
    {
        var pi = Pi();
        pi.Sample(0, 5_000_000_000, 1.0);
        Assert.Equal(ServoState.Unlocked, pi.Sample(0, 5_000_000_000, 1.0).State);
        Assert.Equal(0, pi.SampleCount);
        Assert.Equal(ServoState.Unlocked, pi.Sample(0, 6_000_000_000, 1.0).State); // new first record
        Assert.Equal(ServoState.Locked, pi.Sample(0, 7_000_000_000, 1.0).State);
    }

    [Theory]
    [InlineData(20_000, ServoState.Locked)]  // not strictly above first_step_threshold
    [InlineData(20_001, ServoState.Jump)]
    [InlineData(-20_001, ServoState.Jump)]
    public void First_update_steps_beyond_first_step_threshold(long offset, ServoState expected)
    {
        var pi = Pi();
        pi.Sample(offset, 1_000_000_000, 1.0);
        Assert.Equal(expected, pi.Sample(offset, 2_000_000_000, 1.0).State);
    }

    [Fact]
    public void After_the_first_update_only_step_threshold_steps()
    {
        var pi = Pi();
        pi.Limits.FirstUpdate = false;
        pi.Sample(50_000, 1_000_000_000, 1.0);
        Assert.Equal(ServoState.Locked, pi.Sample(50_000, 2_000_000_000, 1.0).State);

        var pi2 = Pi();
        pi2.Limits.FirstUpdate = false;
        pi2.Limits.StepThresholdNs = 40_000;
        pi2.Sample(50_000, 1_000_000_000, 1.0);
        Assert.Equal(ServoState.Jump, pi2.Sample(50_000, 2_000_000_000, 1.0).State);
    }

    [Fact]
    public void Beyond_step_threshold_while_locked_resets_to_the_first_sample()
    {
        var pi = Pi();
        pi.Limits.StepThresholdNs = 1000;
        pi.Sample(0, 1_000_000_000, 1.0);
        pi.Sample(0, 2_000_000_000, 1.0);
        Assert.Equal(2, pi.SampleCount);
        Assert.Equal(ServoState.Locked, pi.Sample(1000, 3_000_000_000, 1.0).State);
        var r = pi.Sample(1001, 4_000_000_000, 1.0);
        Assert.Equal(ServoState.Unlocked, r.State);
        Assert.Equal(0, pi.SampleCount);
    }

    [Fact]
    public void Clamped_output_does_not_integrate()
    {
        var pi = Pi();
        pi.Limits.MaxFrequencyPpb = 1000;
        pi.Sample(1000, 1_000_000_000, 1.0);
        pi.Sample(1500, 2_000_000_000, 1.0); // drift 500, as in the sequence above

        // ppb = 0.7 * 10000 + 500 + 0.3 * 10000 = 10500 -> clamped to 1000; drift stays 500.
        var r = pi.Sample(10_000, 3_000_000_000, 1.0);
        Assert.True(r.Clamped);
        Assert.Equal(-1000.0, r.FrequencyPpb, Tol);
        r = pi.Sample(-10_000, 4_000_000_000, 1.0);
        Assert.True(r.Clamped);
        Assert.Equal(1000.0, r.FrequencyPpb, Tol);

        // offset 0: ppb = drift = 500 (it would be 500 + 3000 - 3000 anyway; check asymmetric too).
        r = pi.Sample(0, 5_000_000_000, 1.0);
        Assert.False(r.Clamped);
        Assert.Equal(-500.0, r.FrequencyPpb, Tol);

        // Unclamped: ki term 0.3 * 1000 = 300 joins: ppb = 700 + 500 + 300 = 1500 > 1000 -> clamped, so
        // drift still 500. Then 100: 70 + 500 + 30 = 600 unclamped, drift 530; then 0 -> 530.
        pi.Sample(1000, 6_000_000_000, 1.0);
        pi.Sample(100, 7_000_000_000, 1.0);
        Assert.Equal(-530.0, pi.Sample(0, 8_000_000_000, 1.0).FrequencyPpb, Tol);
    }

    [Fact]
    public void The_first_estimate_is_clamped_too()
    {
        var pi = Pi();
        pi.Limits.MaxFrequencyPpb = 100;
        pi.Sample(0, 1_000_000_000, 1.0);
        var r = pi.Sample(1000, 2_000_000_000, 1.0); // 1000 ppb measured
        Assert.True(r.Clamped);
        Assert.Equal(-100.0, r.FrequencyPpb, Tol);
    }

    [Fact]
    public void Reset_keeps_the_frequency_estimate()
    {
        var pi = Pi();
        pi.Sample(1000, 1_000_000_000, 1.0);
        pi.Sample(1500, 2_000_000_000, 1.0); // drift 500
        pi.Reset();
        Assert.Equal(0, pi.SampleCount);
        Assert.Equal(-500.0, pi.Sample(0, 3_000_000_000, 1.0).FrequencyPpb, Tol); // last output kept
        // drift = 500 + (1e9 - 500) * 100 / 1e9 = 500 + 99.99995
        Assert.Equal(-600.0 + 0.00005, pi.Sample(100, 4_000_000_000, 1.0).FrequencyPpb, 1e-9);
    }

    [Fact]
    public void Invalid_sync_interval_is_rejected()
    {
        var pi = Pi();
        Assert.Throws<ArgumentOutOfRangeException>(() => pi.SyncInterval = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => pi.SyncInterval = double.NaN);
    }
    [Fact]
    public void Adaptive_gain_lowers_the_gains_on_noise_and_raises_them_when_the_clock_runs_away()
    {
        var pi = new PiServo(new ServoOptions { PiAdaptiveGain = true }) { SyncInterval = 1.0 / 16 };
        var rng = new Random(7);
        long t = ClockModel.Epoch;
        pi.Sample(0, t, 1.0);
        pi.Sample(0, t += 1_000_000_000, 1.0); // frequency estimated: locked from here on
        for (int i = 0; i < 200; i++) pi.Sample(rng.Next(-20, 21), t += 62_500_000, 1.0);
        Assert.Equal(0.8, pi.GainFactor, 1e-9); // white noise around zero: the short-term mean stays within it
        for (int i = 0; i < 8; i++) pi.Sample(60 + rng.Next(-20, 21), t += 62_500_000, 1.0);
        Assert.Equal(1.3, pi.GainFactor, 1e-9); // a sustained 60 ns: the loop lags, gains up

        var plain = new PiServo(new ServoOptions()) { SyncInterval = 1.0 / 16 };
        plain.Sample(0, ClockModel.Epoch, 1.0);
        plain.Sample(0, ClockModel.Epoch + 1_000_000_000, 1.0);
        plain.Sample(60, ClockModel.Epoch + 1_062_500_000, 1.0);
        Assert.Equal(1.0, plain.GainFactor); // off by default: ptp4l's fixed gains
    }
}
