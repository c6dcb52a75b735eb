namespace Ptp4Net.Servo;

/// <summary>
/// Wraps any <see cref="IServo"/> with the logic ptp4l applies around every servo (linuxptp servo.c and
/// the servo part of clock.c): step thresholds (via the shared <see cref="ServoLimits"/>), the
/// first-update flag, max_frequency, LOCKED_STABLE after servo_num_offset_values offsets below
/// servo_offset_threshold, step_window, and the sanity_freq_limit check with reset.
/// Pure: it returns what to apply; events to log come back as <see cref="ServoEvents"/>.
/// <see cref="Sample"/> and <see cref="CheckClockSanity"/> allocate nothing.
/// </summary>
/// <remarks>
/// The supervisor assumes the caller applies every Jump/Locked/LockedStable result it returns (it feeds
/// those frequencies and steps to the sanity check, as ptp4l does after applying them). If applying
/// fails, call <see cref="Reset"/> (ptp4l resets the servo then).
/// </remarks>
public sealed class ServoSupervisor
{
    private readonly ClockSanityCheck _sanity;
    private readonly int _numOffsetValues;
    private int _currOffsetValues;
    private readonly int _stepWindow;
    private int _stepWindowCounter;

    public ServoSupervisor(IServo servo, ServoOptions options)
    {
        ArgumentNullException.ThrowIfNull(servo);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        Servo = servo;
        Options = options;
        var limits = servo.Limits;
        limits.MaxFrequencyPpb = options.EffectiveMaxFrequencyPpb;
        limits.StepThresholdNs = options.StepThreshold > 0 ? options.StepThreshold * 1e9 : 0.0;
        limits.FirstStepThresholdNs = options.FirstStepThreshold > 0 ? options.FirstStepThreshold * 1e9 : 0.0;
        limits.FirstUpdate = true;

        OffsetThresholdNs = options.ServoOffsetThreshold;
        _numOffsetValues = options.ServoNumOffsetValues;
        _currOffsetValues = _numOffsetValues;
        _stepWindow = options.StepWindow;
        _sanity = new ClockSanityCheck(options.SanityFreqLimit);
    }

    /// <summary>The wrapped core.</summary>
    public IServo Servo { get; }

    /// <summary>The options this supervisor was built from.</summary>
    public ServoOptions Options { get; }

    /// <summary>State returned by the last <see cref="Sample"/> (Unlocked before any, and after a reset).</summary>
    public ServoState State { get; private set; }

    /// <summary>The core's current frequency (ppb, as applied).</summary>
    public double FrequencyPpb => Servo.FrequencyPpb;

    /// <summary>Master-to-local rate ratio from the core; 1.0 when unknown.</summary>
    public double RateRatio => Servo.RateRatio;

    /// <summary>servo_offset_threshold in ns (ptp4l also uses it for msg_interval_request).</summary>
    public long OffsetThresholdNs { get; }

    /// <summary>Samples still to be skipped after the last step.</summary>
    public int StepWindowRemaining => _stepWindowCounter;

    /// <summary>The sync interval in seconds, passed to the core (ptp4l: 2^logSyncInterval).</summary>
    public double SyncInterval
    {
        get => Servo.SyncInterval;
        set => Servo.SyncInterval = value;
    }

    /// <summary>
    /// Feeds one offset sample. <paramref name="offsetNs"/>: local minus master (ptp4l master_offset);
    /// <paramref name="localTimeNs"/>: the local time stamp of the sample (Sync ingress);
    /// <paramref name="weight"/>: in (0, 1].
    /// </summary>
    public ServoResult Sample(long offsetNs, long localTimeNs, double weight = 1.0)
    {
        if (_stepWindowCounter > 0)
        {
            // Inside step_window the sample is not used at all. ptp4l returns the previous state (Jump);
            // we report Unlocked so that a caller never steps twice for one offset.
            _stepWindowCounter--;
            State = ServoState.Unlocked;
            return new ServoResult(Servo.FrequencyPpb, ServoState.Unlocked, 0, ServoEvents.SkippedInStepWindow);
        }

        var output = Servo.Sample(offsetNs, localTimeNs, weight);
        var state = output.State;
        long step = 0;
        var limits = Servo.Limits;

        switch (state)
        {
            case ServoState.Unlocked:
                _currOffsetValues = _numOffsetValues;
                break;
            case ServoState.Jump:
                _currOffsetValues = _numOffsetValues;
                limits.FirstUpdate = false;
                step = -offsetNs;
                _sanity.SetFrequency(output.FrequencyPpb);
                _sanity.Step(step);
                _stepWindowCounter = _stepWindow;
                break;
            case ServoState.Locked:
            case ServoState.LockedStable:
                if (OffsetThresholdCrossed(offsetNs))
                    state = ServoState.LockedStable;
                limits.FirstUpdate = false;
                _sanity.SetFrequency(output.FrequencyPpb);
                break;
        }

        State = state;
        var events = output.Clamped ? ServoEvents.FrequencyClamped : ServoEvents.None;
        return new ServoResult(output.FrequencyPpb, state, step, events);
    }

    /// <summary>
    /// The sanity_freq_limit check: call with a time stamp of the disciplined clock and a monotonic
    /// time taken at the same moment (ptp4l checks every received event time stamp against
    /// CLOCK_MONOTONIC). On failure the servo is reset and the event says which way the clock went.
    /// </summary>
    public ServoEvents CheckClockSanity(long clockTimeNs, long monotonicTimeNs)
    {
        var events = _sanity.Check(clockTimeNs, monotonicTimeNs);
        if (events != ServoEvents.None)
        {
            Reset();
            events |= ServoEvents.ServoReset;
        }
        return events;
    }

    /// <summary>Forget the sanity check's history (ptp4l does so when the best master changes).</summary>
    public void ResetSanityCheck() => _sanity.Reset();

    /// <summary>Resets the core (linuxptp servo_reset). The first-update flag stays cleared once set,
    /// as in ptp4l, so a later step needs step_threshold.</summary>
    public void Reset()
    {
        Servo.Reset();
        State = ServoState.Unlocked;
        _currOffsetValues = _numOffsetValues;
    }

    /// <summary>Passes a leap second notice to the core (+1 insert, -1 delete, 0 passed).</summary>
    public void Leap(int leap) => Servo.Leap(leap);

    // LOCKED_STABLE once the last servo_num_offset_values offsets were all below the threshold.
    private bool OffsetThresholdCrossed(long offsetNs)
    {
        if (OffsetThresholdNs == 0)
            return false;
        if (Math.Abs((double)offsetNs) < OffsetThresholdNs)
        {
            if (_currOffsetValues > 0)
                _currOffsetValues--;
        }
        else
        {
            _currOffsetValues = _numOffsetValues;
        }
        return _currOffsetValues == 0;
    }
}
