namespace Ptp4Net.Servo;

/// <summary>
/// The servo that never corrects the frequency (linuxptp nullf.c), for free-running and measurement-only
/// runs. It still reports states: Locked for a zero offset; otherwise Jump when the shared step rule says
/// so, else Unlocked. Its frequency output is always 0.
/// </summary>
public sealed class NullServo : IServo
{
    private double _syncInterval = 1.0;

    public NullServo(ServoLimits? limits = null) => Limits = limits ?? new ServoLimits();

    public ServoType Type => ServoType.Null;
    public ServoLimits Limits { get; }

    public double SyncInterval
    {
        get => _syncInterval;
        set
        {
            if (!double.IsFinite(value) || value <= 0)
                throw new ArgumentOutOfRangeException(nameof(value), value, "sync interval must be positive");
            _syncInterval = value;
        }
    }

    public double FrequencyPpb => 0.0;
    public double RateRatio => 1.0;

    public ServoOutput Sample(long offsetNs, long localTimeNs, double weight)
    {
        if (offsetNs == 0)
            return new ServoOutput(0.0, ServoState.Locked, false);
        var state = Limits.ShouldStep(Math.Abs((double)offsetNs)) ? ServoState.Jump : ServoState.Unlocked;
        return new ServoOutput(0.0, state, false);
    }

    public void Reset()
    {
    }

    public void Leap(int leap)
    {
    }
}
