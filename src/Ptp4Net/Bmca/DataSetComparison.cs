using Ptp4Net.Identity;

namespace Ptp4Net.Bmca;

/// <summary>
/// The data set comparison algorithms. <see cref="Compare"/> is IEEE 1588-2019 9.3.4 (Figures 34, 35) as
/// linuxptp's bmc.c dscmp; <see cref="CompareTelecom"/> is the ITU-T G.8275.1/G.8275.2 alternate BMCA as
/// linuxptp's telecom.c (config `dataset_comparison G.8275.x`).
/// </summary>
public static class DataSetComparison
{
    /// <summary>Selects the algorithm named by `dataset_comparison` (ieee1588 or G.8275.x).</summary>
    public static ComparisonResult Compare(DatasetComparisonKind kind, in BmcaDataSet a, in BmcaDataSet b) =>
        kind == DatasetComparisonKind.G8275x ? CompareTelecom(a, b) : Compare(a, b);

    /// <summary>Figure 34: same grandmaster goes to the topology comparison; otherwise priority1, clockClass,
    /// clockAccuracy, offsetScaledLogVariance, priority2, then the grandmaster identity as tie-breaker.</summary>
    public static ComparisonResult Compare(in BmcaDataSet a, in BmcaDataSet b)
    {
        if (a.GrandmasterIdentity == b.GrandmasterIdentity) return CompareTopology(a, b);
        var r = ByValue(a.Priority1, b.Priority1);
        if (r != ComparisonResult.Error) return r;
        r = CompareQuality(a.Quality, b.Quality);
        if (r != ComparisonResult.Error) return r;
        r = ByValue(a.Priority2, b.Priority2);
        if (r != ComparisonResult.Error) return r;
        return a.GrandmasterIdentity < b.GrandmasterIdentity ? ComparisonResult.ABetter : ComparisonResult.BBetter;
    }

    /// <summary>G.8275.1 6.3.1 / G.8275.2 6.7.1: priority1 is not used; localPriority breaks ties after priority2;
    /// between two grandmaster-capable clocks (class ≤ 127) the topology decides before the identity.</summary>
    public static ComparisonResult CompareTelecom(in BmcaDataSet a, in BmcaDataSet b)
    {
        var r = CompareQuality(a.Quality, b.Quality);
        if (r != ComparisonResult.Error) return r;
        r = ByValue(a.Priority2, b.Priority2);
        if (r != ComparisonResult.Error) return r;
        r = ByValue(a.LocalPriority, b.LocalPriority);
        if (r != ComparisonResult.Error) return r;
        if (a.Quality.ClockClass <= 127) return CompareTopology(a, b);
        if (a.GrandmasterIdentity == b.GrandmasterIdentity) return CompareTopology(a, b);
        return a.GrandmasterIdentity < b.GrandmasterIdentity ? ComparisonResult.ABetter : ComparisonResult.BBetter;
    }

    /// <summary>
    /// Figure 35: both data sets describe the same grandmaster. A path shorter by two or more steps wins outright;
    /// a path shorter by one wins unless the longer one was received on the port that sent it (then the shorter
    /// is only better by topology); equal paths are ordered by the sender's identity, then the receiving port.
    /// As linuxptp, the error-1 case (a port seeing its own Announce) and error-2 (the same message twice) return
    /// <see cref="ComparisonResult.Error"/>.
    /// </summary>
    public static ComparisonResult CompareTopology(in BmcaDataSet a, in BmcaDataSet b)
    {
        int stepsA = a.StepsRemoved, stepsB = b.StepsRemoved;
        if (stepsA + 1 < stepsB) return ComparisonResult.ABetter;
        if (stepsB + 1 < stepsA) return ComparisonResult.BBetter;
        if (stepsA < stepsB)
        {
            int d = b.Receiver.CompareTo(b.Sender);
            return d < 0 ? ComparisonResult.ABetter : d > 0 ? ComparisonResult.ABetterByTopology : ComparisonResult.Error;
        }
        if (stepsA > stepsB)
        {
            int d = a.Receiver.CompareTo(a.Sender);
            return d < 0 ? ComparisonResult.BBetter : d > 0 ? ComparisonResult.BBetterByTopology : ComparisonResult.Error;
        }
        int s = a.Sender.CompareTo(b.Sender);
        if (s < 0) return ComparisonResult.ABetterByTopology;
        if (s > 0) return ComparisonResult.BBetterByTopology;
        if (a.Receiver.PortNumber < b.Receiver.PortNumber) return ComparisonResult.ABetterByTopology;
        if (a.Receiver.PortNumber > b.Receiver.PortNumber) return ComparisonResult.BBetterByTopology;
        return ComparisonResult.Error;
    }

    private static ComparisonResult CompareQuality(ClockQuality a, ClockQuality b)
    {
        var r = ByValue(a.ClockClass, b.ClockClass);
        if (r != ComparisonResult.Error) return r;
        r = ByValue((byte)a.ClockAccuracy, (byte)b.ClockAccuracy);
        if (r != ComparisonResult.Error) return r;
        return ByValue(a.OffsetScaledLogVariance, b.OffsetScaledLogVariance);
    }

    // Lower is better for every attribute compared by value.
    private static ComparisonResult ByValue(int a, int b) =>
        a < b ? ComparisonResult.ABetter : a > b ? ComparisonResult.BBetter : ComparisonResult.Error;
}
