using Ptp4Net.Engine;
using Ptp4Net.Servo;
using Ptp4Net.Simulation;
using Ptp4Net.StateMachine;
using static Ptp4Net.Tests.Scenarios.ScenarioAssert;

namespace Ptp4Net.Tests.Scenarios;

/// <summary>
/// Two grandmasters (clockClass 6, ideal clocks as if both were GNSS-locked) and a slave on one segment:
/// the slave moves to the standby when the active one goes silent, and back to a better one when it appears.
/// </summary>
public class FailoverScenarioTests
{
    [Fact]
    public void Slave_fails_over_to_the_standby_when_the_grandmaster_goes_silent_and_stays_synchronised()
    {
        var run = ReportScenarios.Failover("failover", ServoType.Pi, 3, ReportScenarios.EngineTweaks.Improved,
            silentAtNs: 30 * S, durationNs: 70 * S);
        var net = run.Network;
        var (gmA, gmB, slave) = (net.Nodes[0], net.Nodes[1], net.Nodes[2]);

        net.RunUntil(29 * S);
        Assert.Equal(gmA.Engine.DefaultDataSet.ClockIdentity, slave.Engine.ParentDataSet.GrandmasterIdentity);
        Assert.Equal(PortState.Passive, gmB.State()); // clockClass 6 loses to a better GM by going PASSIVE (9.3.3)
        Locked(run.Probe, 100, from: 20 * S, to: 29 * S);

        net.RunUntil(70 * S);
        Assert.Equal(gmB.Engine.DefaultDataSet.ClockIdentity, slave.Engine.ParentDataSet.GrandmasterIdentity);
        Assert.Contains(gmB.State(), new[] { PortState.Master, PortState.GrandMaster });
        Assert.Equal(PortState.Slave, slave.State());
        // The standby took over within the announce receipt timeout (3 × 2 s) plus qualification.
        var takeover = gmB.StateChanges.First(c => c.Time > 30 * S && c.New is PortState.Master or PortState.GrandMaster or PortState.PreMaster);
        Assert.InRange(takeover.Time, 30 * S, 40 * S);
        // Both grandmasters keep the same (ideal) time, so the slave stays synchronised through the change.
        Locked(run.Probe, 100, from: 50 * S);
    }

    [Fact]
    public void A_better_grandmaster_that_appears_preempts_the_current_one()
    {
        var so = ReportScenarios.ServoFor(ServoType.Pi);
        var tw = ReportScenarios.EngineTweaks.Improved;
        var net = new SimNetwork(4);
        var better = net.AddNode("gmA", ReportScenarios.HwStamps(), ReportScenarios.Clock(so, tw, priority1: 100, clockClass: 6), ReportScenarios.HwPort());
        var current = net.AddNode("gmB", ReportScenarios.HwStamps(), ReportScenarios.Clock(so, tw, priority1: 110, clockClass: 6), ReportScenarios.HwPort());
        var slave = net.AddNode("slave", ReportScenarios.HwStamps(50_000, 1_000_000), ReportScenarios.Clock(so, tw, slaveOnly: true), ReportScenarios.HwPort());
        net.Lan("lan", ReportScenarios.HwLink(), (better, 0), (current, 0), (slave, 0));
        current.StartAt(0);
        slave.StartAt(0);
        better.StartAt(30 * S); // appears later
        var probe = new OffsetProbe(net.World, slave.Clock, null, S / 16);

        net.RunUntil(29 * S);
        Assert.Equal(current.Engine.DefaultDataSet.ClockIdentity, slave.Engine.ParentDataSet.GrandmasterIdentity);
        Locked(probe, 100, from: 25 * S, to: 29 * S);

        net.RunUntil(60 * S);
        Assert.Equal(better.Engine.DefaultDataSet.ClockIdentity, slave.Engine.ParentDataSet.GrandmasterIdentity);
        Assert.Equal(PortState.Passive, current.State());
        Assert.Contains(better.State(), new[] { PortState.Master, PortState.GrandMaster });
        Assert.Equal(PortState.Slave, slave.State());
        Locked(probe, 100, from: 50 * S);
    }
}
