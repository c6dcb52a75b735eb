using Ptp4Net.Time;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Clocks;

/// <summary>
/// CLOCK_REALTIME. Read-only unless created with <see cref="OpenForSteering"/>, which the daemon does only
/// when it is not free_running; tests never do. Steering uses clock_adjtime: ADJ_SETOFFSET|ADJ_NANO steps,
/// ADJ_FREQUENCY in scaled ppm (limit ±500 ppm).
/// </summary>
public sealed class SystemRealtimeClock : IPtpClock
{
    private readonly bool _steerable;
    private double _ppb;

    private SystemRealtimeClock(bool steerable) => _steerable = steerable;

    /// <summary>A read-only view of CLOCK_REALTIME.</summary>
    public static SystemRealtimeClock ReadOnly() => new(false);

    /// <summary>CLOCK_REALTIME that this process will steer (needs CAP_SYS_TIME when used).</summary>
    public static SystemRealtimeClock OpenForSteering() => new(true);

    public string Name => "CLOCK_REALTIME";
    public bool CanSteer => _steerable;
    public string? ReadOnlyReason => _steerable ? null : "opened read-only (free_running, or not the clock the daemon steers)";
    public double MaxFrequencyPpb => 500_000;
    public double FrequencyPpb => _ppb;

    public long NowNanoseconds() => RealtimeNanoseconds();

    public unsafe ClockResult Step(Duration delta)
    {
        if (!_steerable)
            return new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);
        var tx = PhcMath.StepTimex(delta.Nanoseconds);
        return ClockAdjTime(CLOCK_REALTIME, &tx) < 0 ? new ClockResult(ClockStatus.Failed, LastErrno()) : ClockResult.Ok;
    }

    public unsafe ClockResult SetFrequencyPpb(double ppb)
    {
        if (!_steerable)
            return new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);
        if (double.IsNaN(ppb) || Math.Abs(ppb) > MaxFrequencyPpb)
            return new ClockResult(ClockStatus.OutOfRange, Errno.ERANGE);
        var tx = new Timex { Modes = ADJ_FREQUENCY, Freq = PhcMath.PpbToScaledPpm(ppb) };
        if (ClockAdjTime(CLOCK_REALTIME, &tx) < 0)
            return new ClockResult(ClockStatus.Failed, LastErrno());
        _ppb = ppb;
        return ClockResult.Ok;
    }

    public PtpTimestamp Now() => PtpTimestamp.FromNanoseconds(NowNanoseconds());

    public bool TryMapSoftwareTimestamp(long realtimeNanoseconds, out long clockNanoseconds)
    {
        clockNanoseconds = realtimeNanoseconds;
        return true;
    }
}
