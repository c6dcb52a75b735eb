namespace Ptp4Net.Host.Daemon;

/// <summary>
/// clock.c's summary statistics (summary_interval): offset RMS and max |offset|, frequency mean ± standard deviation,
/// path delay mean ± standard deviation, over 2^(summary_interval − logSyncInterval) samples, printed as
/// "rms %4.0f max %4.0f freq %+6.0f +/- %3.0f delay %5.0f +/- %3.0f" and reset. Standard deviations are
/// population ones (linuxptp stats.c: sqrt(sum of squared differences / n), Welford updates).
/// </summary>
public sealed class SummaryStats
{
    private Welford _offset;
    private Welford _freq;
    private Welford _delay;
    private double _sumSq;
    private double _maxAbs;

    /// <summary>Samples per summary line; 1 means per-sample "master offset" lines instead.</summary>
    public int MaxCount { get; private set; } = 1;

    /// <summary>clock.c clock_sync_interval: shift = summary_interval − logSyncInterval, clamped to [0, 30].</summary>
    public void SetInterval(int summaryInterval, int logSyncInterval)
    {
        int shift = Math.Clamp(summaryInterval - logSyncInterval, 0, 30);
        MaxCount = 1 << shift;
    }

    public int Count => _offset.N;

    /// <summary>Adds a sample; true when <see cref="MaxCount"/> samples are in and a line is due.</summary>
    public bool Add(double offsetNs, double freqPpb, double delayNs)
    {
        _offset.Add(offsetNs);
        _freq.Add(freqPpb);
        _delay.Add(delayNs);
        _sumSq += offsetNs * offsetNs;
        _maxAbs = Math.Max(_maxAbs, Math.Abs(offsetNs));
        return _offset.N >= MaxCount;
    }

    public double OffsetRms => _offset.N == 0 ? 0 : Math.Sqrt(_sumSq / _offset.N);
    public double OffsetMaxAbs => _maxAbs;
    public double FreqMean => _freq.Mean;
    public double FreqStdDev => _freq.StdDev;
    public double DelayMean => _delay.Mean;
    public double DelayStdDev => _delay.StdDev;
    public bool HasDelay => _delay.N > 0;

    public void Reset()
    {
        _offset = default;
        _freq = default;
        _delay = default;
        _sumSq = 0;
        _maxAbs = 0;
    }

    /// <summary>Appends the statistics line's text to <paramref name="log"/> (after <see cref="DaemonLog.Begin"/>).</summary>
    public void AppendLine(DaemonLog log)
    {
        log.Append("rms ").AppendFixed0(OffsetRms, 4).Append(" max ").AppendFixed0(OffsetMaxAbs, 4)
            .Append(" freq ").AppendFixed0(FreqMean, 6, plus: true).Append(" +/- ").AppendFixed0(FreqStdDev, 3);
        if (HasDelay)
            log.Append(" delay ").AppendFixed0(DelayMean, 5).Append(" +/- ").AppendFixed0(DelayStdDev, 3);
    }

    private struct Welford
    {
        public int N;
        public double Mean;
        private double _m2;

        public void Add(double x)
        {
            N++;
            double d = x - Mean;
            Mean += d / N;
            _m2 += d * (x - Mean);
        }

        public readonly double StdDev => N == 0 ? 0 : Math.Sqrt(_m2 / N);
    }
}
