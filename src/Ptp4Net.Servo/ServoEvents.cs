namespace Ptp4Net.Servo;

/// <summary>
/// Things a caller may want to log or count, returned as flags instead of being printed (the servo
/// layer does no I/O). Several may be set at once.
/// </summary>
[Flags]
public enum ServoEvents
{
    None = 0,

    /// <summary>The output was limited to ±max_frequency (the PI then does not integrate).</summary>
    FrequencyClamped = 1 << 0,

    /// <summary>The sample was ignored because it fell inside <c>step_window</c> after a step
    /// (ptp4l logs "skip sync after jump n/N" at debug level).</summary>
    SkippedInStepWindow = 1 << 1,

    /// <summary><c>sanity_freq_limit</c> exceeded: "clock jumped forward or running faster than
    /// expected" (ptp4l warning). The servo has been reset.</summary>
    SanityClockTooFast = 1 << 2,

    /// <summary><c>sanity_freq_limit</c> exceeded: "clock jumped backward or running slower than
    /// expected" (ptp4l warning). The servo has been reset.</summary>
    SanityClockTooSlow = 1 << 3,

    /// <summary>The servo was reset by the supervisor (after a sanity failure).</summary>
    ServoReset = 1 << 4,
}
