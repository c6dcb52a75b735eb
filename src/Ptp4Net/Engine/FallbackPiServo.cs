namespace Ptp4Net.Engine;

/// <summary>
/// A small PI servo with linuxptp pi.c's shape (two-sample frequency estimate, first-update step above
/// `first_step_threshold`, kp/ki from the sync interval with the hardware-stamp constants). It is the engine's
/// default so that it runs without the servo project; real deployments pass the servo project's supervised servos
/// through <see cref="ClockOptions.ServoFactory"/>.
/// </summary>
public sealed class FallbackPiServo : IClockServo
{
    private readonly double _kpScale, _kiScale, _maxFrequency, _firstStepThreshold, _stepThreshold;
    private double _kp, _ki, _drift;
    private long _offset0, _local0;
    private int _count;
    private bool _firstUpdate = true;

    /// <param name="kpScale">`pi_proportional_scale` (0.7 for hardware stamps).</param>
    /// <param name="kiScale">`pi_integral_scale` (0.3 for hardware stamps).</param>
    /// <param name="firstStepThresholdNs">`first_step_threshold`, 20 µs.</param>
    /// <param name="stepThresholdNs">`step_threshold`, 0 (never step after the first update).</param>
    /// <param name="maxFrequencyPpb">`max_frequency`, 900000000.</param>
    public FallbackPiServo(double kpScale = 0.7, double kiScale = 0.3, double firstStepThresholdNs = 20_000,
        double stepThresholdNs = 0, double maxFrequencyPpb = 900_000_000)
    {
        _kpScale = kpScale;
        _kiScale = kiScale;
        _firstStepThreshold = firstStepThresholdNs;
        _stepThreshold = stepThresholdNs;
        _maxFrequency = maxFrequencyPpb;
        SetSyncInterval(1.0);
    }

    public void SetSyncInterval(double seconds)
    {
        // pi.c pi_sync_interval with exponents -0.3 / 0.4 and norm_max 0.7 / 0.3.
        _kp = Math.Min(_kpScale * Math.Pow(seconds, -0.3), 0.7 / seconds);
        _ki = Math.Min(_kiScale * Math.Pow(seconds, 0.4), 0.3 / seconds);
    }

    public void Reset()
    {
        _count = 0;
        _drift = 0;
        _firstUpdate = true;
    }

    public (double FrequencyPpb, ServoState State) Sample(long offsetNs, long localTimeNs, double weight)
    {
        double ppb = 0;
        ServoState state = ServoState.Unlocked;
        switch (_count)
        {
            case 0:
                _offset0 = offsetNs;
                _local0 = localTimeNs;
                _count = 1;
                ppb = _drift;
                break;
            case 1:
                if (localTimeNs <= _local0)
                {
                    _count = 0;
                    break;
                }
                _drift += (offsetNs - _offset0) * 1e9 / (localTimeNs - _local0);
                _drift = Math.Clamp(_drift, -_maxFrequency, _maxFrequency);
                bool step = (_firstUpdate && _firstStepThreshold > 0 && Math.Abs(offsetNs) > _firstStepThreshold)
                    || (_stepThreshold > 0 && Math.Abs(offsetNs) > _stepThreshold);
                state = step ? ServoState.Jump : ServoState.Locked;
                ppb = _drift;
                _count = 2;
                _firstUpdate = false;
                break;
            default:
                if (_stepThreshold > 0 && Math.Abs(offsetNs) > _stepThreshold)
                {
                    _count = 0;
                    state = ServoState.Unlocked;
                    ppb = _drift;
                    break;
                }
                double kiTerm = _ki * offsetNs * weight;
                ppb = _kp * offsetNs * weight + _drift + kiTerm;
                if (ppb < -_maxFrequency) ppb = -_maxFrequency;
                else if (ppb > _maxFrequency) ppb = _maxFrequency;
                else _drift += kiTerm;
                state = ServoState.Locked;
                break;
        }
        return (ppb, state);
    }
}
