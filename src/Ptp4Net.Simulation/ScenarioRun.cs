namespace Ptp4Net.Simulation;

/// <summary>
/// A built scenario ready to run: the network, the probe on the clock whose accuracy is reported, and the
/// run's length and lock bound. <see cref="SyncStart"/> is the time of the first servo sample anywhere in
/// the network (when synchronisation begins; the lock time counts from it).
/// </summary>
public sealed class ScenarioRun
{
    public ScenarioRun(string name, SimNetwork network, OffsetProbe probe, long durationNs, double lockBoundNs)
    {
        Name = name;
        Network = network;
        Probe = probe;
        DurationNs = durationNs;
        LockBoundNs = lockBoundNs;
        foreach (var n in network.Nodes)
        {
            var previous = n.ServoSampleObserver;
            n.ServoSampleObserver = (node, e) =>
            {
                if (SyncStart < 0) SyncStart = network.Now;
                previous?.Invoke(node, e);
            };
        }
    }

    public string Name { get; }
    public SimNetwork Network { get; }
    public OffsetProbe Probe { get; }
    public long DurationNs { get; }
    public double LockBoundNs { get; }
    public long SyncStart { get; private set; } = -1;

    /// <summary>Runs to the end (from wherever the network is) and returns the figures.</summary>
    public AccuracyFigures Run()
    {
        Network.RunUntil(DurationNs);
        return Figures();
    }

    public AccuracyFigures Figures() =>
        SyncStart < 0 ? new AccuracyFigures(null, double.NaN, double.NaN, double.NaN, 0)
                      : Probe.Figures(LockBoundNs, startNs: SyncStart);
}
