using Ptp4Net.Servo;
using Ptp4Net.Simulation;
using static Ptp4Net.Tests.Scenarios.ScenarioAssert;

namespace Ptp4Net.Tests.Scenarios;

/// <summary>The engine in the simulator is reproducible: the same seed gives the same run, bit for bit.</summary>
public class DeterminismScenarioTests
{
    private static (List<string> Log, double[] Offsets) Run(ulong seed)
    {
        var run = ReportScenarios.OneHop("det", ServoType.Pi, seed, ReportScenarios.EngineTweaks.Improved, loss: 0.05, durationNs: 20 * S);
        var log = new List<string>();
        run.Network.LogTo(log.Add);
        run.Run();
        return (log, run.Probe.Offsets.ToArray());
    }

    [Fact]
    public void Same_seed_same_log_and_same_offsets()
    {
        var a = Run(21);
        var b = Run(21);
        var c = Run(22);
        Assert.True(a.Log.Count > 100);
        Assert.Equal(a.Log, b.Log);
        Assert.Equal(a.Offsets, b.Offsets);
        Assert.NotEqual(a.Offsets, c.Offsets);
    }
}
