using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>Records what the engine hands the servo and answers with a fixed state (unit tests of the engine).</summary>
internal sealed class ScriptedPhc2SysServo(Phc2SysServoState state = Phc2SysServoState.Locked, double ppb = 12.5) : IPhc2SysServo
{
    public List<(long Offset, long Local)> Samples { get; } = [];
    public List<int> Leaps { get; } = [];
    public int Resets { get; private set; }
    public int SanityResets { get; private set; }
    public Phc2SysServoState State { get; set; } = state;

    public Phc2SysServoResult Sample(long offsetNs, long localTimeNs)
    {
        Samples.Add((offsetNs, localTimeNs));
        return new Phc2SysServoResult(ppb, State, State == Phc2SysServoState.Jump ? -offsetNs : 0);
    }

    public void Leap(int leap) => Leaps.Add(leap);
    public void Reset() => Resets++;
    public void ResetSanity() => SanityResets++;
}
