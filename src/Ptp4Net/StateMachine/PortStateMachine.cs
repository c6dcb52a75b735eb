namespace Ptp4Net.StateMachine;

/// <summary>
/// The port state machine as pure functions (IEEE 1588-2019 9.2.5, Figures 30 and 31), with linuxptp's choices
/// where the figure leaves room (fsm.c ptp_fsm, ptp_slave_fsm). No side effects: the engine applies the result.
/// </summary>
public static class PortStateMachine
{
    /// <summary>Next state for the given role.</summary>
    /// <param name="masterChanged">For RS_SLAVE in SLAVE: true when the selected parent differs from the
    /// previous one, which sends the port back to UNCALIBRATED (9.2.5 "new master").</param>
    public static PortState Next(PortRole role, PortState state, PortEvent ev, bool masterChanged) => role switch
    {
        PortRole.ClientOnly => NextClientOnly(state, ev, masterChanged),
        PortRole.ServerOnly => NextServerOnly(state, ev),
        _ => NextNormal(state, ev, masterChanged),
    };

    /// <summary>Figure 30, as linuxptp's ptp_fsm.</summary>
    public static PortState NextNormal(PortState state, PortEvent ev, bool masterChanged)
    {
        if (TryCommon(state, ev, out var common)) return common;
        switch (state)
        {
            case PortState.Listening:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires => PortState.Master,
                    PortEvent.RsMaster => PortState.PreMaster,
                    PortEvent.RsGrandMaster => PortState.GrandMaster,
                    PortEvent.RsSlave => PortState.Uncalibrated,
                    PortEvent.RsPassive => PortState.Passive,
                    _ => state,
                };
            case PortState.PreMaster:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.QualificationTimeoutExpires => PortState.Master,
                    PortEvent.RsSlave => PortState.Uncalibrated,
                    PortEvent.RsPassive => PortState.Passive,
                    _ => state,
                };
            case PortState.Master:
            case PortState.GrandMaster:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.RsSlave => PortState.Uncalibrated,
                    PortEvent.RsPassive => PortState.Passive,
                    _ => state,
                };
            case PortState.Passive:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires => PortState.Master,
                    PortEvent.RsMaster => PortState.PreMaster,
                    PortEvent.RsGrandMaster => PortState.GrandMaster,
                    PortEvent.RsSlave => PortState.Uncalibrated,
                    _ => state,
                };
            case PortState.Uncalibrated:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires => PortState.Master,
                    PortEvent.MasterClockSelected => PortState.Slave,
                    PortEvent.RsMaster => PortState.PreMaster,
                    PortEvent.RsGrandMaster => PortState.GrandMaster,
                    PortEvent.RsSlave => PortState.Uncalibrated,
                    PortEvent.RsPassive => PortState.Passive,
                    _ => state,
                };
            case PortState.Slave:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires => PortState.Master,
                    PortEvent.SynchronizationFault => PortState.Uncalibrated,
                    PortEvent.RsMaster => PortState.PreMaster,
                    PortEvent.RsGrandMaster => PortState.GrandMaster,
                    PortEvent.RsSlave => masterChanged ? PortState.Uncalibrated : state,
                    PortEvent.RsPassive => PortState.Passive,
                    _ => state,
                };
            default:
                return state;
        }
    }

    /// <summary>slaveOnly (9.2.2.2), as linuxptp's ptp_slave_fsm: whatever would make the port a master or
    /// passive sends it back to LISTENING.</summary>
    public static PortState NextClientOnly(PortState state, PortEvent ev, bool masterChanged)
    {
        if (TryCommon(state, ev, out var common)) return common;
        switch (state)
        {
            case PortState.Listening:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.RsSlave => PortState.Uncalibrated,
                    _ => state,
                };
            case PortState.Uncalibrated:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires or PortEvent.RsMaster or PortEvent.RsGrandMaster
                        or PortEvent.RsPassive => PortState.Listening,
                    PortEvent.MasterClockSelected => PortState.Slave,
                    _ => state,
                };
            case PortState.Slave:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires or PortEvent.RsMaster or PortEvent.RsGrandMaster
                        or PortEvent.RsPassive => PortState.Listening,
                    PortEvent.SynchronizationFault => PortState.Uncalibrated,
                    PortEvent.RsSlave => masterChanged ? PortState.Uncalibrated : state,
                    _ => state,
                };
            default:
                // PRE_MASTER, MASTER, PASSIVE are unreachable for a client-only port; linuxptp leaves them alone.
                return state;
        }
    }

    /// <summary>masterOnly (9.2.2.1): Figure 30 without the slave and passive branches. A recommendation to be
    /// slave or passive is ignored: the port keeps serving time.</summary>
    public static PortState NextServerOnly(PortState state, PortEvent ev)
    {
        if (TryCommon(state, ev, out var common)) return common;
        switch (state)
        {
            case PortState.Listening:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.AnnounceReceiptTimeoutExpires => PortState.Master,
                    PortEvent.RsMaster => PortState.PreMaster,
                    PortEvent.RsGrandMaster => PortState.GrandMaster,
                    _ => state,
                };
            case PortState.PreMaster:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    PortEvent.QualificationTimeoutExpires => PortState.Master,
                    _ => state,
                };
            case PortState.Master:
            case PortState.GrandMaster:
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    _ => state,
                };
            default:
                // PASSIVE, UNCALIBRATED, SLAVE are unreachable for a server-only port.
                return ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultDetected => PortState.Faulty,
                    _ => state,
                };
        }
    }

    /// <summary>
    /// The cells every role shares: INITIALIZE/POWERUP restart the port; INITIALIZING completes synchronously
    /// (9.2.6.4), whatever arrives next ends it; FAULTY and DISABLED leave only on their own events.
    /// </summary>
    private static bool TryCommon(PortState state, PortEvent ev, out PortState next)
    {
        if (ev is PortEvent.Initialize or PortEvent.Powerup)
        {
            next = PortState.Initializing;
            return true;
        }
        switch (state)
        {
            case PortState.Initializing:
                next = PortState.Listening;
                return true;
            case PortState.Faulty:
                next = ev switch
                {
                    PortEvent.DesignatedDisabled => PortState.Disabled,
                    PortEvent.FaultCleared => PortState.Initializing,
                    _ => state,
                };
                return true;
            case PortState.Disabled:
                next = ev == PortEvent.DesignatedEnabled ? PortState.Initializing : state;
                return true;
            default:
                next = state;
                return false;
        }
    }
}
