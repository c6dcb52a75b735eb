using Ptp4Net.Engine;

namespace Ptp4Net.Simulation;

/// <summary>
/// Rejects offset outliers before they reach a servo (an <see cref="IClockServo"/> decorator; pure, no I/O,
/// usable by the daemon as well). Once the servo is locked, each offset is compared with the robust spread
/// of the recently accepted ones (median of |offset| × 1.4826 ≈ σ for gaussian noise): a sample beyond
/// <see cref="Threshold"/> σ is not fed to the servo, which keeps its frequency. A run of
/// <see cref="MaxConsecutiveRejections"/> rejections is taken as a real change (a new master, a time step)
/// and accepted. Why: a Sync delayed by a queue (the 1 % × 200 µs tail of sw-noisy) otherwise moves the PI
/// servo by kp × 200 µs, tens of microseconds of error; a delay-only filter (the median of delay_filter)
/// cannot see Sync-direction outliers.
/// </summary>
public sealed class OutlierRejectingServo : IClockServo
{
    private readonly IClockServo _inner;
    private readonly long[] _recent;
    private readonly long[] _sorted;
    private int _count, _next, _consecutive;
    private double _lastFrequency;
    private ServoState _lastState;

    public OutlierRejectingServo(IClockServo inner, int window = 32, double threshold = 4.0, int maxConsecutiveRejections = 4)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 4);
        _recent = new long[window];
        _sorted = new long[window];
        Threshold = threshold;
        MaxConsecutiveRejections = maxConsecutiveRejections;
    }

    public IClockServo Inner => _inner;
    public double Threshold { get; }
    public int MaxConsecutiveRejections { get; }
    public long Rejected { get; private set; }

    public static Func<IClockServo> Wrap(Func<IClockServo> inner) => () => new OutlierRejectingServo(inner());

    public (double FrequencyPpb, ServoState State) Sample(long offsetNs, long localTimeNs, double weight)
    {
        bool locked = _lastState is ServoState.Locked or ServoState.LockedStable;
        if (locked && _count == _recent.Length)
        {
            double sigma = RobustSigma();
            if (Math.Abs((double)offsetNs) > Threshold * sigma && _consecutive < MaxConsecutiveRejections)
            {
                _consecutive++;
                Rejected++;
                return (_lastFrequency, _lastState);
            }
        }
        if (_consecutive >= MaxConsecutiveRejections) _count = _next = 0; // the level moved: relearn the spread
        _consecutive = 0;
        var (f, s) = _inner.Sample(offsetNs, localTimeNs, weight);
        _lastFrequency = f;
        _lastState = s;
        if (s is ServoState.Locked or ServoState.LockedStable)
        {
            _recent[_next] = Math.Abs(offsetNs);
            _next = (_next + 1) % _recent.Length;
            if (_count < _recent.Length) _count++;
        }
        else
        {
            _count = _next = 0;
        }
        return (f, s);
    }

    public void SetSyncInterval(double seconds) => _inner.SetSyncInterval(seconds);

    public double RateRatio => _inner.RateRatio;

    public bool CheckClockSanity(long clockTimeNs, long monotonicNs)
    {
        bool reset = _inner.CheckClockSanity(clockTimeNs, monotonicNs);
        if (reset)
        {
            _count = _next = _consecutive = 0;
            _lastState = ServoState.Unlocked;
        }
        return reset;
    }

    public void Reset()
    {
        _count = _next = _consecutive = 0;
        _lastState = ServoState.Unlocked;
        _inner.Reset();
    }

    private double RobustSigma()
    {
        Array.Copy(_recent, _sorted, _count);
        Array.Sort(_sorted, 0, _count);
        long median = _sorted[_count / 2];
        return Math.Max(1, median * 1.4826);
    }
}
