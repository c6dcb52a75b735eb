using Ptp4Net.Simulation;

namespace Ptp4Net.Tests.Simulation;

public class AccuracyFiguresTests
{
    [Fact]
    public void Lock_time_rms_max_and_frequency_error_follow_the_definitions()
    {
        // 10 samples one second apart; the last violation of the 100 ns bound is at t = 3 s.
        var t = Enumerable.Range(0, 10).Select(i => i * 1_000_000_000L).ToList();
        var off = new List<double> { 5000, -300, 50, 150, 20, -30, 40, -50, 30, 40 };
        var rate = new List<double> { 0, 0, 0, 0, 0, 3, -4, 3, -4, 0 };
        var f = AccuracyFigures.Compute(t, off, rate, 100);
        Assert.Equal(4.0, f.LockTimeSeconds);
        // Second half: t >= 4.5 s -> samples 5..9.
        Assert.Equal(5, f.Samples);
        Assert.Equal(Math.Sqrt((900 + 1600 + 2500 + 900 + 1600) / 5.0), f.RmsNs, 9);
        Assert.Equal(50, f.MaxNs);
        Assert.Equal(Math.Sqrt((9 + 16 + 9 + 16 + 0) / 5.0), f.FreqErrorPpb, 9);
    }

    [Fact]
    public void A_start_time_drops_earlier_samples_and_shifts_the_lock_time()
    {
        var t = Enumerable.Range(0, 10).Select(i => i * 1_000_000_000L).ToList();
        var off = new List<double> { 9999, 9999, 500, 10, 10, 10, 10, 10, 10, 20 };
        var rate = Enumerable.Repeat(0.0, 10).ToList();
        var f = AccuracyFigures.Compute(t, off, rate, 100, startNs: 2_000_000_000);
        Assert.Equal(1.0, f.LockTimeSeconds); // last violation at 2 s, locked from 3 s = 1 s after the start
        Assert.Equal(4, f.Samples); // second half of [2 s, 9 s]: t >= 5.5 s
        Assert.Equal(20, f.MaxNs);
    }

    [Fact]
    public void Not_locked_when_the_last_sample_violates_the_bound()
    {
        var t = new List<long> { 0, 1, 2 };
        var f = AccuracyFigures.Compute(t, new List<double> { 0, 0, 200 }, new List<double> { 0, 0, 0 }, 100);
        Assert.Null(f.LockTimeSeconds);
    }

    [Fact]
    public void Probe_measures_the_true_offset_between_two_clocks()
    {
        var w = new SimWorld(1);
        var gm = w.CreateClock("gm", new OscillatorParameters { FrequencyOffsetPpb = 10 });
        var sl = w.CreateClock("sl", new OscillatorParameters { FrequencyOffsetPpb = 30, InitialOffsetNs = 100 });
        var probe = new OffsetProbe(w, sl, gm, 250_000_000);
        w.RunUntil(2_000_000_000);
        Assert.Equal(9, probe.Offsets.Count);
        Assert.Equal(100 + 20 * 2.0, probe.Offsets[^1], 6);
        Assert.Equal(20, probe.RateErrorsPpb[^1], 6);
    }
}
