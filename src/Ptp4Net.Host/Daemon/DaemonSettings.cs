using Ptp4Net.Configuration;
using Ptp4Net.Engine;
using TimeStampingMode = Ptp4Net.Phc.Transport.TimeStampingMode;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Servo;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// Everything the daemon needs, mapped from ptp4l's command line and config file by <see cref="DaemonConfigMapper"/>:
/// the engine's options, one transport per interface, the servo, the clock to steer, logging and management.
/// </summary>
public sealed record DaemonSettings
{
    public required IReadOnlyList<string> Interfaces { get; init; }
    /// <summary>The clock options; <see cref="ClockOptions.ClockIdentity"/> is filled from the first interface's MAC at start-up.</summary>
    public required ClockOptions Clock { get; init; }
    public required IReadOnlyList<PortOptions> Ports { get; init; }
    public required IReadOnlyList<TransportOptions> Transports { get; init; }
    /// <summary>The servo options before the clock is known (the daemon adds the clock's max_adj and frequency).</summary>
    public required ServoOptions Servo { get; init; }
    public required EmulatedClockOptions Emulated { get; init; }
    /// <summary>time_stamping as run (hardware with twoStepFlag 0 is onestep).</summary>
    public TimeStampingMode TimeStamping { get; init; } = TimeStampingMode.Hardware;
    /// <summary>`free_running`: measure, never steer.</summary>
    public bool FreeRunning { get; init; }
    /// <summary>`summary_interval` (log2 s); the per-Sync line is replaced by statistics when it exceeds the Sync interval.</summary>
    public int SummaryInterval { get; init; }
    /// <summary>-p /dev/ptpN or `phc_index` of the first port, else −1 (use the interface's PHC).</summary>
    public int PhcIndex { get; init; } = -1;
    public string UdsAddress { get; init; } = "/var/run/ptp4l";
    public string UdsRoAddress { get; init; } = "/var/run/ptp4lro";
    /// <summary>-m / verbose.</summary>
    public bool Verbose { get; init; }
    /// <summary>use_syslog (-q clears it).</summary>
    public bool UseSyslog { get; init; } = true;
    /// <summary>logging_level (-l), syslog levels 0..7.</summary>
    public int LoggingLevel { get; init; } = 6;
    /// <summary>Warnings to print at start-up (not-implemented keys, one per key; notices of the reader).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool IsSoftwareTimestamping => TimeStamping == TimeStampingMode.Software;
}
