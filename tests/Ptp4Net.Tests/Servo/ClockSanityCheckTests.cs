using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

public class ClockSanityCheckTests
{
    private const long S = 1_000_000_000;
    private const long C0 = ClockModel.Epoch;
    private const long M0 = ClockModel.MonotonicEpoch;

    [Fact]
    public void Silent_until_a_frequency_was_set()
    {
        var c = new ClockSanityCheck(200_000_000);
        Assert.Equal(ServoEvents.None, c.Check(C0, M0));
        Assert.Equal(ServoEvents.None, c.Check(C0 + 10 * S, M0 + S)); // would be 9e9 ppb
    }

    [Fact]
    public void A_forward_jump_reads_as_too_fast()
    {
        // 1.5 s of clock in 1 s of monotonic time with no adjustment: +5e8 ppb > 2e8.
        var c = new ClockSanityCheck(200_000_000);
        c.SetFrequency(0);
        Assert.Equal(ServoEvents.None, c.Check(C0, M0));
        Assert.Equal(ServoEvents.SanityClockTooFast, c.Check(C0 + 3 * S / 2, M0 + S));
    }

    [Fact]
    public void A_backward_jump_reads_as_too_slow()
    {
        // The clock went back 0.5 s: a negative interval is compared once monotonic time advanced 1 s:
        // (-0.5 / 1 - 1) * 1e9 = -1.5e9 ppb < -2e8.
        var c = new ClockSanityCheck(200_000_000);
        c.SetFrequency(0);
        c.Check(C0, M0);
        Assert.Equal(ServoEvents.None, c.Check(C0 - S / 2, M0 + S / 2));
        Assert.Equal(ServoEvents.SanityClockTooSlow, c.Check(C0 - S / 2, M0 + S));
    }

    [Fact]
    public void A_slow_clock_is_compared_once_its_own_interval_reaches_a_second()
    {
        // 0.7 s of clock in 1 s: under 1 s of clock time, no comparison yet (as linuxptp clockcheck).
        // 1.2 s of clock in 2 s: (1.2 / 2 - 1) * 1e9 = -4e8 ppb < -2e8.
        var c = new ClockSanityCheck(200_000_000);
        c.SetFrequency(0);
        c.Check(C0, M0);
        Assert.Equal(ServoEvents.None, c.Check(C0 + 7 * S / 10, M0 + S));
        Assert.Equal(ServoEvents.SanityClockTooSlow, c.Check(C0 + 12 * S / 10, M0 + 2 * S));
    }

    [Fact]
    public void The_applied_adjustment_is_removed()
    {
        // The clock runs 15 % fast because the servo set +15 %: the uncorrected clock is on time.
        // Had the servo set 0, 15 % would pass too; 25 % with only +10 % set is 13.6 % uncorrected: ok;
        // 25 % with 0 set fails.
        var c = new ClockSanityCheck(200_000_000);
        c.SetFrequency(150_000_000);
        c.Check(C0, M0);
        Assert.Equal(ServoEvents.None, c.Check(C0 + 1_150_000_000, M0 + S));

        var d = new ClockSanityCheck(200_000_000);
        d.SetFrequency(0);
        d.Check(C0, M0);
        Assert.Equal(ServoEvents.SanityClockTooFast, d.Check(C0 + 1_250_000_000, M0 + S));

        var e = new ClockSanityCheck(200_000_000);
        e.SetFrequency(100_000_000);
        e.Check(C0, M0);
        Assert.Equal(ServoEvents.None, e.Check(C0 + 1_250_000_000, M0 + S));
    }

    [Fact]
    public void A_reported_step_is_not_a_frequency_error()
    {
        var c = new ClockSanityCheck(200_000_000);
        c.SetFrequency(0);
        c.Check(C0, M0);
        c.Step(S / 2);
        Assert.Equal(ServoEvents.None, c.Check(C0 + 3 * S / 2, M0 + S));
    }

    [Fact]
    public void Limit_zero_disables()
    {
        var c = new ClockSanityCheck(0);
        c.SetFrequency(0);
        c.Check(C0, M0);
        Assert.Equal(ServoEvents.None, c.Check(C0 + 10 * S, M0 + S));
    }
}
