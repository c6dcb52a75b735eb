using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Linux;

public class EmulatedClockTests
{
    private sealed class FakeTime : ITimeSource
    {
        public long Now;
        public long RealtimeNanoseconds() => Now;
    }

    private const long T0 = 1_790_000_000_000_000_000;

    [Fact]
    public void Starts_at_the_configured_offset_and_drifts_at_the_configured_rate()
    {
        var t = new FakeTime { Now = T0 };
        var c = new EmulatedClock(t, new EmulatedClockOptions { EmulatedClockOffsetNs = -2_500, EmulatedClockFreqPpb = 100 });
        Assert.Equal(T0 - 2_500, c.NowNanoseconds());
        Assert.Equal(-2_500, c.TrueOffsetFromRealtime());
        t.Now += 1_000_000_000; // one second later: 100 ppb → +100 ns
        Assert.Equal(-2_400, c.TrueOffsetFromRealtime());
        t.Now += 9_000_000_000;
        Assert.Equal(-1_500, c.TrueOffsetFromRealtime());
    }

    [Fact]
    public void Frequency_adjustment_cancels_the_error_exactly()
    {
        var t = new FakeTime { Now = T0 };
        var c = new EmulatedClock(t, new EmulatedClockOptions { EmulatedClockFreqPpb = 100 });
        t.Now += 1_000_000_000;
        Assert.Equal(100, c.TrueOffsetFromRealtime());
        Assert.True(c.SetFrequencyPpb(-100).IsOk);
        Assert.Equal(-100, c.FrequencyPpb);
        t.Now += 1_000_000_000_000; // 1000 s
        Assert.Equal(100, c.TrueOffsetFromRealtime());
        // fractional ppb are exact in femto-parts: 12.5 ppb over 2 s (error cancelled) = 25 ns
        Assert.True(c.SetFrequencyPpb(-87.5).IsOk);
        t.Now += 2_000_000_000;
        Assert.Equal(125, c.TrueOffsetFromRealtime());
    }

    [Fact]
    public void Steps_are_exact_and_relative()
    {
        var t = new FakeTime { Now = T0 };
        var c = new EmulatedClock(t, new EmulatedClockOptions { EmulatedClockOffsetNs = 1_000 });
        Assert.True(c.Step(Duration.FromMilliseconds(5)).IsOk);
        Assert.Equal(5_001_000, c.TrueOffsetFromRealtime());
        Assert.True(c.Step(Duration.FromNanoseconds(-5_001_000)).IsOk);
        Assert.Equal(0, c.TrueOffsetFromRealtime());
        Assert.Equal(PtpTimestamp.FromNanoseconds(T0), c.Now());
    }

    [Fact]
    public void Negative_rates_round_toward_minus_infinity()
    {
        var t = new FakeTime { Now = T0 };
        var c = new EmulatedClock(t, new EmulatedClockOptions { EmulatedClockFreqPpb = -1 });
        t.Now += 1_500_000_000; // -1.5 ns → floor -2
        Assert.Equal(-2, c.TrueOffsetFromRealtime());
    }

    [Fact]
    public void Software_timestamps_map_into_the_emulated_timescale()
    {
        var t = new FakeTime { Now = T0 };
        var c = new EmulatedClock(t, new EmulatedClockOptions { EmulatedClockOffsetNs = 37_000_000_000, EmulatedClockFreqPpb = 1000 });
        Assert.True(c.TryMapSoftwareTimestamp(T0 + 1_000_000_000, out long mapped));
        Assert.Equal(T0 + 37_000_000_000 + 1_000_000_000 + 1_000, mapped);
        t.Now = T0 + 1_000_000_000;
        Assert.Equal(mapped, c.NowNanoseconds());
    }

    [Fact]
    public void Frequency_beyond_max_is_refused_and_changes_nothing()
    {
        var t = new FakeTime { Now = T0 };
        var c = new EmulatedClock(t, new EmulatedClockOptions { MaxFrequencyPpb = 1000 });
        var r = c.SetFrequencyPpb(1000.5);
        Assert.Equal(ClockStatus.OutOfRange, r.Status);
        Assert.Equal(Errno.ERANGE, r.Errno);
        Assert.Equal(0, c.FrequencyPpb);
        t.Now += 1_000_000_000;
        Assert.Equal(0, c.TrueOffsetFromRealtime());
    }

    [Fact]
    public void System_clock_is_read_only_unless_opened_for_steering()
    {
        // Only the read-only view is touched here: steering it would move this machine's clock.
        IPtpClock rt = SystemRealtimeClock.ReadOnly();
        Assert.False(rt.CanSteer);
        Assert.Equal(ClockStatus.NotSteerable, rt.Step(Duration.FromSeconds(1)).Status);
        Assert.Equal(ClockStatus.NotSteerable, rt.SetFrequencyPpb(1).Status);
        Assert.Contains("cannot be steered", rt.Step(Duration.Zero).Describe(rt));
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        long now = rt.NowNanoseconds();
        Assert.InRange(now - before, -5_000_000_000, 5_000_000_000);
    }
}
