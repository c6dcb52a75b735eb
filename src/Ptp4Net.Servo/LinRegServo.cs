namespace Ptp4Net.Servo;

/// <summary>
/// Adaptive linear-regression servo with linuxptp's behaviour (linreg.c), re-derived.
/// </summary>
/// <remarks>
/// Every sample becomes a point (x = local time with the servo's own frequency corrections removed,
/// y = master time = corrected local time minus offset), kept in a ring of 64. Regressions of y on x over
/// the newest 4, 8, 16, 32 and 64 points (up to <see cref="ServoOptions.LinRegMaxPoints"/>, our
/// <c>linreg_max_points</c>; 64 as linuxptp by default) are refitted on every sample. For each size, the previous fit's
/// prediction of the newest point is scored: a running mean of |error| over its first 10 predictions,
/// then an exponential average with weight 0.02. The largest size whose error is within 5 % of the best
/// smaller one wins. Its slope gives the frequency (1e9 · (slope − 1)); its intercept (master minus
/// local at the newest point) is removed by adding intercept / T / c (T = sync interval): c = 1 for fits of
/// 4, 8 or 16 points, 2 for 32 points and 3 for 64 points (larger fits: smaller frequency error, so a
/// slower phase correction). No tuning constants are exposed.
/// Unlocked until 4 points exist; then the shared step rule uses |intercept| instead of the raw offset.
/// </remarks>
public sealed class LinRegServo : IServo
{
    private const int MinSizeLog2 = 2;           // 4 points
    private readonly int MaxSizeLog2;            // 6 (64 points) as linuxptp; linreg_max_points
    private readonly int MaxPoints;
    private readonly int SizeCount;
    private const double ErrSmooth = 0.02;       // weight of a new error in the long-term average
    private const int ErrInitialUpdates = 10;    // plain mean over the first predictions
    private const double ErrEquals = 1.05;       // errors within 5 % count as equal: prefer the larger size

    // Ring of points: uncorrected local time (x), master time (y), weight.
    private readonly long[] _x;
    private readonly long[] _y;
    private readonly double[] _w;

    // Per-size regression results.
    private readonly double[] _slope;
    private readonly double[] _intercept;
    private readonly double[] _err;
    private readonly int[] _errUpdates;

    private long _referenceX;          // "now" in x
    private long _referenceY;          // "now" in y
    private int _numPoints;
    private int _lastPoint;
    private double _xRemainder;        // fraction of ns dropped when advancing _referenceX
    private long _lastUpdate;          // local time stamp of the previous sample
    private bool _haveLastUpdate;
    private int _size;                 // log2 of the chosen point count; 0 = none yet
    private double _clockFreq;         // our sign: the frequency set on the clock, ppb
    private double _syncInterval = 1.0;
    private double _frequencyRatio = 1.0;
    private int _leap;

    /// <summary>Builds a linreg core starting from <see cref="ServoOptions.InitialFrequencyPpb"/>.</summary>
    public LinRegServo(ServoOptions options, ServoLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Limits = limits ?? new ServoLimits();
        _clockFreq = options.InitialFrequencyPpb;
        MaxSizeLog2 = System.Numerics.BitOperations.Log2((uint)options.LinRegMaxPoints);
        MaxPoints = 1 << MaxSizeLog2;
        SizeCount = MaxSizeLog2 - MinSizeLog2 + 1;
        _x = new long[MaxPoints];
        _y = new long[MaxPoints];
        _w = new double[MaxPoints];
        _slope = new double[SizeCount];
        _intercept = new double[SizeCount];
        _err = new double[SizeCount];
        _errUpdates = new int[SizeCount];
    }

    public ServoType Type => ServoType.LinReg;
    public ServoLimits Limits { get; }

    /// <summary>The expected interval between samples; the phase correction is spread over it.</summary>
    public double SyncInterval
    {
        get => _syncInterval;
        set
        {
            if (!double.IsFinite(value) || value <= 0)
                throw new ArgumentOutOfRangeException(nameof(value), value, "sync interval must be positive");
            _syncInterval = value;
        }
    }

    public double FrequencyPpb => _clockFreq;
    public double RateRatio => _frequencyRatio;

    /// <summary>Number of points used by the regression that produced the last output (0 before 4 points).</summary>
    public int RegressionPoints => _size == 0 ? 0 : 1 << _size;

