namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// Leap second arithmetic on UTC nanosecond time stamps (POSIX: days of exactly 86400 s), following the rules
/// phc2sys applies (linuxptp util.c is_utc_ambiguous / leap_second_status), in our own code.
/// </summary>
public static class LeapSeconds
{
    public const long NsPerSecond = 1_000_000_000L;
    public const long NsPerHour = 3600 * NsPerSecond;
    public const long NsPerDay = 24 * NsPerHour;

    /// <summary>
    /// True in the last second of a UTC day: the kernel inserts a leap second by replaying 23:59:59, so a time
    /// stamp there may lie before or after the leap. Clock updates are suspended then.
    /// </summary>
    public static bool IsUtcAmbiguous(long utcNs) => NsPerDay - Mod(utcNs, NsPerDay) <= NsPerSecond;

    /// <summary>
    /// The leap state for the target at <paramref name="utcNs"/>: a notice is taken up only after 06:00 UTC (PTP sets
    /// the flags at most 12 h before midnight) and dropped before 06:00 (they are cleared at most a few announce
    /// intervals after). When the notice and the state disagree because the announcement arrived early or late,
    /// the announced offset is corrected by the leap (so the offset in use is the one valid at that instant).
    /// Returns +1 (insert pending), −1 (delete pending) or 0.
    /// </summary>
    public static int Status(long utcNs, int leapSet, ref int leap, ref int utcOffset)
    {
        int status = leapSet;
        if (Mod(utcNs, NsPerDay) > 6 * NsPerHour)
        {
            if (status == 0)
                status = leap;
        }
        else
        {
            status = 0;
        }

        if (leap == 0 && status != 0)
        {
            // The notice was withdrawn before midnight: the announced offset already counts the leap.
            utcOffset -= status;
            leap = status;
        }
        else if (leap != 0 && status == 0)
        {
            // Past midnight (or before 06:00) with the notice still up: the leap has happened.
            utcOffset += leap;
            leap = status;
        }
        return status;
    }

    /// <summary>True when the UTC day of <paramref name="utcNs"/> is the last of its month.</summary>
    public static bool IsLastDayOfMonth(long utcNs)
    {
        var day = DateTime.UnixEpoch.AddTicks(utcNs / 100).Date;
        return day.AddDays(1).Day == 1;
    }

    /// <summary>The next UTC midnight strictly after <paramref name="utcNs"/>.</summary>
    public static long NextMidnight(long utcNs) => utcNs - Mod(utcNs, NsPerDay) + NsPerDay;

    private static long Mod(long a, long m)
    {
        long r = a % m;
        return r < 0 ? r + m : r;
    }
}
