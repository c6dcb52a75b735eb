namespace Ptp4Net.Engine;

/// <summary>Servo states with linuxptp's numbering (servo.h), printed as s0..s3.</summary>
public enum ServoState : byte
{
    Unlocked = 0,
    Jump = 1,
    Locked = 2,
    LockedStable = 3,
}
