namespace Ptp4Net.Phc.Clocks;

/// <summary>PTP_CLOCK_GETCAPS, in managed form.</summary>
public readonly record struct PhcCapabilities(
    int MaxAdjPpb,
    int Alarms,
    int ExternalTimestamps,
    int PeriodicOutputs,
    bool Pps,
    int Pins,
    bool CrossTimestamping,
    bool AdjustPhase,
    int MaxPhaseAdjNs);
