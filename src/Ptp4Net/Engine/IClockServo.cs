namespace Ptp4Net.Engine;

/// <summary>
/// What the engine needs from a servo (the shape of linuxptp's servo_private.h behind servo.c's supervisor). The
/// servo project (Ptp4Net.Servo) provides the real implementations; wrap its supervisor in this interface and pass
/// it through <see cref="ClockOptions.ServoFactory"/>.
/// </summary>
public interface IClockServo
{
    /// <summary>One offset sample (local − master, ns) taken at local time <paramref name="localTimeNs"/>. Returns
    /// ptp4l's servo output (the "freq" of the log line; the engine sets the clock frequency to its negation) and
    /// the new state. On <see cref="ServoState.Jump"/> the engine steps the clock by −offset.</summary>
    (double FrequencyPpb, ServoState State) Sample(long offsetNs, long localTimeNs, double weight);

    /// <summary>The Sync interval in seconds, when it changes.</summary>
    void SetSyncInterval(double seconds);

    /// <summary>Forget everything (new master, sanity reset).</summary>
    void Reset();
}
