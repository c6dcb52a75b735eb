namespace Ptp4Net.Servo;

/// <summary>
/// The caller-visible state of a clock servo (linuxptp <c>enum servo_state</c>; ptp4l logs it as s0..s3,
/// which is the numeric value here).
/// </summary>
public enum ServoState
{
    /// <summary>Not yet ready to track the master (s0). The caller applies nothing.</summary>
    Unlocked = 0,

    /// <summary>Ready to track; the caller sets the returned frequency and steps the clock by
    /// <see cref="ServoResult.StepNs"/> (that is, by minus the offset) (s1).</summary>
    Jump = 1,

    /// <summary>Tracking the master; the caller sets the returned frequency (s2).</summary>
    Locked = 2,

    /// <summary>Tracking, and the last <c>servo_num_offset_values</c> offsets were all below
    /// <c>servo_offset_threshold</c> (s3). Only the supervisor produces this state.</summary>
    LockedStable = 3,
}
