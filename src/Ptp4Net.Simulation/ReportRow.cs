namespace Ptp4Net.Simulation;

/// <summary>One line of the accuracy report: a scenario run with one servo, figures averaged over seeds.</summary>
public sealed record ReportRow(string Scenario, string Servo, double? LockTimeSeconds, double RmsNs, double MaxNs, double FreqErrorPpb, int Seeds)
{
    /// <summary>
    /// Mean of the per-seed figures. The lock time is the mean only when every seed locked (null otherwise:
    /// a run that never settles must not hide behind the others).
    /// </summary>
    public static ReportRow Mean(string scenario, string servo, IReadOnlyList<AccuracyFigures> runs)
    {
        double lockSum = 0, rms = 0, max = 0, freq = 0;
        bool allLocked = true;
        foreach (var r in runs)
        {
            if (r.LockTimeSeconds is double l) lockSum += l; else allLocked = false;
            rms += r.RmsNs;
            max += r.MaxNs;
            freq += r.FreqErrorPpb;
        }
        int n = runs.Count;
        return new ReportRow(scenario, servo, allLocked ? lockSum / n : null, rms / n, max / n, freq / n, n);
    }
}
