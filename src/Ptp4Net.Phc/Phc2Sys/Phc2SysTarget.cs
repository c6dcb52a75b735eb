using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>Maps a CLOCK_REALTIME reading to the target's time at that instant.</summary>
public delegate bool TargetTimeMap(long systemNanoseconds, out long targetNanoseconds);

/// <summary>
/// The clock phc2sys disciplines: the clock to steer, whether it keeps UTC, how to read it at the source reading's
/// system time, and its leap control when it has one.
/// </summary>
public sealed class Phc2SysTarget
{
    private readonly TargetTimeMap _map;

    public Phc2SysTarget(IPtpClock clock, bool isUtc, TargetTimeMap map, ILeapControl? leap)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(map);
        Clock = clock;
        IsUtc = isUtc;
        _map = map;
        Leap = leap;
    }

    public IPtpClock Clock { get; }
    public bool IsUtc { get; }
    public ILeapControl? Leap { get; }
    public string Name => Clock.Name;

    public bool TryTimeAt(long systemNanoseconds, out long targetNanoseconds) => _map(systemNanoseconds, out targetNanoseconds);

    /// <summary>A clock with a fixed relation to CLOCK_REALTIME (CLOCK_REALTIME itself, the emulated clock).</summary>
    public static Phc2SysTarget ForSoftwareClock(IPtpClock clock, bool isUtc, ILeapControl? leap) =>
        new(clock, isUtc, clock.TryMapSoftwareTimestamp, leap);

    /// <summary>
    /// A PHC target (a PHC has no fixed relation to CLOCK_REALTIME): read via its own cross-timestamp, the target's time
    /// at a system time is that time plus the PHC − system offset just measured.
    /// </summary>
    public static Phc2SysTarget ForPhc(PhcClock phc, int readings) =>
        new(phc, false, (long sys, out long t) =>
        {
            t = 0;
            if (phc.TryCrossTimestamp(readings, out var s) != Errno.None)
                return false;
            t = sys + s.OffsetNanoseconds;
            return true;
        }, null);
}
