using Ptp4Net.Simulation;

namespace Ptp4Net.Tests.Simulation;

public class SimClockTests
{
    private const long S = 1_000_000_000;

    [Fact]
    public void Free_running_clock_gains_its_frequency_offset_exactly()
    {
        var c = new SimClock(new OscillatorParameters { FrequencyOffsetPpb = 50_000, InitialOffsetNs = 1_000_000 }, 1);
        Assert.Equal(SimClock.EpochNs + 1_000_000, c.LocalTime(0));
        // 50 ppm over 10 s = 500 µs.
        Assert.Equal(SimClock.EpochNs + 10 * S + 1_000_000 + 500_000, c.LocalTime(10 * S));
        Assert.Equal(1_500_000, c.OffsetNs(10 * S), 3); // to the picosecond
        Assert.Equal(50_000, c.RateErrorPpb(10 * S), 9);
    }

    [Fact]
    public void Sub_nanosecond_drift_accumulates_without_loss()
    {
        // 0.3 ppb: 0.3 ns per second, well below one nanosecond per step of the integration.
        var c = new SimClock(new OscillatorParameters { FrequencyOffsetPpb = 0.3 }, 1);
        for (long t = 0; t <= 3600 * S; t += S / 16)
            c.AdjustFrequency(t, 0); // forces a new linear segment every 62.5 ms
        Assert.Equal(0.3 * 3600, c.OffsetNs(3600 * S), 3); // to the picosecond
    }

    [Fact]
    public void Step_and_frequency_adjustment_steer_like_a_phc()
    {
        var c = new SimClock(new OscillatorParameters { FrequencyOffsetPpb = 50_000, InitialOffsetNs = 1_000_000 }, 1);
        c.Step(S, -1_050_000);
        Assert.Equal(0, c.OffsetNs(S), 6);
        Assert.Equal(1, c.StepCount);
        // An adjustment of -50000 ppb multiplies the frequency by (1 - 5e-5): residual (1+5e-5)(1-5e-5)-1 = -2.5e-9.
        c.AdjustFrequency(S, -50_000);
        Assert.Equal(-2.5, c.RateErrorPpb(2 * S), 6);
        Assert.Equal(-2.5, c.OffsetNs(2 * S), 6);
        Assert.Equal(-50_000, c.AdjustmentPpb);
        c.AdjustPhase(2 * S, 100);
        Assert.Equal(97.5, c.OffsetNs(2 * S), 6);
    }

    [Fact]
    public void Frequency_adjustment_is_clamped_to_max_adjustment()
    {
        var c = new SimClock(new OscillatorParameters { MaxAdjustmentPpb = 1000 }, 1);
        c.AdjustFrequency(0, 5000);
        Assert.Equal(1000, c.AdjustmentPpb);
        Assert.Equal(1000, c.OffsetNs(S), 6);
    }

    [Fact]
    public void Mutating_in_the_past_throws()
    {
        var c = new SimClock(OscillatorParameters.Ideal, 1);
        c.Step(10 * S, 5);
        Assert.Throws<InvalidOperationException>(() => c.Step(S, 5));
    }

    [Fact]
    public void TrueTimeOf_inverts_LocalTime()
    {
        var c = new SimClock(new OscillatorParameters { FrequencyOffsetPpb = -73_123, InitialOffsetNs = 12_345 }, 1);
        c.AdjustFrequency(S, 20_000);
        long t = 7 * S + 123_456_789;
        long local = c.LocalTime(t);
        Assert.InRange(c.TrueTimeOf(local), t - 1, t + 1);
    }

    [Fact]
    public void Timestamps_are_floored_to_the_granularity()
    {
        var c = new SimClock(new OscillatorParameters { GranularityNs = 8, InitialOffsetNs = 13 }, 1);
        for (long t = 0; t < 100; t++)
        {
            long ts = c.Timestamp(t);
            Assert.Equal(0, ts % 8);
            long exact = c.LocalTime(t);
            Assert.InRange(exact - ts, 0, 7);
        }
    }

    [Fact]
    public void Timestamp_noise_has_the_configured_standard_deviation()
    {
        var c = new SimClock(new OscillatorParameters { TimestampNoiseNs = 100 }, 42);
        int n = 20_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            long t = i * 1000L;
            double e = c.Timestamp(t) - (SimClock.EpochNs + t);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / n, sd = Math.Sqrt(sumSq / n - mean * mean);
        Assert.InRange(mean, -0.5 - 3, -0.5 + 3); // floor of a continuous value: mean −0.5 ns
        Assert.InRange(sd, 97, 103);
    }

    [Fact]
    public void Random_walk_wander_grows_as_the_square_root_of_time()
    {
        // Over 16 s at 30 ppb/√s the frequency's standard deviation is 120 ppb; check over 400 seeds.
        int seeds = 400;
        double sumSq = 0;
        for (ulong seed = 0; seed < (ulong)seeds; seed++)
        {
            var c = new SimClock(new OscillatorParameters { WanderPpbPerSqrtSecond = 30 }, seed);
            double f = c.OscillatorPpb(16 * S);
            sumSq += f * f;
        }
        double sd = Math.Sqrt(sumSq / seeds);
        Assert.InRange(sd, 120 * 0.9, 120 * 1.1);
    }

    [Fact]
    public void Wander_does_not_depend_on_how_often_the_clock_is_read()
    {
        var p = new OscillatorParameters { WanderPpbPerSqrtSecond = 30, TimestampNoiseNs = 5 };
        var a = new SimClock(p, 9);
        var b = new SimClock(p, 9);
        for (long t = 0; t < 10 * S; t += 1_000_000) b.Timestamp(t); // b is read often, with noise
        Assert.Equal(a.OffsetNs(10 * S), b.OffsetNs(10 * S), 9);
        Assert.NotEqual(0, a.OffsetNs(10 * S));
    }
}