    public ServoOutput Sample(long offsetNs, long localTimeNs, double weight)
    {
        // The frequency is assumed to change at the sample's time stamp; the error of that assumption
        // is small against the update interval.
        UpdateReference(localTimeNs);
        AddPoint(offsetNs, weight);
        Regress();
        UpdateSize();

        if (_size < MinSizeLog2)
            return new ServoOutput(_clockFreq, ServoState.Unlocked, false);

        int k = _size - MinSizeLog2;
        ServoState state;
        if (Limits.ShouldStep(Math.Abs(_intercept[k])))
        {
            // The caller steps the clock by -offset: shift y and the last time stamp to match, so the
            // history stays consistent with the stepped clock.
            MoveReference(0, -offsetNs);
            _lastUpdate -= offsetNs;
            state = ServoState.Jump;
        }
        else
        {
            state = ServoState.Locked;
        }

        // Frequency from the slope, plus the phase correction spread over the correction interval
        // (after a Jump the intercept has been re-expressed for the stepped clock, so it is near 0).
        double slope = _slope[k];
        double intercept = _intercept[k];
        _clockFreq = 1e9 * (slope - 1.0);
        int correctionIntervals = _size <= 4 ? 1 : _size / 2;
        _clockFreq += intercept / _syncInterval / correctionIntervals;
        _clockFreq = Limits.Clamp(_clockFreq, out bool clamped);

        _frequencyRatio = slope / (1.0 + _clockFreq / 1e9);
        return new ServoOutput(_clockFreq, state, clamped);
    }

    public void Reset()
    {
        _numPoints = 0;
        _haveLastUpdate = false;
        _lastUpdate = 0;
        _size = 0;
        _frequencyRatio = 1.0;
        for (int i = 0; i < SizeCount; i++)
        {
            _slope[i] = 0.0;
            _errUpdates[i] = 0;
        }
    }

    public void Leap(int leap)
    {
        // When the leap second has been applied to the reference (master) time, move y as if the clock
        // had been stepped the opposite way, so the history does not look like a 1 s phase error.
        if (_leap != 0 && leap == 0)
            MoveReference(0, _leap * 1_000_000_000L);
        _leap = leap;
    }

    private void MoveReference(long dx, long dy)
    {
        _referenceX += dx;
        _referenceY += dy;
        // Intercepts are relative to the reference point: re-express them.
        for (int i = 0; i < SizeCount; i++)
            _intercept[i] += dx * _slope[i] - dy;
    }

    private void UpdateReference(long localTimeNs)
    {
        if (_haveLastUpdate)
        {
            long yInterval = localTimeNs - _lastUpdate;
            // Remove our own frequency correction: x advances at the uncorrected oscillator rate.
            double xInterval = yInterval / (1.0 + _clockFreq / 1e9);
            xInterval += _xRemainder;
            long whole = (long)xInterval;
            _xRemainder = xInterval - whole;
            MoveReference(whole, yInterval);
        }
        _lastUpdate = localTimeNs;
        _haveLastUpdate = true;
    }

    private void AddPoint(long offsetNs, double weight)
    {
        _lastPoint = (_lastPoint + 1) % MaxPoints;
        _x[_lastPoint] = _referenceX;
        _y[_lastPoint] = _referenceY - offsetNs;
        _w[_lastPoint] = weight;
        if (_numPoints < MaxPoints)
            _numPoints++;
    }

    private void Regress()
    {
        double xSum = 0, ySum = 0, xySum = 0, x2Sum = 0, wSum = 0;
        int i = 0;
        double y0 = _y[_lastPoint] - _referenceY;

        for (int size = MinSizeLog2; size <= MaxSizeLog2; size++)
        {
            int n = 1 << size;
            if (n > _numPoints)
                break;
            int k = size - MinSizeLog2;

            // Score the previous fit of this size on the newest point before refitting.
            if (_slope[k] != 0)
            {
                double e = Math.Abs(_intercept[k] - y0);
                if (_errUpdates[k] < ErrInitialUpdates)
                {
                    _err[k] *= _errUpdates[k];
                    _err[k] += e;
                    _errUpdates[k]++;
                    _err[k] /= _errUpdates[k];
                }
                else
                {
                    _err[k] += ErrSmooth * (e - _err[k]);
                }
            }

            // Sums are cumulative: size 2^(k+1) reuses the newest 2^k points' sums.
            for (; i < n; i++)
            {
                int l = (MaxPoints + _lastPoint - i) % MaxPoints;
                double x = _x[l] - _referenceX;
                double y = _y[l] - _referenceY;
                double w = _w[l];
                xSum += x * w;
                ySum += y * w;
                xySum += x * y * w;
                x2Sum += x * x * w;
                wSum += w;
            }

            _slope[k] = (xySum - xSum * ySum / wSum) / (x2Sum - xSum * xSum / wSum);
            _intercept[k] = (ySum - _slope[k] * xSum) / wSum;
        }
    }

    private void UpdateSize()
    {
        // The largest size with the smallest prediction error; a size with a fit but fewer than 10 scored
        // predictions can only be chosen when nothing smaller has a fit.
        int bestSize = 0;
        double bestErr = 0.0;
        for (int size = MinSizeLog2; size <= MaxSizeLog2; size++)
        {
            int k = size - MinSizeLog2;
            if ((bestSize == 0 && _slope[k] != 0)
                || (bestErr * ErrEquals > _err[k] && _errUpdates[k] >= ErrInitialUpdates))
            {
                bestSize = size;
                bestErr = _err[k];
            }
        }
        _size = bestSize;
    }
}
