using Ptp4Net.Time;

namespace Ptp4Net.Tests.Time;

public class PtpTimestampTests
{
    [Fact]
    public void Rejects_nanoseconds_at_or_above_one_second()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PtpTimestamp(0, 1_000_000_000));
        Assert.False(PtpTimestamp.TryCreate(5, 1_000_000_000, out _));
        Assert.True(PtpTimestamp.TryCreate(5, 999_999_999, out var t));
        Assert.Equal(5_999_999_999, t.ToNanosecondsInt64());
    }

    [Fact]
    public void Rejects_seconds_beyond_48_bits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PtpTimestamp(1UL << 48, 0));
        var max = new PtpTimestamp(PtpTimestamp.MaxSeconds, 999_999_999);
        Assert.Equal(PtpTimestamp.MaxValue, max);
        Assert.False(PtpTimestamp.TryFromNanoseconds(max.TotalNanoseconds + 1, out _));
        Assert.True(PtpTimestamp.TryFromNanoseconds(max.TotalNanoseconds, out var back));
        Assert.Equal(max, back);
        Assert.False(PtpTimestamp.TryFromNanoseconds(-1, out _));
    }

    [Fact]
    public void Wire_form_round_trips_at_the_48_bit_limit()
    {
        Span<byte> b = stackalloc byte[10];
        var t = new PtpTimestamp(0xFFFF_1234_5678, 123_456_789);
        t.Write(b);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0x12, 0x34, 0x56, 0x78, 0x07, 0x5B, 0xCD, 0x15 }, b.ToArray());
        Assert.Equal(t, PtpTimestamp.Read(b));
    }

    [Fact]
    public void TryRead_flags_an_invalid_nanoseconds_field()
    {
        byte[] b = [0, 0, 0, 0, 0, 1, 0x3B, 0x9A, 0xCA, 0x00]; // 10^9 ns
        Assert.False(PtpTimestamp.TryRead(b, out _));
        b[9] = 0xFF; b[8] = 0xC9; // 999_999_999
        Assert.True(PtpTimestamp.TryRead(b, out var t));
        Assert.Equal(1UL, t.Seconds);
        Assert.Equal(999_999_999u, t.Nanoseconds);
    }

    [Fact]
    public void Subtraction_is_exact_and_signed()
    {
        var a = new PtpTimestamp(10, 100);
        var b = new PtpTimestamp(9, 999_999_900);
        Assert.Equal(200, (a - b).Nanoseconds);
        Assert.Equal(-200, (b - a).Nanoseconds);
        Assert.Equal(a, b + Duration.FromNanoseconds(200));
        Assert.Equal(b, a - Duration.FromNanoseconds(200));
    }

    [Fact]
    public void Ordering_is_chronological()
    {
        Assert.True(new PtpTimestamp(1, 999_999_999) < new PtpTimestamp(2, 0));
        Assert.True(new PtpTimestamp(2, 1) > new PtpTimestamp(2, 0));
        Assert.Equal("2.000000001", new PtpTimestamp(2, 1).ToString());
    }
}
