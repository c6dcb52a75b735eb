using Ptp4Net.Time;

namespace Ptp4Net.Phc.Clocks;

/// <summary>
/// The clock a port stamps against and a servo steers (the daemon and phc2sys use this): a PHC, the
/// system clock, or an emulated clock. Steering calls return a status (they sit on the servo path);
/// a clock that must not be steered answers <see cref="ClockStatus.NotSteerable"/> with the reason in
/// <see cref="ReadOnlyReason"/>.
/// </summary>
public interface IPtpClock
{
    string Name { get; }

    /// <summary>Current time in this clock's timescale, ns since its epoch.</summary>
    long NowNanoseconds();

    /// <summary>Current time as a PTP timestamp.</summary>
    PtpTimestamp Now() => PtpTimestamp.FromNanoseconds(NowNanoseconds());

    bool CanSteer { get; }

    /// <summary>Why <see cref="CanSteer"/> is false (null when it is true).</summary>
    string? ReadOnlyReason { get; }

    /// <summary>Largest |frequency adjustment| in ppb (PTP_CLOCK_GETCAPS max_adj for a PHC).</summary>
    double MaxFrequencyPpb { get; }

    /// <summary>The frequency adjustment last set, ppb.</summary>
    double FrequencyPpb { get; }

    /// <summary>Steps the clock by delta (ADJ_SETOFFSET semantics: relative, exact to the ns).</summary>
    ClockResult Step(Duration delta);

    /// <summary>Sets the absolute frequency adjustment (not cumulative), ppb.</summary>
    ClockResult SetFrequencyPpb(double ppb);

    /// <summary>Hands a phase offset to the clock's own servo (PHC ADJ_OFFSET) where supported.</summary>
    ClockResult AdjustPhase(Duration offset) => new(ClockStatus.NotSupported, Errno.EOPNOTSUPP);

    /// <summary>
    /// Maps a kernel software time stamp (CLOCK_REALTIME ns) into this clock's timescale; false when the
    /// clock has no fixed relation to CLOCK_REALTIME (a PHC: use hardware stamps).
    /// </summary>
    bool TryMapSoftwareTimestamp(long realtimeNanoseconds, out long clockNanoseconds);
}
