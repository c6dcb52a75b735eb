namespace Ptp4Net.Servo;

/// <summary>
/// What the <see cref="ServoSupervisor"/> returns for one sample: the action for the caller to apply
/// and events to log.
/// </summary>
/// <param name="FrequencyPpb">Frequency adjustment to set, ppb, applied as-is (positive = faster);
/// see <see cref="ServoOutput.FrequencyPpb"/>. Apply only in Jump, Locked and LockedStable.</param>
/// <param name="State">Servo state after this sample.</param>
/// <param name="StepNs">In <see cref="ServoState.Jump"/>: the amount to add to the clock, in ns
/// (always minus the sample's offset, as ptp4l steps by <c>-master_offset</c>); 0 otherwise.</param>
/// <param name="Events">Things worth logging or counting.</param>
public readonly record struct ServoResult(double FrequencyPpb, ServoState State, long StepNs, ServoEvents Events);
