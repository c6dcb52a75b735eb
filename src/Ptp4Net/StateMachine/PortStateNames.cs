namespace Ptp4Net.StateMachine;

/// <summary>ptp4l's spelling of states and events (fsm.c ps_str / ev_str) and the wire value of a state.</summary>
public static class PortStateNames
{
    public static string Name(PortState state) => state switch
    {
        PortState.Initializing => "INITIALIZING",
        PortState.Faulty => "FAULTY",
        PortState.Disabled => "DISABLED",
        PortState.Listening => "LISTENING",
        PortState.PreMaster => "PRE_MASTER",
        PortState.Master => "MASTER",
        PortState.Passive => "PASSIVE",
        PortState.Uncalibrated => "UNCALIBRATED",
        PortState.Slave => "SLAVE",
        PortState.GrandMaster => "GRAND_MASTER",
        _ => "UNKNOWN",
    };

    public static string Name(PortEvent ev) => ev switch
    {
        PortEvent.None => "NONE",
        PortEvent.Powerup => "POWERUP",
        PortEvent.Initialize => "INITIALIZE",
        PortEvent.DesignatedEnabled => "DESIGNATED_ENABLED",
        PortEvent.DesignatedDisabled => "DESIGNATED_DISABLED",
        PortEvent.FaultCleared => "FAULT_CLEARED",
        PortEvent.FaultDetected => "FAULT_DETECTED",
        PortEvent.StateDecisionEvent => "STATE_DECISION_EVENT",
        PortEvent.QualificationTimeoutExpires => "QUALIFICATION_TIMEOUT_EXPIRES",
        PortEvent.AnnounceReceiptTimeoutExpires => "ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES",
        PortEvent.SynchronizationFault => "SYNCHRONIZATION_FAULT",
        PortEvent.MasterClockSelected => "MASTER_CLOCK_SELECTED",
        PortEvent.InitComplete => "INIT_COMPLETE",
        PortEvent.RsMaster => "RS_MASTER",
        PortEvent.RsGrandMaster => "RS_GRAND_MASTER",
        PortEvent.RsSlave => "RS_SLAVE",
        PortEvent.RsPassive => "RS_PASSIVE",
        _ => "UNKNOWN",
    };

    /// <summary>portState as carried in PORT_DATA_SET (Table 20): GRAND_MASTER is MASTER there.</summary>
    public static byte WireValue(PortState state) => state == PortState.GrandMaster ? (byte)PortState.Master : (byte)state;

    /// <summary>True for the states in which a port transmits Announce and Sync.</summary>
    public static bool IsMaster(PortState state) => state is PortState.Master or PortState.GrandMaster;

    /// <summary>True for the states in which a port follows a master (9.2.5).</summary>
    public static bool IsSlave(PortState state) => state is PortState.Slave or PortState.Uncalibrated;
}
