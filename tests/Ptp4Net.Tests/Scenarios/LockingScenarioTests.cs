using Ptp4Net.DataSets;
using Ptp4Net.Servo;
using Ptp4Net.Simulation;
using Ptp4Net.StateMachine;
using static Ptp4Net.Tests.Scenarios.ScenarioAssert;

namespace Ptp4Net.Tests.Scenarios;

/// <summary>
/// GM → slave (+50 ppm, +1 ms) over a hardware-stamped link (1 µs, σ 20 ns, 8 ns stamps, 16 Sync/s):
/// the slave must step, lock and stay within 100 ns of the grandmaster's true time, for every delay mechanism,
/// Sync mode and servo, and through 20 % loss.
/// </summary>
public class LockingScenarioTests
{
    private static readonly ReportScenarios.EngineTweaks Tweaks = ReportScenarios.EngineTweaks.Improved;

    [Theory]
    [InlineData(DelayMechanism.E2E, true, ServoType.Pi)]
    [InlineData(DelayMechanism.E2E, false, ServoType.Pi)]
    [InlineData(DelayMechanism.P2P, true, ServoType.Pi)]
    [InlineData(DelayMechanism.P2P, false, ServoType.Pi)]
    [InlineData(DelayMechanism.E2E, true, ServoType.LinReg)]
    [InlineData(DelayMechanism.P2P, false, ServoType.LinReg)]
    public void Slave_locks(DelayMechanism mechanism, bool twoStep, ServoType servo)
    {
        var run = ReportScenarios.OneHop("lock", servo, 11, Tweaks, twoStep: twoStep, mechanism: mechanism, durationNs: 30 * S);
        run.Run();
        var slave = run.Network.Nodes[1];
        Assert.Equal(PortState.Slave, slave.State());
        Assert.Equal(1, slave.Clock.StepCount); // one step at the first update, never again
        Locked(run.Probe, 100, from: 22 * S);
        // The frequency was found: the slave's rate matches the grandmaster's to well under a ppm.
        Assert.InRange(slave.Clock.RateErrorPpb(run.Network.Now), -200, 200);
        if (mechanism == DelayMechanism.P2P)
            Assert.InRange(slave.Engine.GetPathDelayNs(0), 950, 1050);
    }

    [Fact]
    public void One_step_master_sends_no_follow_up_and_the_stamped_origin_is_used()
    {
        var run = ReportScenarios.OneHop("one-step", ServoType.Pi, 12, Tweaks, twoStep: false, durationNs: 25 * S);
        int followUps = 0, oneStepSyncs = 0;
        run.Network.Nodes[0].Frames = (node, port, tx, frame, ts) =>
        {
            if (!tx) return;
            int type = frame[0] & 0x0F;
            if (type == 0x8) followUps++;
            if (type == 0x0 && (frame[6] & 0x02) == 0) oneStepSyncs++;
        };
        run.Run();
        Assert.Equal(0, followUps);
        Assert.True(oneStepSyncs > 100);
        Locked(run.Probe, 100, from: 20 * S);
    }

    [Fact]
    public void Twenty_percent_loss_in_each_direction_still_locks()
    {
        var run = ReportScenarios.OneHop("loss-20", ServoType.Pi, 13, Tweaks, loss: 0.2, durationNs: 40 * S);
        run.Run();
        var lan = run.Network.World.Segments[0];
        double lossRate = lan.FramesLost / (double)(lan.FramesLost + lan.FramesDelivered);
        Assert.InRange(lossRate, 0.17, 0.23);
        Assert.Equal(PortState.Slave, run.Network.Nodes[1].State());
        Locked(run.Probe, 100, from: 30 * S);
    }

    [Fact]
    public void Boundary_clock_chain_of_four_locks_end_to_end()
    {
        var run = ReportScenarios.Chain("bc-chain-4", ServoType.Pi, 14, Tweaks, bcs: 4, DelayMechanism.E2E, durationNs: 60 * S);
        var net = run.Network;
        var gm = net.Nodes[0];
        var probes = net.Nodes.Skip(1).Select(n => new OffsetProbe(net.World, n.Clock, gm.Clock, S / 16)).ToList();
        run.Run();
        for (int i = 1; i < net.Nodes.Count; i++)
        {
            var n = net.Nodes[i];
            Assert.Equal(gm.Engine.DefaultDataSet.ClockIdentity, n.Engine.ParentDataSet.GrandmasterIdentity);
            Assert.Equal(PortState.Slave, n.State(0));
            if (i < net.Nodes.Count - 1) Assert.Contains(n.State(1), new[] { PortState.Master, PortState.GrandMaster });
            Assert.Equal(i, n.Engine.CurrentDataSet.StepsRemoved); // 9.3.4 / 8.2.2.2: one more per boundary clock
            Locked(probes[i - 1], 150, from: 45 * S);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Asymmetry_shows_up_as_half_the_difference_unless_delayAsymmetry_corrects_it(bool corrected)
    {
        // master→slave 1050 ns, slave→master 950 ns: the measured mean path delay is 1000 ns, so the slave
        // believes the Sync took 50 ns less than it did and settles 50 ns behind the grandmaster (11.6).
        var run = ReportScenarios.OneHop("asym", ServoType.LinReg, 15, Tweaks, asymmetryNs: 100, correctAsymmetry: corrected, durationNs: 40 * S);
        run.Run();
        double mean = MeanOffset(run.Probe, 20 * S);
        Assert.InRange(mean, corrected ? -3 : -53, corrected ? 3 : -47);
        Assert.InRange(run.Network.Nodes[1].Engine.GetPathDelayNs(0), 990, 1010);
    }
}
