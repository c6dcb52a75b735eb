namespace Ptp4Net.Servo;

/// <summary>
/// A clock servo core (linuxptp <c>servo_private.h</c>): turns offset samples into a frequency and a
/// state. Pure arithmetic: it reads no clock and touches no clock; the caller applies the result.
/// <see cref="Sample"/> allocates nothing.
/// </summary>
/// <remarks>
/// Conventions: <c>offsetNs</c> is local time minus master time (ptp4l's <c>master_offset</c>, positive
/// when the local clock is ahead); <c>localTimeNs</c> is the local clock's time stamp of the sample (the
/// Sync ingress time), strictly increasing between samples except across a step; frequencies are the
/// value to set on the clock (positive = faster), i.e. minus linuxptp's servo return value.
/// </remarks>
public interface IServo
{
    /// <summary>Which core this is.</summary>
    ServoType Type { get; }

    /// <summary>Thresholds and the first-update flag, shared with the supervisor.</summary>
    ServoLimits Limits { get; }

    /// <summary>
    /// The master's sync interval in seconds (linuxptp <c>servo_sync_interval</c>, called by ptp4l with
    /// 2^logSyncInterval). Starts at 1 s. Must be finite and positive.
    /// </summary>
    double SyncInterval { get; set; }

    /// <summary>The last frequency returned (before any sample: the clock's initial frequency).</summary>
    double FrequencyPpb { get; }

    /// <summary>Ratio of the master's frequency to the corrected local frequency; 1.0 when the core
    /// does not know (linuxptp <c>servo_rate_ratio</c>).</summary>
    double RateRatio { get; }

    /// <summary>Feeds one sample. <paramref name="weight"/> is in (0, 1], 1 = most reliable.</summary>
    ServoOutput Sample(long offsetNs, long localTimeNs, double weight);

    /// <summary>Forgets the samples (linuxptp <c>servo_reset</c>); the frequency estimate is kept.</summary>
    void Reset();

    /// <summary>Upcoming leap second: +1 insert, -1 delete, 0 when it has passed (linuxptp
    /// <c>servo_leap</c>). Only linreg acts on it.</summary>
    void Leap(int leap);
}
