using Ptp4Net.Simulation;

namespace Ptp4Net.Tests.Scenarios;

/// <summary>Ground-truth checks shared by the scenario tests.</summary>
internal static class ScenarioAssert
{
    public const long S = 1_000_000_000;

    /// <summary>Max |true offset| of the probe's samples in [from, to].</summary>
    public static double MaxAbsOffset(OffsetProbe probe, long from, long to = long.MaxValue)
    {
        double max = 0;
        int n = 0;
        for (int i = 0; i < probe.Times.Count; i++)
        {
            if (probe.Times[i] < from || probe.Times[i] > to) continue;
            max = Math.Max(max, Math.Abs(probe.Offsets[i]));
            n++;
        }
        Assert.True(n > 0, "no samples in the window");
        return max;
    }

    /// <summary>Mean true offset of the probe's samples in [from, to].</summary>
    public static double MeanOffset(OffsetProbe probe, long from, long to = long.MaxValue)
    {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < probe.Times.Count; i++)
        {
            if (probe.Times[i] < from || probe.Times[i] > to) continue;
            sum += probe.Offsets[i];
            n++;
        }
        Assert.True(n > 0, "no samples in the window");
        return sum / n;
    }

    /// <summary>Asserts the offset stayed within ±<paramref name="boundNs"/> over [from, to].</summary>
    public static void Locked(OffsetProbe probe, double boundNs, long from, long to = long.MaxValue)
    {
        double max = MaxAbsOffset(probe, from, to);
        Assert.True(max < boundNs, $"|true offset| reached {max:0.0} ns in [{from / 1e9:0.0} s, {Math.Min(to, probe.Times[^1]) / 1e9:0.0} s], bound {boundNs} ns");
    }
}
