namespace Ptp4Net.Delay;

/// <summary>
/// Keeps offset outliers away from the servo (not in ptp4l; the engine applies it with
/// <c>ClockOptions.RejectOffsetOutliers</c>, config key <c>reject_offset_outliers</c>). Why: a Sync held in a queue
/// (sw-noisy's 1 % × 200 µs tail) otherwise moves a PI servo by kp × 200 µs, tens of microseconds of error, and a
/// delay filter cannot see it, as it only filters the Delay_Req direction.
/// <para>While the servo is locked, each offset is compared with the robust spread of the offsets recently fed to it
/// (σ ≈ 1.4826 × median |offset|, the offsets of a locked servo being centred on zero). One beyond
/// <see cref="Threshold"/> σ is dropped and the servo keeps its frequency. After <see cref="MaxConsecutiveRejections"/>
/// drops in a row the next offset is taken as a real change (a new master, an upstream step) and fed, and the spread is
/// learnt again. Nothing is dropped before the window of <see cref="Window"/> locked samples is full, so start-up and
/// relocking are never slowed. Preallocated; no allocation per sample.</para>
/// </summary>
public sealed class OffsetOutlierFilter
{
    private readonly long[] _recent;
    private readonly long[] _sorted;
    private int _count, _next, _consecutive;

    /// <param name="window">Locked samples the spread is measured over (at least 4).</param>
    /// <param name="threshold">Rejection threshold in robust standard deviations.</param>
    /// <param name="maxConsecutiveRejections">Drops in a row after which the next offset is accepted.</param>
    public OffsetOutlierFilter(int window = 32, double threshold = 4.0, int maxConsecutiveRejections = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 4);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfNegative(maxConsecutiveRejections);
        _recent = new long[window];
        _sorted = new long[window];
        Threshold = threshold;
        MaxConsecutiveRejections = maxConsecutiveRejections;
    }

    public int Window => _recent.Length;
    public double Threshold { get; }
    public int MaxConsecutiveRejections { get; }
    public long Rejected { get; private set; }

    /// <summary>Forget the spread (a step, a new master, a servo reset).</summary>
    public void Reset() => _count = _next = _consecutive = 0;

    /// <summary>
    /// Whether <paramref name="offsetNs"/> may be fed to the servo, whose last state was locked when
    /// <paramref name="servoLocked"/>. After an accepted offset the caller reports the servo's answer with
    /// <see cref="Learn"/>.
    /// </summary>
    public bool Accept(long offsetNs, bool servoLocked)
    {
        if (servoLocked && _count == _recent.Length && _consecutive < MaxConsecutiveRejections
            && Math.Abs((double)offsetNs) > Threshold * RobustSigma())
        {
            _consecutive++;
            Rejected++;
            return false;
        }
        if (_consecutive >= MaxConsecutiveRejections) _count = _next = 0; // the level moved: learn the spread again
        _consecutive = 0;
        return true;
    }

    /// <summary>An accepted offset and whether the servo is locked after it: locked samples build the spread; an
    /// unlocked servo empties it.</summary>
    public void Learn(long offsetNs, bool servoLocked)
    {
        if (!servoLocked)
        {
            _count = _next = 0;
            return;
        }
        _recent[_next] = Math.Abs(offsetNs);
        _next = (_next + 1) % _recent.Length;
        if (_count < _recent.Length) _count++;
    }

    private double RobustSigma()
    {
        Array.Copy(_recent, _sorted, _count);
        Array.Sort(_sorted, 0, _count);
        return Math.Max(1, _sorted[_count / 2] * 1.4826);
    }
}
