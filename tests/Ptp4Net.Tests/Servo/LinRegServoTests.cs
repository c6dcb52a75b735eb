using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

public class LinRegServoTests
{
    private const long S = 1_000_000_000;
    private const long T0 = ClockModel.Epoch;

    [Fact]
    public void Unlocked_until_four_points_then_slope_plus_phase_correction()
    {
        // Offsets grow 1000 ns per second (a clock 1000 ppb fast), no correction applied yet.
        // Points (x = uncorrected local, y = local - offset), relative to the newest:
        //   x = -3e9, -2e9, -1e9, 0;  y = x - (offset) -> slope = 1 - 1e-6, intercept = -3000.
        // frequency = 1e9 * (slope - 1) + intercept / T / 1 = -1000 - 3000 = -4000 ppb.
        var lr = new LinRegServo(new ServoOptions());
        for (int i = 0; i < 3; i++)
        {
            var u = lr.Sample(1000 * i, T0 + i * S, 1.0);
            Assert.Equal(ServoState.Unlocked, u.State);
            Assert.Equal(0.0, u.FrequencyPpb);
        }
        var r = lr.Sample(3000, T0 + 3 * S, 1.0);
        Assert.Equal(ServoState.Locked, r.State);
        Assert.Equal(4, lr.RegressionPoints);
        Assert.Equal(-4000.0, r.FrequencyPpb, 1e-3);
        // rate ratio = slope / (1 + f / 1e9) = 0.999999 / 0.999996
        Assert.Equal(0.999999 / 0.999996, lr.RateRatio, 1e-12);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    public void Linreg_max_points_bounds_the_regression_which_grows_to_it_on_white_noise(int maxPoints)
    {
        // A quiet clock seen through white noise: larger fits predict best, so the adaptive choice climbs to the limit.
        var lr = new LinRegServo(new ServoOptions { LinRegMaxPoints = maxPoints });
        var rng = new Random(3);
        int largest = 0;
        for (int i = 0; i < 1_000; i++)
        {
            lr.Sample(rng.Next(-20, 21), T0 + i * (S / 16), 1.0);
            largest = Math.Max(largest, lr.RegressionPoints);
        }
        Assert.Equal(maxPoints, largest);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(2048)]
    public void Linreg_max_points_must_be_a_power_of_two_from_4_to_1024(int maxPoints) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinRegServo(new ServoOptions { LinRegMaxPoints = maxPoints }));

    [Fact]
    public void Phase_correction_uses_the_sync_interval()
    {
        // Same points, T = 2 s: -1000 - 3000 / 2 = -2500 ppb (samples still 1 s apart: the servo trusts T).
        var lr = new LinRegServo(new ServoOptions()) { SyncInterval = 2.0 };
        for (int i = 0; i < 4; i++)
            lr.Sample(1000 * i, T0 + i * S, 1.0);
        Assert.Equal(-2500.0, lr.FrequencyPpb, 1e-3);
    }

    [Fact]
    public void First_update_jumps_on_the_intercept_and_keeps_only_the_slope()
    {
        // Offsets 100 us + 1000 ns/s: intercept -103000, |.| > 20000 -> Jump. The reference is moved as
        // if the clock were stepped by -103000, so the intercept becomes 0 and the output is the slope.
        var lr = new LinRegServo(new ServoOptions());
        for (int i = 0; i < 3; i++)
            lr.Sample(100_000 + 1000 * i, T0 + i * S, 1.0);
        var r = lr.Sample(103_000, T0 + 3 * S, 1.0);
        Assert.Equal(ServoState.Jump, r.State);
        Assert.Equal(-1000.0, r.FrequencyPpb, 1e-3);
    }

    [Fact]
    public void Output_is_clamped_to_max_frequency()
    {
        var lr = new LinRegServo(new ServoOptions());
        lr.Limits.MaxFrequencyPpb = 500;
        for (int i = 0; i < 3; i++)
            lr.Sample(1000 * i, T0 + i * S, 1.0);
        var r = lr.Sample(3000, T0 + 3 * S, 1.0);
        Assert.True(r.Clamped);
        Assert.Equal(-500.0, r.FrequencyPpb);
    }

    [Fact]
    public void Initial_frequency_is_reported_until_locked_and_removed_from_x()
    {
        // The clock already runs at -1000 ppb and the offsets are flat: x advances 1e9 / (1 - 1e-6) per
        // second, so slope = 1 - 1e-6 again and the output is -1000 (keep the correction).
        var lr = new LinRegServo(new ServoOptions { InitialFrequencyPpb = -1000 });
        for (int i = 0; i < 3; i++)
            Assert.Equal(-1000.0, lr.Sample(0, T0 + i * S, 1.0).FrequencyPpb);
        var r = lr.Sample(0, T0 + 3 * S, 1.0);
        Assert.Equal(ServoState.Locked, r.State);
        Assert.Equal(-1000.0, r.FrequencyPpb, 1e-3);
    }

    [Fact]
    public void Reset_needs_four_new_points()
    {
        var lr = new LinRegServo(new ServoOptions());
        for (int i = 0; i < 4; i++)
            lr.Sample(0, T0 + i * S, 1.0);
        lr.Reset();
        Assert.Equal(1.0, lr.RateRatio);
        for (int i = 4; i < 7; i++)
            Assert.Equal(ServoState.Unlocked, lr.Sample(0, T0 + i * S, 1.0).State);
        Assert.Equal(ServoState.Locked, lr.Sample(0, T0 + 7 * S, 1.0).State);
    }

    [Fact]
    public void Grows_to_64_points_on_a_steady_noisy_clock()
    {
        var lr = new LinRegServo(new ServoOptions());
        var sup = new ServoSupervisor(lr, new ServoOptions { ClockServo = ServoType.LinReg });
        var clock = new ClockModel(10_000, 0, 100, 7);
        int max = 0;
        for (int i = 0; i < 400; i++)
        {
            clock.Advance(1e9);
            clock.Apply(sup.Sample(clock.MeasureOffsetNs(), clock.LocalTimeNs));
            max = Math.Max(max, lr.RegressionPoints);
        }
        Assert.Equal(64, max);
    }

    [Fact]
    public void A_pending_leap_changes_nothing_until_it_passes()
    {
        var a = new LinRegServo(new ServoOptions());
        var b = new LinRegServo(new ServoOptions());
        b.Leap(1);
        for (int i = 0; i < 6; i++)
            Assert.Equal(a.Sample(700 * i, T0 + i * S, 1.0), b.Sample(700 * i, T0 + i * S, 1.0));
    }
}
