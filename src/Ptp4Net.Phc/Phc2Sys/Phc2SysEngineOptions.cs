namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>What the engine needs to know about the two clocks and the command line.</summary>
public sealed record Phc2SysEngineOptions
{
    /// <summary>The source runs UTC (CLOCK_REALTIME, a vmclock PHC); false for a PHC under PTP (TAI).</summary>
    public bool SourceIsUtc { get; init; }

    /// <summary>The target runs UTC (CLOCK_REALTIME, the emulated stand-in for it); false for a PHC.</summary>
    public bool TargetIsUtc { get; init; } = true;

    /// <summary>
    /// -O: target − source in whole seconds, forced (phc2sys's "slave-master time offset"); null = take it from
    /// the UTC provider with the direction given by the two timescales.
    /// </summary>
    public int? ForcedUtcOffsetSec { get; init; }

    /// <summary>The target leaps by itself when told (kernel STA_INS/STA_DEL, or the emulated equivalent); else
    /// the servo is told (phc2sys -x).</summary>
    public bool KernelLeap { get; init; } = true;

    /// <summary>Measure and report only; never step or steer (free_running).</summary>
    public bool MeasureOnly { get; init; }
}
