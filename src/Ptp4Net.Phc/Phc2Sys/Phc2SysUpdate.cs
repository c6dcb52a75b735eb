using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// The engine's answer for one reading: what to apply to the target, and what to print.
/// Apply in this order: <see cref="LeapToSet"/>, <see cref="TaiOffsetToSet"/>, <see cref="StepNs"/>,
/// then the frequency when <see cref="ApplyFrequency"/>.
/// </summary>
public readonly record struct Phc2SysUpdate
{
    /// <summary>target − source after the UTC offset (what the servo saw), ns.</summary>
    public long OffsetNs { get; init; }
    /// <summary>target − source as measured, ns.</summary>
    public long RawOffsetNs { get; init; }
    /// <summary>The reading's bracket (0 for PTP_SYS_OFFSET_PRECISE).</summary>
    public long DelayNs { get; init; }
    public CrossTimestampMethod Method { get; init; }
    public Phc2SysServoState State { get; init; }
    public double FrequencyPpb { get; init; }
    public bool ApplyFrequency { get; init; }
    /// <summary>Non-zero on Jump: add to the target.</summary>
    public long StepNs { get; init; }
    /// <summary>The last second before a UTC midnight with a leap in play: nothing measured or applied.</summary>
    public bool Suspended { get; init; }
    /// <summary>Set when the target's kernel leap state must change (+1 insert, −1 delete, 0 clear).</summary>
    public int? LeapToSet { get; init; }
    /// <summary>Set when the target's kernel TAI offset must change (traceable offset, UTC target).</summary>
    public int? TaiOffsetToSet { get; init; }
    /// <summary>The UTC offset used for this update (after the early/late leap correction), seconds.</summary>
    public int UtcOffsetSec { get; init; }
    /// <summary>−1, 0 or +1: how the UTC offset entered the offset (phc2sys get_sync_offset).</summary>
    public int UtcOffsetDirection { get; init; }
}
