using BenchmarkDotNet.Attributes;
using Ptp4Net.Servo;
using Ptp4Net.Simulation;

namespace Ptp4Net.Benchmarks;

/// <summary>
/// Simulator throughput with the protocol engine in the loop: 30 virtual seconds of the report's scenarios
/// (GM and slave at 16 Sync/s and 16 Delay_Req/s; a GM, four BCs and a client). Events/s = events / mean time;
/// the events count is printed by <see cref="EventsPerRun"/>.
/// </summary>
[MemoryDiagnoser]
public class SimScenarioBenchmarks
{
    [Params("hw-ideal", "bc-chain-4")]
    public string Scenario { get; set; } = "hw-ideal";

    [Benchmark]
    public long ThirtySeconds()
    {
        var run = ReportScenarios.Build(Scenario, ServoType.Pi, 1);
        run.Network.RunUntil(30 * ReportScenarios.Second);
        return run.Network.World.Scheduler.EventsProcessed;
    }

    /// <summary>How many events one <see cref="ThirtySeconds"/> fires (for the events/s figure).</summary>
    public long EventsPerRun() => ThirtySeconds();
}
