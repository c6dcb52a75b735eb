using Ptp4Net.Bmca;
using Ptp4Net.Identity;

namespace Ptp4Net.Engine;

/// <summary>
/// Clock-wide options. Property comments give the linuxptp configuration key ([global] section) and ptp4l's
/// default, which is also ours.
/// </summary>
public sealed record ClockOptions
{
    /// <summary>clockIdentity (normally EUI-64 from the first port's MAC; ptp4l derives it, `clockIdentity` overrides).</summary>
    public ClockIdentity ClockIdentity { get; init; }
    /// <summary>`priority1`, 128.</summary>
    public byte Priority1 { get; init; } = 128;
    /// <summary>`priority2`, 128.</summary>
    public byte Priority2 { get; init; } = 128;
    /// <summary>`domainNumber`, 0.</summary>
    public byte DomainNumber { get; init; }
    /// <summary>`clockClass`, 248 (255 is forced when slaveOnly).</summary>
    public byte ClockClass { get; init; } = 248;
    /// <summary>`clockAccuracy`, 0xFE.</summary>
    public ClockAccuracy ClockAccuracy { get; init; } = ClockAccuracy.Unknown;
    /// <summary>`offsetScaledLogVariance`, 0xFFFF.</summary>
    public ushort OffsetScaledLogVariance { get; init; } = 0xFFFF;
    /// <summary>`slaveOnly` / `clientOnly`, false.</summary>
    public bool SlaveOnly { get; init; }
    /// <summary>`twoStepFlag`, true. False: Sync is one-step (the transmitter stamps originTimestamp on the fly).</summary>
    public bool TwoStepFlag { get; init; } = true;
    /// <summary>`free_running`, false: measure and log offsets but never adjust the clock.</summary>
    public bool FreeRunning { get; init; }
    /// <summary>`dataset_comparison`, ieee1588.</summary>
    public DatasetComparisonKind DatasetComparison { get; init; } = DatasetComparisonKind.Ieee1588;
    /// <summary>`G.8275.defaultDS.localPriority`, 128.</summary>
    public byte LocalPriority { get; init; } = 128;
    /// <summary>`utc_offset`, 37.</summary>
    public short UtcOffset { get; init; } = 37;
    /// <summary>`timeSource`, 0xA0 (INTERNAL_OSCILLATOR).</summary>
    public byte TimeSource { get; init; } = 0xA0;
    /// <summary>`path_trace_enabled`, false: append the PATH_TRACE TLV to Announce (16.2).</summary>
    public bool PathTraceEnabled { get; init; }
    /// <summary>`maxStepsRemoved`, 255: Announces with stepsRemoved at or above are ignored.</summary>
    public ushort MaxStepsRemoved { get; init; } = 255;
    /// <summary>`gmCapable`, true: false keeps the clock out of the grandmaster role (802.1AS).</summary>
    public bool GmCapable { get; init; } = true;
    /// <summary>`clock_servo`, `step_threshold`, `first_step_threshold`, `max_frequency`, `pi_*`, `step_window`,
    /// `sanity_freq_limit`, ...: the servo project's options, used when <see cref="ServoFactory"/> is null.
    /// Null means linuxptp's defaults (PI, hardware time stamping).</summary>
    public Ptp4Net.Servo.ServoOptions? Servo { get; init; }
    /// <summary>Makes the servo; overrides <see cref="Servo"/>. Null builds <see cref="SupervisedServo"/> from <see cref="Servo"/>.</summary>
    public Func<IClockServo>? ServoFactory { get; init; }
    /// <summary>Capacity of each port's foreign master table (bounded; ptp4l's list is unbounded).</summary>
    public int ForeignMasterCapacity { get; init; } = 16;
    /// <summary>Sync samples the engine skips after a step. Prefer `step_window` in <see cref="Servo"/> (the supervisor
    /// applies it); this engine-level counter exists for custom <see cref="IClockServo"/> implementations. 0.</summary>
    public int StepWindow { get; init; }
    /// <summary>Not a linuxptp key (ptp4l behaves as false): when the clock is stepped, the delay filter restarts with
    /// the first delay measured after the step (the old estimate is used until then), so that delays measured at the
    /// old frequency do not bias the offsets after the step.</summary>
    public bool ResetDelayFilterOnStep { get; init; }
    /// <summary>Not a linuxptp key (ptp4l behaves as false): drop single offset samples far outside the recent spread
    /// (<see cref="Ptp4Net.Delay.OffsetOutlierFilter"/>) instead of feeding them to the servo. Helps with Syncs delayed
    /// in queues, which a delay filter cannot see.</summary>
    public bool RejectOffsetOutliers { get; init; }
    /// <summary>Not a linuxptp key (ptp4l behaves as false): until the servo first leaves UNLOCKED, measure the
    /// master-to-local rate from successive Syncs, scale the local interval of the E2E delay computation by it (when
    /// the servo reports no rate ratio; the PI does not), and only accept delays whose exchange the next Sync shows
    /// free of a jump of the master's time. Before the frequency is corrected, a clock 50 ppm off otherwise biases each
    /// delay by up to 25 ppm of the Sync-to-Delay_Req spacing.</summary>
    public bool EstimateRateFromSync { get; init; }
    /// <summary>Not a linuxptp key (ptp4l behaves as false): give the servo no sample before a path delay has been
    /// measured. ptp4l samples with a delay of 0 until then, so its first step lands off by the path delay.</summary>
    public bool FirstSampleAfterDelay { get; init; }
}
