using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

/// <summary>Test double: returns the next scripted state (frequency = -offset), counts calls.</summary>
internal sealed class ScriptedServo(params ServoState[] script) : IServo
{
    private int _next;

    public int Calls { get; private set; }
    public int Resets { get; private set; }
    public ServoType Type => ServoType.Null;
    public ServoLimits Limits { get; } = new();
    public double SyncInterval { get; set; } = 1.0;
    public double FrequencyPpb { get; private set; }
    public double RateRatio => 1.0;

    public ServoOutput Sample(long offsetNs, long localTimeNs, double weight)
    {
        Calls++;
        FrequencyPpb = -offsetNs;
        var state = script[Math.Min(_next++, script.Length - 1)];
        return new ServoOutput(FrequencyPpb, state, false);
    }

    public void Reset() => Resets++;

    public void Leap(int leap)
    {
    }
}
