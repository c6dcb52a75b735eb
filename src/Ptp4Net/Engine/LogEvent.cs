using Ptp4Net.Identity;

namespace Ptp4Net.Engine;

/// <summary>
/// A structured log record. Which fields are meaningful depends on <see cref="Kind"/>:
/// SelectedBestMaster / SelectedLocalClock: <see cref="Clock"/>; NewForeignMaster: <see cref="PortIdentity"/>;
/// ServoSample: <see cref="OffsetNs"/>, <see cref="ServoState"/>, <see cref="FrequencyPpb"/> (the servo output as
/// ptp4l prints it), <see cref="PathDelayNs"/>; Fault: <see cref="Fault"/>.
/// </summary>
public readonly record struct LogEvent(
    LogKind Kind,
    ClockIdentity Clock = default,
    PortIdentity PortIdentity = default,
    long OffsetNs = 0,
    ServoState ServoState = ServoState.Unlocked,
    double FrequencyPpb = 0,
    long PathDelayNs = 0,
    FaultReason Fault = FaultReason.None);
