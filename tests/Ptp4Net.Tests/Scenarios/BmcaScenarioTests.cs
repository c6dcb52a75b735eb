using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Servo;
using Ptp4Net.Simulation;
using Ptp4Net.StateMachine;
using static Ptp4Net.Tests.Scenarios.ScenarioAssert;

namespace Ptp4Net.Tests.Scenarios;

/// <summary>
/// Two grandmaster candidates and a slave-only clock on one shared segment. For each field of the data set
/// comparison (IEEE 1588-2019 9.3.4, Figure 34), the candidates are equal in every field before it and differ in
/// that one; the slave must follow the better one, and the worse candidate must not stay MASTER. Each case runs
/// both ways round (the better value on A, then on B) so the result cannot come from the node order or from the
/// clock identities (A's identity is the lower one, which would win the last tie-break).
/// </summary>
public class BmcaScenarioTests
{
    private static readonly ClockIdentity IdA = SimNetwork.IdentityFor(1);
    private static readonly ClockIdentity IdB = SimNetwork.IdentityFor(2);

    private static (ClockOptions Better, ClockOptions Worse) Pair(string field)
    {
        var baseline = ReportScenarios.Clock(ReportScenarios.ServoFor(ServoType.Pi), ReportScenarios.EngineTweaks.Improved);
        return field switch
        {
            "priority1" => (baseline with { Priority1 = 100 }, baseline with { Priority1 = 101 }),
            "clockClass" => (baseline with { ClockClass = 6 }, baseline with { ClockClass = 7 }),
            "clockAccuracy" => (baseline with { ClockAccuracy = ClockAccuracy.Within100ns }, baseline with { ClockAccuracy = ClockAccuracy.Within250ns }),
            "offsetScaledLogVariance" => (baseline with { OffsetScaledLogVariance = 0x4000 }, baseline with { OffsetScaledLogVariance = 0x4001 }),
            "priority2" => (baseline with { Priority2 = 100 }, baseline with { Priority2 = 101 }),
            "clockIdentity" => (baseline, baseline), // identities are assigned below
            _ => throw new ArgumentException(field),
        };
    }

    [Theory]
    [InlineData("priority1", true)]
    [InlineData("priority1", false)]
    [InlineData("clockClass", true)]
    [InlineData("clockClass", false)]
    [InlineData("clockAccuracy", true)]
    [InlineData("clockAccuracy", false)]
    [InlineData("offsetScaledLogVariance", true)]
    [InlineData("offsetScaledLogVariance", false)]
    [InlineData("priority2", true)]
    [InlineData("priority2", false)]
    [InlineData("clockIdentity", true)]
    [InlineData("clockIdentity", false)]
    public void Slave_follows_the_candidate_that_is_better_in_one_field(string field, bool aIsBetter)
    {
        var (better, worse) = Pair(field);
        var optA = (aIsBetter ? better : worse) with { ClockIdentity = IdA };
        var optB = (aIsBetter ? worse : better) with { ClockIdentity = IdB };
        if (field == "clockIdentity" && !aIsBetter)
        {
            // Swap the identities so that B holds the lower (better) one.
            optA = optA with { ClockIdentity = IdB };
            optB = optB with { ClockIdentity = IdA };
        }
        var winnerId = aIsBetter ? optA.ClockIdentity : optB.ClockIdentity;

        var net = new SimNetwork(7);
        var port = new PortOptions();
        var a = net.AddNode("gmA", ReportScenarios.HwStamps(), optA, port);
        var b = net.AddNode("gmB", ReportScenarios.HwStamps(), optB, port);
        var slave = net.AddNode("slave", ReportScenarios.HwStamps(10_000), optA with { ClockIdentity = SimNetwork.IdentityFor(3), SlaveOnly = true, Priority1 = 128, Priority2 = 128 }, port);
        net.Lan("lan", ReportScenarios.HwLink(), (a, 0), (b, 0), (slave, 0));
        net.StartAll();
        net.RunUntil(30 * S);

        var winner = aIsBetter ? a : b;
        var loser = aIsBetter ? b : a;
        Assert.Equal(winnerId, slave.Engine.ParentDataSet.GrandmasterIdentity);
        Assert.True(PortStateNames.IsSlave(slave.State()), $"slave is {slave.State()}");
        Assert.Contains(winner.State(), new[] { PortState.Master, PortState.GrandMaster });
        Assert.DoesNotContain(loser.State(), new[] { PortState.Master, PortState.GrandMaster, PortState.PreMaster });
        if (field == "clockClass")
        {
            // Classes 1..127 never become slaves: the worse one goes PASSIVE and stays its own parent (9.3.3, P1).
            Assert.Equal(PortState.Passive, loser.State());
            Assert.Equal(loser.Engine.DefaultDataSet.ClockIdentity, loser.Engine.ParentDataSet.GrandmasterIdentity);
        }
        else
        {
            // A class-248 ordinary clock that hears a better master synchronises to it.
            Assert.True(PortStateNames.IsSlave(loser.State()), $"worse candidate is {loser.State()}");
            Assert.Equal(winnerId, loser.Engine.ParentDataSet.GrandmasterIdentity);
        }
    }
}
