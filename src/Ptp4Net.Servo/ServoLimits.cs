namespace Ptp4Net.Servo;

/// <summary>
/// The limits every servo core consults, shared between a core and its <see cref="ServoSupervisor"/>
/// (the common head of linuxptp's <c>struct servo</c>). The supervisor writes them from
/// <see cref="ServoOptions"/> and clears <see cref="FirstUpdate"/> after the first Jump or Locked.
/// Defaults equal linuxptp's defaults with no PHC limit known.
/// </summary>
public sealed class ServoLimits
{
    /// <summary>Largest |frequency| a core may return, ppb (effective <c>max_frequency</c>).</summary>
    public double MaxFrequencyPpb { get; set; } = ServoOptions.DefaultMaxFrequency;

    /// <summary><c>step_threshold</c> in ns; 0 = never step after the first update.</summary>
    public double StepThresholdNs { get; set; }

    /// <summary><c>first_step_threshold</c> in ns; 0 = never step on the first update.</summary>
    public double FirstStepThresholdNs { get; set; } = ServoOptions.DefaultFirstStepThreshold * 1e9;

    /// <summary>True until the servo has returned Jump or Locked once (linuxptp <c>first_update</c>).</summary>
    public bool FirstUpdate { get; set; } = true;

    /// <summary>
    /// The step rule shared by all linuxptp servos: step when this is the first update and the
    /// offset exceeds first_step_threshold, or whenever it exceeds step_threshold (0 disables either).
    /// </summary>
    public bool ShouldStep(double absOffsetNs) =>
        (FirstUpdate && FirstStepThresholdNs > 0 && FirstStepThresholdNs < absOffsetNs)
        || (StepThresholdNs > 0 && StepThresholdNs < absOffsetNs);

    /// <summary>Limits <paramref name="ppb"/> to ±<see cref="MaxFrequencyPpb"/>.</summary>
    internal double Clamp(double ppb, out bool clamped)
    {
        if (ppb > MaxFrequencyPpb)
        {
            clamped = true;
            return MaxFrequencyPpb;
        }
        if (ppb < -MaxFrequencyPpb)
        {
            clamped = true;
            return -MaxFrequencyPpb;
        }
        clamped = false;
        return ppb;
    }
}
