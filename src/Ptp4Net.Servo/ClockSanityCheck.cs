namespace Ptp4Net.Servo;

/// <summary>
/// The <c>sanity_freq_limit</c> check (linuxptp clockcheck.c), without reading any clock: the caller
/// passes the disciplined clock's time stamp together with a monotonic time taken at the same moment.
/// It estimates the frequency offset of the *uncorrected* clock against the monotonic clock (removing
/// the frequency adjustments set since the previous check, bounded by their min and max) and reports
/// when it exceeds the limit either way: a clock that was stepped by someone else or runs wild.
/// </summary>
public sealed class ClockSanityCheck
{
    private const long MinIntervalNs = 1_000_000_000;   // compare at most once a second
    private const double MaxFreqPpb = 900_000_000;

    private bool _freqKnown;
    private double _currentFreq;
    private double _maxFreq;
    private double _minFreq;
    private bool _haveLast;
    private long _lastTs;
    private long _lastMonotonic;

    /// <param name="freqLimitPpb">sanity_freq_limit in ppb; 0 disables the check.</param>
    public ClockSanityCheck(int freqLimitPpb)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(freqLimitPpb);
        FreqLimitPpb = freqLimitPpb;
        Reset();
    }

    public int FreqLimitPpb { get; }

    /// <summary>Forget history (ptp4l does this when the best master changes).</summary>
    public void Reset()
    {
        _freqKnown = false;
        _maxFreq = -MaxFreqPpb;
        _minFreq = MaxFreqPpb;
        _haveLast = false;
        _lastTs = 0;
    }

    /// <summary>Record a frequency adjustment set on the clock (ppb, positive = faster).</summary>
    public void SetFrequency(double ppb)
    {
        if (_maxFreq < ppb) _maxFreq = ppb;
        if (_minFreq > ppb) _minFreq = ppb;
        _currentFreq = ppb;
        _freqKnown = true;
    }

    /// <summary>Record a step applied to the clock, so it is not mistaken for a frequency error.</summary>
    public void Step(long stepNs)
    {
        if (_haveLast)
            _lastTs += stepNs;
    }

    /// <summary>
    /// Checks a time stamp of the disciplined clock against <paramref name="monotonicNs"/>. Returns
    /// <see cref="ServoEvents.SanityClockTooFast"/> / <see cref="ServoEvents.SanityClockTooSlow"/> when
    /// the limit is exceeded, otherwise None. Does nothing until a frequency has been set, and compares
    /// only when both clocks advanced at least 1 s since the last comparison.
    /// </summary>
    public ServoEvents Check(long clockNs, long monotonicNs)
    {
        if (FreqLimitPpb == 0 || !_freqKnown)
            return ServoEvents.None;

        long interval = clockNs - _lastTs;
        if (_haveLast && interval >= 0 && interval < MinIntervalNs)
            return ServoEvents.None;
        long monoInterval = monotonicNs - _lastMonotonic;
        if (_haveLast && monoInterval < MinIntervalNs)
            return ServoEvents.None;

        var result = ServoEvents.None;
        if (_haveLast && _maxFreq <= MaxFreqPpb)
        {
            // Frequency offset of the uncorrected clock, bounded using the extreme adjustments in force.
            double maxOffset = 1e9 * (interval / (1.0 + _minFreq / 1e9) / monoInterval - 1.0);
            double minOffset = 1e9 * (interval / (1.0 + _maxFreq / 1e9) / monoInterval - 1.0);
            if (minOffset > FreqLimitPpb)
                result = ServoEvents.SanityClockTooFast;
            else if (maxOffset < -FreqLimitPpb)
                result = ServoEvents.SanityClockTooSlow;
        }

        _lastMonotonic = monotonicNs;
        _lastTs = clockNs;
        _haveLast = true;
        _maxFreq = _minFreq = _currentFreq;
        return result;
    }
}
