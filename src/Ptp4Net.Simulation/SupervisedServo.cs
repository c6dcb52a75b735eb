using Ptp4Net.Engine;
using Ptp4Net.Servo;

namespace Ptp4Net.Simulation;

/// <summary>
/// Puts the servo project's <see cref="ServoSupervisor"/> (PI / linreg / null behind ptp4l's servo.c logic)
/// behind the engine's <see cref="IClockServo"/>. The two disagree on one sign on purpose: the supervisor
/// returns the frequency to set (positive = faster), the engine expects ptp4l's servo output and sets its
/// negation, so the value is negated here.
/// </summary>
public sealed class SupervisedServo : IClockServo
{
    public SupervisedServo(ServoSupervisor supervisor) => Supervisor = supervisor ?? throw new ArgumentNullException(nameof(supervisor));

    public ServoSupervisor Supervisor { get; }

    public static Func<IClockServo> Factory(ServoOptions options) => () => new SupervisedServo(ServoFactory.Create(options));

    public (double FrequencyPpb, Engine.ServoState State) Sample(long offsetNs, long localTimeNs, double weight)
    {
        var r = Supervisor.Sample(offsetNs, localTimeNs, weight);
        return (-r.FrequencyPpb, (Engine.ServoState)(byte)r.State);
    }

    public void SetSyncInterval(double seconds) => Supervisor.SyncInterval = seconds;

    public void Reset() => Supervisor.Reset();
}
