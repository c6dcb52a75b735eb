using Ptp4Net.StateMachine;
using S = Ptp4Net.StateMachine.PortState;
using E = Ptp4Net.StateMachine.PortEvent;

namespace Ptp4Net.Tests.StateMachine;

/// <summary>
/// Every (state, event) cell of the three transition tables, against tables transcribed here from IEEE 1588-2019
/// Figure 30 / 31 and linuxptp fsm.c: the listed cells move, every other cell stays put.
/// </summary>
public class PortStateMachineTests
{
    private static readonly S[] AllStates = Enum.GetValues<S>();
    private static readonly E[] AllEvents = Enum.GetValues<E>();

    // Figure 30 (ptp_fsm). Cells not listed keep the state. Powerup/Initialize and INITIALIZING are handled apart.
    private static readonly Dictionary<(S, E), S> Normal = new()
    {
        [(S.Faulty, E.DesignatedDisabled)] = S.Disabled,
        [(S.Faulty, E.FaultCleared)] = S.Initializing,
        [(S.Disabled, E.DesignatedEnabled)] = S.Initializing,

        [(S.Listening, E.DesignatedDisabled)] = S.Disabled,
        [(S.Listening, E.FaultDetected)] = S.Faulty,
        [(S.Listening, E.AnnounceReceiptTimeoutExpires)] = S.Master,
        [(S.Listening, E.RsMaster)] = S.PreMaster,
        [(S.Listening, E.RsGrandMaster)] = S.GrandMaster,
        [(S.Listening, E.RsSlave)] = S.Uncalibrated,
        [(S.Listening, E.RsPassive)] = S.Passive,

        [(S.PreMaster, E.DesignatedDisabled)] = S.Disabled,
        [(S.PreMaster, E.FaultDetected)] = S.Faulty,
        [(S.PreMaster, E.QualificationTimeoutExpires)] = S.Master,
        [(S.PreMaster, E.RsSlave)] = S.Uncalibrated,
        [(S.PreMaster, E.RsPassive)] = S.Passive,

        [(S.Master, E.DesignatedDisabled)] = S.Disabled,
        [(S.Master, E.FaultDetected)] = S.Faulty,
        [(S.Master, E.RsSlave)] = S.Uncalibrated,
        [(S.Master, E.RsPassive)] = S.Passive,
        [(S.GrandMaster, E.DesignatedDisabled)] = S.Disabled,
        [(S.GrandMaster, E.FaultDetected)] = S.Faulty,
        [(S.GrandMaster, E.RsSlave)] = S.Uncalibrated,
        [(S.GrandMaster, E.RsPassive)] = S.Passive,

        [(S.Passive, E.DesignatedDisabled)] = S.Disabled,
        [(S.Passive, E.FaultDetected)] = S.Faulty,
        [(S.Passive, E.AnnounceReceiptTimeoutExpires)] = S.Master,
        [(S.Passive, E.RsMaster)] = S.PreMaster,
        [(S.Passive, E.RsGrandMaster)] = S.GrandMaster,
        [(S.Passive, E.RsSlave)] = S.Uncalibrated,

        [(S.Uncalibrated, E.DesignatedDisabled)] = S.Disabled,
        [(S.Uncalibrated, E.FaultDetected)] = S.Faulty,
        [(S.Uncalibrated, E.AnnounceReceiptTimeoutExpires)] = S.Master,
        [(S.Uncalibrated, E.MasterClockSelected)] = S.Slave,
        [(S.Uncalibrated, E.RsMaster)] = S.PreMaster,
        [(S.Uncalibrated, E.RsGrandMaster)] = S.GrandMaster,
        [(S.Uncalibrated, E.RsPassive)] = S.Passive,

        [(S.Slave, E.DesignatedDisabled)] = S.Disabled,
        [(S.Slave, E.FaultDetected)] = S.Faulty,
        [(S.Slave, E.AnnounceReceiptTimeoutExpires)] = S.Master,
        [(S.Slave, E.SynchronizationFault)] = S.Uncalibrated,
        [(S.Slave, E.RsMaster)] = S.PreMaster,
        [(S.Slave, E.RsGrandMaster)] = S.GrandMaster,
        [(S.Slave, E.RsPassive)] = S.Passive,
    };

    // slaveOnly (ptp_slave_fsm): master-ish recommendations and timeouts go back to LISTENING.
    private static readonly Dictionary<(S, E), S> ClientOnly = new()
    {
        [(S.Faulty, E.DesignatedDisabled)] = S.Disabled,
        [(S.Faulty, E.FaultCleared)] = S.Initializing,
        [(S.Disabled, E.DesignatedEnabled)] = S.Initializing,

        [(S.Listening, E.DesignatedDisabled)] = S.Disabled,
        [(S.Listening, E.FaultDetected)] = S.Faulty,
        [(S.Listening, E.RsSlave)] = S.Uncalibrated,

        [(S.Uncalibrated, E.DesignatedDisabled)] = S.Disabled,
        [(S.Uncalibrated, E.FaultDetected)] = S.Faulty,
        [(S.Uncalibrated, E.AnnounceReceiptTimeoutExpires)] = S.Listening,
        [(S.Uncalibrated, E.RsMaster)] = S.Listening,
        [(S.Uncalibrated, E.RsGrandMaster)] = S.Listening,
        [(S.Uncalibrated, E.RsPassive)] = S.Listening,
        [(S.Uncalibrated, E.MasterClockSelected)] = S.Slave,

        [(S.Slave, E.DesignatedDisabled)] = S.Disabled,
        [(S.Slave, E.FaultDetected)] = S.Faulty,
        [(S.Slave, E.AnnounceReceiptTimeoutExpires)] = S.Listening,
        [(S.Slave, E.RsMaster)] = S.Listening,
        [(S.Slave, E.RsGrandMaster)] = S.Listening,
        [(S.Slave, E.RsPassive)] = S.Listening,
        [(S.Slave, E.SynchronizationFault)] = S.Uncalibrated,
    };

