using Ptp4Net.Time;

namespace Ptp4Net.Tests.Time;

public class TimeIntervalTests
{
    [Fact]
    public void Nanoseconds_scale_by_two_to_the_sixteen()
    {
        Assert.Equal(65536, TimeInterval.FromNanoseconds(1).ScaledNanoseconds);
        Assert.Equal(-65536, TimeInterval.FromNanoseconds(-1).ScaledNanoseconds);
    }

    [Fact]
    public void Negative_fractions_round_both_ways()
    {
        var t = TimeInterval.FromScaled(-0x18000); // -1.5 ns
        Assert.Equal(-2, t.WholeNanoseconds);
        Assert.Equal(-2, t.RoundedNanoseconds);
        Assert.Equal(-1.5, t.TotalNanoseconds);
        var u = TimeInterval.FromScaled(-0x14000); // -1.25 ns
        Assert.Equal(-1, u.RoundedNanoseconds);
        Assert.Equal(2, TimeInterval.FromScaled(0x18000).RoundedNanoseconds);
        Assert.Equal(1, TimeInterval.FromScaled(0x14000).RoundedNanoseconds);
    }

    [Fact]
    public void Overflow_marker_and_range()
    {
        Assert.True(TimeInterval.Overflow.IsOverflow);
        Assert.Throws<OverflowException>(() => TimeInterval.FromNanoseconds(long.MaxValue / 1000));
        Assert.Throws<OverflowException>(() => TimeInterval.Overflow + TimeInterval.FromScaled(1));
        Assert.Equal(long.MinValue, TimeInterval.FromScaled(long.MinValue).ScaledNanoseconds);
        Assert.Equal(long.MinValue >> 16, TimeInterval.FromScaled(long.MinValue).RoundedNanoseconds);
    }

    [Fact]
    public void Duration_log2_intervals()
    {
        Assert.Equal(1_000_000_000, Duration.FromLog2Seconds(0).Nanoseconds);
        Assert.Equal(125_000_000, Duration.FromLog2Seconds(-3).Nanoseconds);
        Assert.Equal(4_000_000_000, Duration.FromLog2Seconds(2).Nanoseconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromLog2Seconds(31));
        Assert.Throws<OverflowException>(() => Duration.MaxValue + Duration.FromNanoseconds(1));
    }
}
