using Ptp4Net.Phc.Phc2Sys;
using Ptp4Net.Servo;

namespace Ptp4Net.Host.Phc2Sys;

/// <summary>
/// Ptp4Net.Servo's supervisor behind the phc2sys engine's servo interface. It lives in the host because the Linux
/// layer's project (owned by another branch) does not reference the servo project.
/// </summary>
internal sealed class ServoSupervisorAdapter(ServoSupervisor servo) : IPhc2SysServo
{
    public ServoSupervisor Servo { get; } = servo;

    /// <summary>phc2sys's servo: the PI constants default to kp 0.7, ki 0.3 (phc2sys sets them before parsing -P/-I),
    /// the sync interval is 1/R.</summary>
    public static ServoSupervisorAdapter Create(ServoOptions options, double updateRateHz)
    {
        var s = ServoFactory.Create(options);
        s.SyncInterval = 1.0 / updateRateHz;
        return new ServoSupervisorAdapter(s);
    }

    public Phc2SysServoResult Sample(long offsetNs, long localTimeNs)
    {
        var r = Servo.Sample(offsetNs, localTimeNs);
        return new Phc2SysServoResult(r.FrequencyPpb, (Phc2SysServoState)(int)r.State, r.StepNs);
    }

    public void Leap(int leap) => Servo.Leap(leap);

    public void Reset() => Servo.Reset();

    public void ResetSanity() => Servo.ResetSanityCheck();

    public bool CheckSanity(long targetTimeNs, long monotonicNs) =>
        (Servo.CheckClockSanity(targetTimeNs, monotonicNs) & ServoEvents.ServoReset) != 0;
}