    // masterOnly (Figure 31 without slave/passive): slave and passive recommendations are ignored.
    private static readonly Dictionary<(S, E), S> ServerOnly = new()
    {
        [(S.Faulty, E.DesignatedDisabled)] = S.Disabled,
        [(S.Faulty, E.FaultCleared)] = S.Initializing,
        [(S.Disabled, E.DesignatedEnabled)] = S.Initializing,

        [(S.Listening, E.DesignatedDisabled)] = S.Disabled,
        [(S.Listening, E.FaultDetected)] = S.Faulty,
        [(S.Listening, E.AnnounceReceiptTimeoutExpires)] = S.Master,
        [(S.Listening, E.RsMaster)] = S.PreMaster,
        [(S.Listening, E.RsGrandMaster)] = S.GrandMaster,

        [(S.PreMaster, E.DesignatedDisabled)] = S.Disabled,
        [(S.PreMaster, E.FaultDetected)] = S.Faulty,
        [(S.PreMaster, E.QualificationTimeoutExpires)] = S.Master,

        [(S.Master, E.DesignatedDisabled)] = S.Disabled,
        [(S.Master, E.FaultDetected)] = S.Faulty,
        [(S.GrandMaster, E.DesignatedDisabled)] = S.Disabled,
        [(S.GrandMaster, E.FaultDetected)] = S.Faulty,

        [(S.Passive, E.DesignatedDisabled)] = S.Disabled,
        [(S.Passive, E.FaultDetected)] = S.Faulty,
        [(S.Uncalibrated, E.DesignatedDisabled)] = S.Disabled,
        [(S.Uncalibrated, E.FaultDetected)] = S.Faulty,
        [(S.Slave, E.DesignatedDisabled)] = S.Disabled,
        [(S.Slave, E.FaultDetected)] = S.Faulty,
    };

    public static IEnumerable<object[]> Cells(PortRole role)
    {
        foreach (var s in AllStates)
            foreach (var e in AllEvents)
                foreach (var mdiff in new[] { false, true })
                    yield return [role, s, e, mdiff];
    }

    public static IEnumerable<object[]> NormalCells() => Cells(PortRole.Normal);
    public static IEnumerable<object[]> ClientOnlyCells() => Cells(PortRole.ClientOnly);
    public static IEnumerable<object[]> ServerOnlyCells() => Cells(PortRole.ServerOnly);

    private static S Expected(PortRole role, S s, E e, bool mdiff)
    {
        if (e is E.Powerup or E.Initialize) return S.Initializing;
        if (s == S.Initializing) return S.Listening;
        // 9.2.5: a new master (different parent) while SLAVE restarts calibration.
        if (role != PortRole.ServerOnly && s == S.Slave && e == E.RsSlave) return mdiff ? S.Uncalibrated : S.Slave;
        if (role == PortRole.Normal && s == S.Uncalibrated && e == E.RsSlave) return S.Uncalibrated;
        var table = role switch { PortRole.ClientOnly => ClientOnly, PortRole.ServerOnly => ServerOnly, _ => Normal };
        return table.TryGetValue((s, e), out var next) ? next : s;
    }

    [Theory]
    [MemberData(nameof(NormalCells))]
    [MemberData(nameof(ClientOnlyCells))]
    [MemberData(nameof(ServerOnlyCells))]
    public void Every_cell_follows_the_table(PortRole role, S state, E ev, bool masterChanged)
    {
        Assert.Equal(Expected(role, state, ev, masterChanged), PortStateMachine.Next(role, state, ev, masterChanged));
    }

    [Fact]
    public void Client_only_never_reaches_a_master_or_passive_state_from_listening()
    {
        foreach (var e in AllEvents)
        {
            var next = PortStateMachine.NextClientOnly(S.Listening, e, false);
            Assert.DoesNotContain(next, new[] { S.Master, S.GrandMaster, S.PreMaster, S.Passive });
        }
    }

    [Fact]
    public void Server_only_never_reaches_a_slave_state()
    {
        foreach (var s in AllStates)
            foreach (var e in AllEvents)
                Assert.DoesNotContain(PortStateMachine.NextServerOnly(s, e), new[] { S.Uncalibrated, S.Slave, S.Passive }.Where(x => x != s));
    }

    [Fact]
    public void Names_are_ptp4l_spelling()
    {
        Assert.Equal("UNCALIBRATED", PortStateNames.Name(S.Uncalibrated));
        Assert.Equal("PRE_MASTER", PortStateNames.Name(S.PreMaster));
        Assert.Equal("GRAND_MASTER", PortStateNames.Name(S.GrandMaster));
        Assert.Equal("ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES", PortStateNames.Name(E.AnnounceReceiptTimeoutExpires));
        Assert.Equal("RS_SLAVE", PortStateNames.Name(E.RsSlave));
        Assert.Equal("INIT_COMPLETE", PortStateNames.Name(E.InitComplete));
        Assert.Equal(6, PortStateNames.WireValue(S.GrandMaster));
        Assert.Equal(9, PortStateNames.WireValue(S.Slave));
    }
}
