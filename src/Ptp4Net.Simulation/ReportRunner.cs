using Ptp4Net.Servo;

namespace Ptp4Net.Simulation;

/// <summary>
/// Runs every report scenario with PI and linreg over several seeds, in parallel (each run is an
/// independent, single-threaded, deterministic simulation, so the parallelism does not change any figure),
/// and averages the figures per scenario and servo.
/// </summary>
public static class ReportRunner
{
    public static readonly (string Name, ServoType Type)[] Servos = { ("pi", ServoType.Pi), ("linreg", ServoType.LinReg) };

    public static IReadOnlyList<ReportRow> Run(IReadOnlyList<string>? scenarios = null, int seeds = 5, int parallelism = 0,
        ReportScenarios.EngineTweaks? tweaks = null)
    {
        scenarios ??= ReportScenarios.Names;
        var jobs = new List<(int Row, string Scenario, ServoType Servo, ulong Seed)>();
        for (int s = 0; s < scenarios.Count; s++)
            for (int v = 0; v < Servos.Length; v++)
                for (int k = 0; k < seeds; k++)
                    jobs.Add((s * Servos.Length + v, scenarios[s], Servos[v].Type, (ulong)(k + 1)));
        var results = new AccuracyFigures[jobs.Count];
        // Longest jobs first so the two cores finish together.
        var order = Enumerable.Range(0, jobs.Count).OrderByDescending(i => Cost(jobs[i].Scenario)).ToArray();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount },
            i => results[i] = ReportScenarios.Build(jobs[i].Scenario, jobs[i].Servo, jobs[i].Seed, tweaks).Run());
        var rows = new List<ReportRow>();
        for (int s = 0; s < scenarios.Count; s++)
            for (int v = 0; v < Servos.Length; v++)
            {
                int row = s * Servos.Length + v;
                var runs = new List<AccuracyFigures>();
                for (int j = 0; j < jobs.Count; j++) if (jobs[j].Row == row) runs.Add(results[j]);
                rows.Add(ReportRow.Mean(scenarios[s], Servos[v].Name, runs));
            }
        return rows;
    }

    private static int Cost(string scenario) => scenario switch
    {
        "bc-chain-4" => 6,
        "p2p-chain-3" => 5,
        "failover" => 4,
        _ => 2,
    };
}
