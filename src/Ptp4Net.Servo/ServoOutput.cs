namespace Ptp4Net.Servo;

/// <summary>
/// What a bare servo core returns for one sample.
/// </summary>
/// <param name="FrequencyPpb">
/// The frequency adjustment to set on the clock, in parts per billion, applied as-is (positive makes
/// the clock run faster; the value for <c>clock_adjtime</c> ADJ_FREQUENCY / PHC adjfine). This is
/// minus the value linuxptp's <c>servo_sample()</c> returns (ptp4l applies <c>-adj</c>).
/// Meaningless when <paramref name="State"/> is <see cref="ServoState.Unlocked"/>: apply nothing then.
/// </param>
/// <param name="State">The servo state after this sample.</param>
/// <param name="Clamped">True when the frequency was limited to ±max_frequency.</param>
public readonly record struct ServoOutput(double FrequencyPpb, ServoState State, bool Clamped);
