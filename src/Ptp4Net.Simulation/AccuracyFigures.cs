namespace Ptp4Net.Simulation;

/// <summary>
/// The accuracy report's figures for one run, from ground-truth samples (issue 4 definitions):
/// <list type="bullet">
/// <item><see cref="LockTimeSeconds"/>: the time after which |true offset| stays under the lock bound to the
/// end of the run (the time of the first sample after the last violation), counted from the run's start
/// (<c>startNs</c>: the simulator passes the first servo sample, so the BMCA's announce timeouts are not
/// counted); null when the last sample violates it.</item>
/// <item><see cref="RmsNs"/> and <see cref="MaxNs"/>: RMS and maximum of |true offset| over the second half of
/// the run (from start to end).</item>
/// <item><see cref="FreqErrorPpb"/>: RMS of the true rate error (clock − reference) over the second half.</item>
/// </list>
/// </summary>
public readonly record struct AccuracyFigures(double? LockTimeSeconds, double RmsNs, double MaxNs, double FreqErrorPpb, int Samples)
{
    public static AccuracyFigures Compute(IReadOnlyList<long> times, IReadOnlyList<double> offsets, IReadOnlyList<double> ratesPpb,
        double lockBoundNs, long endNs = long.MaxValue, long startNs = long.MinValue)
    {
        int first = 0;
        while (first < times.Count && times[first] < startNs) first++;
        int n = first;
        while (n < times.Count && times[n] <= endNs) n++;
        if (n == first) return new AccuracyFigures(null, double.NaN, double.NaN, double.NaN, 0);
        long origin = startNs == long.MinValue ? 0 : startNs;

        int lastBad = first - 1;
        for (int i = n - 1; i >= first; i--)
        {
            if (Math.Abs(offsets[i]) >= lockBoundNs)
            {
                lastBad = i;
                break;
            }
        }
        double? lockTime = lastBad == n - 1 ? null : (times[lastBad + 1] - origin) * 1e-9;

        long start = times[first], end = times[n - 1];
        long half = start + (end - start) / 2;
        double sumSq = 0, max = 0, sumRate = 0;
        int count = 0;
        for (int i = first; i < n; i++)
        {
            if (times[i] < half) continue;
            double a = Math.Abs(offsets[i]);
            sumSq += a * a;
            if (a > max) max = a;
            sumRate += ratesPpb[i] * ratesPpb[i];
            count++;
        }
        return new AccuracyFigures(lockTime, Math.Sqrt(sumSq / count), max, Math.Sqrt(sumRate / count), count);
    }
}
