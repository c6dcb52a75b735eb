using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

/// <summary>
/// Servos in closed loop with <see cref="ClockModel"/>: +50 ppm oscillator, 1 ms initial offset unless
/// stated, white Gaussian measurement noise with a fixed seed. Bounds are set from the noise level
/// (a PI with kp·T = k leaves roughly σ·sqrt(k / (2 − k)) RMS), not from the observed figures.
/// </summary>
public class ServoClosedLoopTests
{
    private const int Seed = 1588;

    // 1 Sync/s with hardware gains and hardware-ish noise: the step rules are easiest to count here.
    private static readonly LoopScenario OnePerSecondHw = new("1 Sync/s hw", 1.0, 20, false, 120);

    [Fact]
    public void Pi_hardware_ish_steps_once_then_holds_within_100ns()
    {
        var s = LoopScenario.HardwareIsh;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, Seed);

        // ki = 0.3 * (1/16)^0.4 = 0.09896: the estimate needs 0.016 / ki = 0.1617 s, i.e. 3 intervals
        // after the first sample (3 * 0.0625 * 1.001 = 0.1877; 2 intervals give only 0.1251).
        Assert.Equal(new[] { 3 }, t.IndicesOf(ServoState.Jump));
        Assert.Equal(new[] { 0, 1, 2 }, t.IndicesOf(ServoState.Unlocked));
        Assert.Equal(1, t.Steps);
        Assert.True(t.MaxAbsFrom(10) < 100, $"max |offset| after 10 s: {t.MaxAbsFrom(10)}");
        // σ = 20 ns, kp·T = 0.1: about 20 * 0.23 = 4.6 ns RMS expected; allow 10.
        Assert.True(t.RmsFrom(s.DurationS / 2) < 10, $"RMS {t.RmsFrom(s.DurationS / 2)}");
    }

    [Fact]
    public void Pi_software_ish_waits_16s_steps_once_then_holds()
    {
        var s = LoopScenario.SoftwareIsh;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, Seed);

        // ki = 0.001: the estimate waits for 16 s (16 * 1.001 >= 16) after the first sample.
        Assert.Equal(new[] { 16 }, t.IndicesOf(ServoState.Jump));
        Assert.Equal(Enumerable.Range(0, 16), t.IndicesOf(ServoState.Unlocked));
        // σ = 500 ns, kp·T = 0.1: about 115 ns RMS expected; allow 150, and 5 × that as the peak.
        double half = s.DurationS / 2;
        Assert.True(t.RmsFrom(half) < 150, $"RMS {t.RmsFrom(half)}");
        Assert.True(t.MaxAbsFrom(half) < 750, $"max {t.MaxAbsFrom(half)}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(Seed)]
    public void LinReg_does_at_least_as_well_as_pi_with_hardware_ish_noise(int seed)
    {
        var s = LoopScenario.HardwareIsh;
        var pi = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, seed);
        var lr = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.LinReg, s), s, seed);
        double half = s.DurationS / 2;
        Assert.Equal(1, lr.Steps);
        Assert.True(lr.RmsFrom(half) <= pi.RmsFrom(half), $"linreg {lr.RmsFrom(half)} vs pi {pi.RmsFrom(half)}");
        Assert.True(lr.FirstBelowS(100) <= pi.FirstBelowS(100));
        Assert.True(lr.MaxAbsFrom(10) < 100, $"linreg max after 10 s {lr.MaxAbsFrom(10)}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(Seed)]
    public void LinReg_with_software_ish_noise_converges_sooner_and_is_within_15_percent_of_pi(int seed)
    {
        // Not "at least as well" on every figure: with white noise and 1 Sync/s the software PI gains
        // (kp·T = 0.1) average a little longer than linreg's 64 points, so linreg's RMS is ~8 % higher;
        // it reaches 100 ns several times sooner. Both facts are asserted.
        var s = LoopScenario.SoftwareIsh;
        var pi = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, seed);
        var lr = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.LinReg, s), s, seed);
        double half = s.DurationS / 2;
        Assert.Equal(1, lr.Steps);
        Assert.True(lr.FirstBelowS(100) < pi.FirstBelowS(100), $"linreg {lr.FirstBelowS(100)} s vs pi {pi.FirstBelowS(100)} s");
        Assert.True(lr.RmsFrom(half) <= 1.15 * pi.RmsFrom(half), $"linreg {lr.RmsFrom(half)} vs pi {pi.RmsFrom(half)}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(Seed)]
    public void LinReg_with_longer_fits_does_at_least_as_well_as_pi_with_software_ish_noise(int seed)
    {
        // Our linreg_max_points option lets linreg average over more Syncs than ptp4l's 64: with it, linreg is at
        // least as good as PI on the same seed in RMS and in time to 100 ns.
        var s = LoopScenario.SoftwareIsh;
        var pi = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, seed);
        var lr = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.LinReg, s) with { LinRegMaxPoints = 512 }, s, seed);
        double half = s.DurationS / 2;
        Assert.True(lr.RmsFrom(half) <= pi.RmsFrom(half), $"linreg {lr.RmsFrom(half)} vs pi {pi.RmsFrom(half)}");
        Assert.True(lr.FirstBelowS(100) <= pi.FirstBelowS(100), $"linreg {lr.FirstBelowS(100)} s vs pi {pi.FirstBelowS(100)} s");
    }

    [Fact]
    public void No_step_when_the_first_offset_is_below_first_step_threshold()
    {
        // 5 us + 50 ppm * 0.25 s = 17.5 us at the first estimate: below 20 us, so the PI slews.
        var s = LoopScenario.HardwareIsh;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, Seed, initialOffsetNs: 5_000);
        Assert.Equal(0, t.Steps);
        Assert.Empty(t.IndicesOf(ServoState.Jump));
        Assert.True(t.MaxAbsFrom(60) < 100, $"max after 60 s {t.MaxAbsFrom(60)}");
    }

    [Theory]
    [InlineData(2_000_000, true)]
    [InlineData(900_000, false)]
    public void Step_threshold_steps_exactly_two_samples_after_the_offset_crosses_it(double disturbanceNs, bool steps)
    {
        // step_threshold 1 ms. A disturbance before sample 60: beyond the threshold the PI goes back to
        // its first sample (Unlocked at 60), records it (Unlocked at 61), re-estimates and steps (62).
        // Below the threshold it slews and never steps again.
        var options = ClosedLoop.OptionsFor(ServoType.Pi, OnePerSecondHw) with { StepThreshold = 0.001 };
        var t = ClosedLoop.Run(options, OnePerSecondHw, Seed,
            beforeSample: (i, clock) => { if (i == 60) clock.ExternalStep(disturbanceNs); });

        if (steps)
        {
            Assert.Equal(new[] { 1, 62 }, t.IndicesOf(ServoState.Jump));
            Assert.Equal(new[] { 0, 60, 61 }, t.IndicesOf(ServoState.Unlocked));
            Assert.Equal(2, t.Steps);
            Assert.True(Math.Abs(t.TrueOffsetNs[62]) < 1000, $"after the step {t.TrueOffsetNs[62]}");
        }
        else
        {
            Assert.Equal(new[] { 1 }, t.IndicesOf(ServoState.Jump));
            Assert.Equal(new[] { 0 }, t.IndicesOf(ServoState.Unlocked));
        }
    }

    [Fact]
    public void LinReg_steps_on_the_first_update_only_by_default()
    {
        var s = LoopScenario.HardwareIsh;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.LinReg, s), s, Seed,
            beforeSample: (i, clock) => { if (i == 1000) clock.ExternalStep(2_000_000); });
        // 4 points needed; the 4th (index 3) has |intercept| ~ 1 ms > 20 us: Jump. The later 2 ms
        // disturbance is slewed (step_threshold 0).
        Assert.Equal(new[] { 3 }, t.IndicesOf(ServoState.Jump));
        Assert.Equal(1, t.Steps);
    }

    [Fact]
    public void Max_frequency_clamps_without_wind_up()
    {
        // max_frequency 20 ppm cannot hold a 50 ppm oscillator: the output sits at -20000 ppb and the
        // offset runs away. At 30 s the oscillator error drops to +10 ppm and the loop recovers.
        var s = LoopScenario.HardwareIsh;
        var options = ClosedLoop.OptionsFor(ServoType.Pi, s) with { MaxFrequency = 20_000 };
        var t = ClosedLoop.Run(options, s, Seed,
            beforeSample: (i, clock) => { if (i == 480) clock.NaturalFrequencyErrorPpb = 10_000; });

        Assert.All(t.FrequencyPpb, f => Assert.InRange(f, -20_000.0, 20_000.0));
        for (int i = 3; i < 480; i++)
        {
            Assert.Equal(-20_000.0, t.FrequencyPpb[i]);
            Assert.True(t.Events[i].HasFlag(ServoEvents.FrequencyClamped), $"sample {i}");
        }
        double peak = t.TrueOffsetNs[479];
        Assert.True(peak > 500_000, $"offset ran away to {peak}");
        // Without wind-up the integral is still the clamped estimate (20 ppm), so the recovery
        // overshoots by a small fraction of the peak rather than by a multiple of it.
        double undershoot = -t.TrueOffsetNs.Skip(480).Min();
        Assert.True(undershoot < 0.05 * peak, $"overshoot {undershoot} of {peak}");
        Assert.True(t.MaxAbsFrom(s.DurationS - 60) < 100, $"max in the last minute {t.MaxAbsFrom(s.DurationS - 60)}");
    }

    [Fact]
    public void Phc_max_adj_clamps_like_max_frequency()
    {
        var s = LoopScenario.HardwareIsh;
        var options = ClosedLoop.OptionsFor(ServoType.Pi, s) with { PhcMaxAdjPpb = 20_000 };
        var t = ClosedLoop.Run(options, s, Seed);
        Assert.Equal(-20_000.0, t.FrequencyPpb[^1]);
        Assert.True(t.Events[^1].HasFlag(ServoEvents.FrequencyClamped));
    }

    [Fact]
    public void LinReg_is_clamped_too()
    {
        var s = LoopScenario.HardwareIsh;
        var options = ClosedLoop.OptionsFor(ServoType.LinReg, s) with { MaxFrequency = 20_000 };
        var t = ClosedLoop.Run(options, s, Seed);
        Assert.All(t.FrequencyPpb, f => Assert.InRange(f, -20_000.0, 20_000.0));
        Assert.Equal(-20_000.0, t.FrequencyPpb[^1]);
    }

    [Fact]
    public void Sanity_check_silent_on_a_normal_run()
    {
        var s = LoopScenario.HardwareIsh;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, Seed, checkSanity: true);
        // The run really happened and locked (an empty run would have no events to object to).
        Assert.True(t.Events.Length >= s.DurationS / s.SyncIntervalS / 2, $"only {t.Events.Length} samples");
        Assert.True(t.States[^1] is ServoState.Locked or ServoState.LockedStable, $"ended {t.States[^1]}");
        Assert.DoesNotContain(t.Events, e => (e & (ServoEvents.SanityClockTooFast | ServoEvents.SanityClockTooSlow | ServoEvents.ServoReset)) != 0);
    }

    [Theory]
    [InlineData(500_000_000.0, ServoEvents.SanityClockTooFast)]
    [InlineData(-500_000_000.0, ServoEvents.SanityClockTooSlow)]
    public void Sanity_check_catches_a_foreign_step_and_resets(double stepNs, ServoEvents expected)
    {
        // A PHC that adjusts at most ±500 ppm (the servo cannot hide a 0.5 s step by slewing at 90 %,
        // which it could with the 900000000 ppb default: clockcheck bounds the uncorrected frequency with
        // the extreme adjustments set in the window, so a servo racing at -90 % masks a backward step).
        var s = LoopScenario.HardwareIsh;
        var options = ClosedLoop.OptionsFor(ServoType.Pi, s) with { PhcMaxAdjPpb = 500_000 };
        var t = ClosedLoop.Run(options, s, Seed, checkSanity: true,
            beforeSample: (i, clock) => { if (i == 1600) clock.ExternalStep(stepNs); });
        var hits = Enumerable.Range(0, t.Events.Length).Where(i => (t.Events[i] & expected) != 0).ToArray();
        int hit = Assert.Single(hits);
        // Compared at most once per second of both clocks (16 samples); a backward step first has to
        // be made up by 1 s of clock time: within 2.5 s either way, never before the step.
        Assert.InRange(hit, 1600, 1600 + 40);
        Assert.True(t.Events[hit].HasFlag(ServoEvents.ServoReset));
        Assert.Equal(ServoState.Unlocked, t.States[hit]); // the sample after the reset starts over
    }

    [Fact]
    public void Sanity_check_catches_a_wild_oscillator()
    {
        // +30 % oscillator error from 100 s: above sanity_freq_limit (20 %) whatever the servo sets.
        // Comparisons are 1 s apart and a window in which the servo changed its adjustment is judged
        // leniently (bounded by the extreme adjustments), so allow up to 4 s.
        var s = LoopScenario.HardwareIsh;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Pi, s), s, Seed, checkSanity: true,
            beforeSample: (i, clock) => { if (i == 1600) clock.NaturalFrequencyErrorPpb = 300_000_000; });
        int first = Array.FindIndex(t.Events, e => e.HasFlag(ServoEvents.SanityClockTooFast));
        Assert.InRange(first, 1600, 1600 + 64);
    }

    [Fact]
    public void Locked_stable_exactly_after_ten_offsets_below_threshold()
    {
        var s = LoopScenario.HardwareIsh;
        var options = ClosedLoop.OptionsFor(ServoType.Pi, s) with { ServoOffsetThreshold = 30, ServoNumOffsetValues = 10 };
        var t = ClosedLoop.Run(options, s, Seed);
        bool sawStable = false;
        for (int i = 0; i < t.States.Length; i++)
        {
            bool expected = i >= 9;
            for (int j = Math.Max(0, i - 9); expected && j <= i; j++)
                expected = Math.Abs(t.MeasuredOffsetNs[j]) < 30
                    && t.States[j] is ServoState.Locked or ServoState.LockedStable;
            Assert.Equal(expected, t.States[i] == ServoState.LockedStable);
            sawStable |= expected;
        }
        Assert.True(sawStable);
        // σ = 20 ns against a 30 ns threshold: the state goes back to Locked now and then.
        Assert.Contains(t.IndicesOf(ServoState.Locked), i => i > 100);
    }

    [Fact]
    public void Null_servo_never_corrects_but_reports_states()
    {
        var s = OnePerSecondHw;
        var t = ClosedLoop.Run(ClosedLoop.OptionsFor(ServoType.Null, s), s, Seed);
        Assert.All(t.FrequencyPpb, f => Assert.Equal(0.0, f));
        // First sample: 1.05 ms > first_step_threshold -> Jump; afterwards the offset drifts at 50 ppm
        // and, with step_threshold 0, is only reported: Unlocked.
        Assert.Equal(ServoState.Jump, t.States[0]);
        Assert.All(t.States.Skip(1), st => Assert.Equal(ServoState.Unlocked, st));
        Assert.InRange(t.TrueOffsetNs[^1], 50_000.0 * (s.DurationS - 1) - 200, 50_000.0 * (s.DurationS - 1) + 200);
    }

    [Fact]
    public void Null_servo_steps_whenever_step_threshold_is_exceeded()
    {
        var s = OnePerSecondHw;
        var options = ClosedLoop.OptionsFor(ServoType.Null, s) with { StepThreshold = 0.001 };
        var t = ClosedLoop.Run(options, s, Seed);
        for (int i = 0; i < t.States.Length; i++)
        {
            long m = t.MeasuredOffsetNs[i];
            double limit = i == 0 ? 20_000 : 1_000_000;
            var expected = m == 0 ? ServoState.Locked : Math.Abs(m) > limit ? ServoState.Jump : ServoState.Unlocked;
            Assert.Equal(expected, t.States[i]);
        }
        // 1 ms of drift takes 20 s at 50 ppm: about every 20th sample steps.
        Assert.InRange(t.Steps, 6, 7);
    }
}
