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

    /// <summary>Master-to-local rate ratio (linuxptp servo_rate_ratio), used to scale local intervals in the E2E
    /// delay computation as ptp4l's tsproc does; 1.0 when the servo does not know.</summary>
    double RateRatio => 1.0;

    /// <summary>`sanity_freq_limit` check of an RX timestamp against the host's monotonic time (ptp4l
    /// clock_check_ts). Returns true when the check failed and the servo was reset.</summary>
    bool CheckClockSanity(long clockTimeNs, long monotonicNs) => false;
}
