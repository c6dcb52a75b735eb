namespace Ptp4Net.StateMachine;

/// <summary>
/// Events of the port state machine (IEEE 1588-2019 9.2.6, Figure 30), named and ordered as linuxptp's
/// fsm.h so that the log text matches ptp4l ("... on RS_SLAVE").
/// </summary>
public enum PortEvent : byte
{
    None = 0,
    Powerup,
    Initialize,
    DesignatedEnabled,
    DesignatedDisabled,
    FaultCleared,
    FaultDetected,
    StateDecisionEvent,
    QualificationTimeoutExpires,
    AnnounceReceiptTimeoutExpires,
    SynchronizationFault,
    MasterClockSelected,
    InitComplete,
    RsMaster,
    RsGrandMaster,
    RsSlave,
    RsPassive,
}
