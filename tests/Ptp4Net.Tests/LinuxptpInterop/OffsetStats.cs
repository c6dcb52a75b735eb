namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>Summary of a series of offsets in ns: count, mean, RMS, largest magnitude, and how many exceed a limit.</summary>
public readonly record struct OffsetStats(int Count, double Mean, double Rms, long MaxAbs)
{
    public static OffsetStats Of(IReadOnlyList<long> values)
    {
        if (values.Count == 0) return default;
        double sum = 0, sq = 0;
        long max = 0;
        foreach (var v in values)
        {
            sum += v;
            sq += (double)v * v;
            max = Math.Max(max, Math.Abs(v));
        }
        return new OffsetStats(values.Count, sum / values.Count, Math.Sqrt(sq / values.Count), max);
    }

    /// <summary>The values with the <paramref name="n"/> largest magnitudes removed (rare stamping outliers).</summary>
    public static List<long> WithoutLargest(IReadOnlyList<long> values, int n) =>
        values.OrderBy(v => Math.Abs(v)).Take(Math.Max(0, values.Count - n)).ToList();

    public override string ToString() => $"n={Count} mean={Mean:F0} ns rms={Rms:F0} ns max|x|={MaxAbs} ns";
}
