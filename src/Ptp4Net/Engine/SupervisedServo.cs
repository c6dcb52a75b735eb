using Ptp4Net.Servo;

namespace Ptp4Net.Engine;

/// <summary>
/// Adapts the servo project's <see cref="ServoSupervisor"/> (ptp4l's servo.c around pi / linreg / null) to the
/// engine's <see cref="IClockServo"/>. The supervisor returns the frequency to set (positive = faster); the engine
/// interface speaks ptp4l's servo output (the log's "freq"), which is its negation.
/// </summary>
public sealed class SupervisedServo : IClockServo
{
    public SupervisedServo(ServoSupervisor supervisor)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        Supervisor = supervisor;
    }

    /// <summary>Builds the servo chosen by <c>clock_servo</c> with the given options.</summary>
    public static SupervisedServo Create(ServoOptions options) => new(ServoFactory.Create(options));

    public ServoSupervisor Supervisor { get; }
    /// <summary>Flags of the last sample (clamped, skipped in step_window, ...).</summary>
    public ServoEvents LastEvents { get; private set; }

    public (double FrequencyPpb, ServoState State) Sample(long offsetNs, long localTimeNs, double weight)
    {
        var r = Supervisor.Sample(offsetNs, localTimeNs, weight);
        LastEvents = r.Events;
        return (-r.FrequencyPpb, (ServoState)(int)r.State);
    }

    public void SetSyncInterval(double seconds) => Supervisor.SyncInterval = seconds;

    public void Reset() => Supervisor.Reset();

    public double RateRatio => Supervisor.RateRatio;

    public bool CheckClockSanity(long clockTimeNs, long monotonicNs)
    {
        var events = Supervisor.CheckClockSanity(clockTimeNs, monotonicNs);
        LastEvents = events;
        return (events & ServoEvents.ServoReset) != 0;
    }
}
