namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>The servo state as phc2sys prints it (s0..s3).</summary>
public enum Phc2SysServoState
{
    Unlocked = 0,
    Jump = 1,
    Locked = 2,
    LockedStable = 3,
}

/// <summary>One servo answer: the frequency to set (ppb, as is), the state, and on Jump the step to add.</summary>
public readonly record struct Phc2SysServoResult(double FrequencyPpb, Phc2SysServoState State, long StepNs);

/// <summary>
/// The servo seen by the phc2sys engine. The host backs it with Ptp4Net.Servo's supervisor (this assembly does not
/// reference the servo project; see ServoSupervisorAdapter in the host), tests may script it.
/// Conventions as Ptp4Net.Servo: offset = target − source, frequency applied as is, step = −offset.
/// </summary>
public interface IPhc2SysServo
{
    Phc2SysServoResult Sample(long offsetNs, long localTimeNs);

    /// <summary>+1/−1 leap pending, 0 passed (only used when the target cannot leap by itself).</summary>
    void Leap(int leap);

    /// <summary>Forget the samples (after a disruption or a failed adjustment).</summary>
    void Reset();

    /// <summary>The sanity_freq_limit check on a target time stamp and a monotonic time; true when it reset the servo.</summary>
    bool CheckSanity(long targetTimeNs, long monotonicNs) => false;

    /// <summary>Forget the sanity check's history (the target just leapt: its one-second jump is not a fault).</summary>
    void ResetSanity()
    {
    }
}
