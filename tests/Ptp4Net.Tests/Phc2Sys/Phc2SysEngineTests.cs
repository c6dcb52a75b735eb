using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>The pure engine: offsets, UTC offset direction, leap window and early/late announcements.</summary>
public sealed class Phc2SysEngineTests
{
    private const long S = 1_000_000_000L;
    private static readonly long Day = new DateTimeOffset(2016, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * S;
    private static long At(int h, int m, int s, long ns = 0) => Day + ((h * 60L + m) * 60 + s) * S + ns;

    private static PhcSample Sample(long source, long system, long delay = 500) => new(source, system, delay, CrossTimestampMethod.Extended);

    [Theory]
    // source TAI, target UTC, daemon offset 37: target = source − 37 s.
    [InlineData(false, true, null, 37, 1)]
    // source UTC (vmclock PHC), target TAI PHC: target = source + 37 s.
    [InlineData(true, false, null, 37, -1)]
    // both the same timescale: the offset is not used.
    [InlineData(false, false, null, 37, 0)]
    [InlineData(true, true, null, 37, 0)]
    // -O −37: direction −1, offset −37 → target = source − 37 s.
    [InlineData(false, true, -37, 0, -1)]
    public void Utc_offset_enters_with_phc2sys_direction(bool sourceUtc, bool targetUtc, int? forced, int daemonOffset, int direction)
    {
        var servo = new ScriptedPhc2SysServo();
        var e = new Phc2SysEngine(servo, new Phc2SysEngineOptions { SourceIsUtc = sourceUtc, TargetIsUtc = targetUtc, ForcedUtcOffsetSec = forced });
        long system = At(12, 0, 0);
        long source = system + 40 * S;
        long target = system + 3 * S + 250;
        var u = e.Update(Sample(source, system), target, new UtcInfo(daemonOffset, 0, true, false, UtcOrigin.Daemon));
        Assert.Equal(direction, u.UtcOffsetDirection);
        long expected = target - source + (long)(forced ?? daemonOffset) * S * direction;
        Assert.Equal(expected, u.OffsetNs);
        Assert.Equal(target - source, u.RawOffsetNs);
        Assert.Equal(expected, servo.Samples.Single().Offset);
        Assert.Equal(target, servo.Samples.Single().Local);
        Assert.True(u.ApplyFrequency);
        Assert.Equal(12.5, u.FrequencyPpb);
    }

    [Fact]
    public void Jump_steps_by_minus_the_offset()
    {
        var servo = new ScriptedPhc2SysServo(Phc2SysServoState.Jump);
        var e = new Phc2SysEngine(servo, new Phc2SysEngineOptions());
        var u = e.Update(Sample(At(12, 0, 0) + 37 * S, At(12, 0, 0)), At(12, 0, 0) + 5_000, new UtcInfo(37, 0, true, false, UtcOrigin.Daemon));
        Assert.Equal(5_000, u.OffsetNs);
        Assert.Equal(-5_000, u.StepNs);
    }

    [Fact]
    public void Leap_is_taken_up_after_0600_and_the_target_told_once()
    {
        var servo = new ScriptedPhc2SysServo();
        var e = new Phc2SysEngine(servo, new Phc2SysEngineOptions());
        var leap61 = new UtcInfo(36, 1, true, false, UtcOrigin.Daemon);

        long t = At(5, 0, 0);
        Assert.Null(e.Update(Sample(t + 36 * S, t), t, leap61).LeapToSet);
        t = At(6, 0, 1);
        Assert.Equal(1, e.Update(Sample(t + 36 * S, t), t, leap61).LeapToSet);
        t = At(12, 0, 0);
        Assert.Null(e.Update(Sample(t + 36 * S, t), t, leap61).LeapToSet);
        Assert.Equal(1, e.LeapSet);
        Assert.Empty(servo.Leaps); // the target leaps by itself

        // The last second of the day: suspended, nothing sampled.
        int n = servo.Samples.Count;
        t = At(23, 59, 59, 1);
        Assert.True(e.Update(Sample(t + 36 * S, t), t, leap61).Suspended);
        Assert.Equal(n, servo.Samples.Count);
        t = At(23, 59, 58, 999_999_999);
        Assert.False(e.Update(Sample(t + 36 * S, t), t, leap61).Suspended);

        // After midnight with the daemon still announcing (late): 36 + 1 is used, the target disarmed.
        t = At(24, 0, 1);
        var late = e.Update(Sample(t + 37 * S, t), t, leap61);
        Assert.Equal(0, late.LeapToSet);
        Assert.Equal(37, late.UtcOffsetSec);
        Assert.Equal(0, late.OffsetNs);
        Assert.Equal(1, servo.SanityResets);
    }

    [Fact]
    public void Early_withdrawal_before_midnight_keeps_the_old_offset()
    {
        var e = new Phc2SysEngine(new ScriptedPhc2SysServo(), new Phc2SysEngineOptions());
        long t = At(20, 0, 0);
        e.Update(Sample(t + 36 * S, t), t, new UtcInfo(36, 1, true, false, UtcOrigin.Daemon));
        // The daemon already says 37, no leap, two hours before midnight: 36 is still right.
        t = At(22, 0, 0);
        var u = e.Update(Sample(t + 36 * S, t), t, new UtcInfo(37, 0, true, false, UtcOrigin.Daemon));
        Assert.Equal(36, u.UtcOffsetSec);
        Assert.Equal(0, u.OffsetNs);
        Assert.Null(u.LeapToSet);
    }

    [Fact]
    public void Without_kernel_leap_the_servo_is_told()
    {
        var servo = new ScriptedPhc2SysServo();
        var e = new Phc2SysEngine(servo, new Phc2SysEngineOptions { KernelLeap = false });
        long t = At(12, 0, 0);
        var u = e.Update(Sample(t + 36 * S, t), t, new UtcInfo(36, -1, true, false, UtcOrigin.Daemon));
        Assert.Null(u.LeapToSet);
        Assert.Equal([-1], servo.Leaps);
    }

    [Fact]
    public void Before_the_first_step_the_leap_window_uses_the_time_after_the_step()
    {
        // The target is 2 s behind; with the servo unlocked the decision uses target − offset (the time it will have).
        var servo = new ScriptedPhc2SysServo(Phc2SysServoState.Unlocked);
        var e = new Phc2SysEngine(servo, new Phc2SysEngineOptions());
        long t = At(23, 59, 59, 500_000_000) - 2 * S; // target reads 23:59:57.5 but the truth is 23:59:59.5
        long source = At(23, 59, 59, 500_000_000) + 36 * S;
        var u = e.Update(Sample(source, t), t, new UtcInfo(36, 1, true, false, UtcOrigin.Daemon));
        Assert.True(u.Suspended);
    }

    [Fact]
    public void Measure_only_never_samples_the_servo()
    {
        var servo = new ScriptedPhc2SysServo(Phc2SysServoState.Jump);
        var e = new Phc2SysEngine(servo, new Phc2SysEngineOptions { MeasureOnly = true });
        long t = At(12, 0, 0);
        var u = e.Update(Sample(t + 37 * S, t), t + 9_000, new UtcInfo(37, 1, true, true, UtcOrigin.Daemon));
        Assert.Equal(9_000, u.OffsetNs);
        Assert.Empty(servo.Samples);
        Assert.Empty(servo.Leaps);
        Assert.Equal(0, u.StepNs);
        Assert.False(u.ApplyFrequency);
    }

    [Fact]
    public void Traceable_offset_is_set_on_a_utc_target_once_per_change()
    {
        var e = new Phc2SysEngine(new ScriptedPhc2SysServo(), new Phc2SysEngineOptions());
        long t = At(12, 0, 0);
        var info = new UtcInfo(37, 0, true, true, UtcOrigin.Daemon);
        Assert.Equal(37, e.Update(Sample(t + 37 * S, t), t, info).TaiOffsetToSet);
        Assert.Null(e.Update(Sample(t + 37 * S, t), t, info).TaiOffsetToSet);
        Assert.Null(e.Update(Sample(t + 37 * S, t), t, info with { Traceable = false, CurrentUtcOffset = 38 }).TaiOffsetToSet);
    }

    [Theory]
    [InlineData(23, 59, 59, 0, true)]
    [InlineData(23, 59, 58, 999_999_999, false)]
    [InlineData(24, 0, 0, 0, false)]
    public void Ambiguous_second(int h, int m, int s, long ns, bool ambiguous) =>
        Assert.Equal(ambiguous, LeapSeconds.IsUtcAmbiguous(At(h, m, s, ns)));

    [Fact]
    public void Leap_status_rules()
    {
        int leap = 1, off = 36;
        // Before 06:00 a notice is not taken up: it is read as late (the leap was at the last midnight).
        Assert.Equal(0, LeapSeconds.Status(At(5, 59, 59), 0, ref leap, ref off));
        Assert.Equal((0, 37), (leap, off));
        leap = 1; off = 36;
        Assert.Equal(1, LeapSeconds.Status(At(6, 0, 1), 0, ref leap, ref off));
        Assert.Equal((1, 36), (leap, off));
        // After midnight the state drops and a late notice moves the offset.
        leap = 1; off = 36;
        Assert.Equal(0, LeapSeconds.Status(At(24, 0, 1), 1, ref leap, ref off));
        Assert.Equal((0, 37), (leap, off));
        Assert.True(LeapSeconds.IsLastDayOfMonth(At(12, 0, 0)));
        Assert.False(LeapSeconds.IsLastDayOfMonth(At(36, 0, 0)));
        Assert.Equal(At(24, 0, 0), LeapSeconds.NextMidnight(At(23, 59, 59, 999_999_999)));
        Assert.Equal(At(48, 0, 0), LeapSeconds.NextMidnight(At(24, 0, 0)));
    }
}
