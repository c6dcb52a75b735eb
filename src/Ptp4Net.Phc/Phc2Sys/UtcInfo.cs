namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>Where the UTC offset (and leap second notice) in use came from.</summary>
public enum UtcOrigin
{
    /// <summary>No offset known: 0 is used (both clocks in the same timescale, or the user said so).</summary>
    None,
    /// <summary>-O on the command line (phc2sys's forced sync offset).</summary>
    CommandLine,
    /// <summary>The daemon's TIME_PROPERTIES_DATA_SET over its management socket (-w).</summary>
    Daemon,
    /// <summary>The source itself: vmclock's tai_offset_sec and leap_indicator.</summary>
    VmClock,
}

/// <summary>How far ahead a leap notice reaches.</summary>
public enum LeapScope
{
    /// <summary>PTP leap61/leap59: the last minute of the current UTC day (IEEE 1588-2019 Table 37).</summary>
    EndOfDay,
    /// <summary>vmclock PRE_POS/PRE_NEG: at the end of the current UTC month.</summary>
    EndOfMonth,
}

/// <summary>
/// TAI − UTC and an announced leap second, as a provider reports them.
/// <paramref name="Leap"/>: +1 insert (leap61), −1 delete (leap59), 0 none.
/// <paramref name="Valid"/>: false when the origin has no usable offset (then 0 is used, as phc2sys does when the
/// daemon's ptpTimescale flag is clear). <paramref name="Traceable"/>: currentUtcOffsetValid and timeTraceable
/// (phc2sys then also sets the kernel's TAI offset).
/// </summary>
public readonly record struct UtcInfo(int CurrentUtcOffset, int Leap, bool Valid, bool Traceable, UtcOrigin Origin, LeapScope Scope = LeapScope.EndOfDay)
{
    public static UtcInfo None => new(0, 0, false, false, UtcOrigin.None);

    /// <summary>The leap notice as it applies to the UTC day containing <paramref name="utcNanoseconds"/>.</summary>
    public int LeapForDayOf(long utcNanoseconds) =>
        Leap == 0 || Scope == LeapScope.EndOfDay || LeapSeconds.IsLastDayOfMonth(utcNanoseconds) ? Leap : 0;
}

/// <summary>A source of <see cref="UtcInfo"/>, asked once per update (it decides how often to refresh).</summary>
public interface IUtcInfoProvider
{
    UtcOrigin Origin { get; }

    /// <summary>False when nothing could be obtained (the caller keeps the last good value or skips).</summary>
    bool TryGet(out UtcInfo info);
}

/// <summary>A constant offset: -O, or tests.</summary>
public sealed class FixedUtcInfoProvider(UtcInfo info) : IUtcInfoProvider
{
    public UtcInfo Info { get; set; } = info;
    public UtcOrigin Origin => Info.Origin;

    public bool TryGet(out UtcInfo info)
    {
        info = Info;
        return true;
    }
}
