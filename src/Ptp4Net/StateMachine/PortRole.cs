namespace Ptp4Net.StateMachine;

/// <summary>Which transition table a port uses.</summary>
public enum PortRole : byte
{
    /// <summary>The full state machine (IEEE 1588-2019 Figure 30; linuxptp ptp_fsm).</summary>
    Normal,
    /// <summary>slaveOnly / clientOnly: never MASTER or PASSIVE (9.2.2.2; linuxptp ptp_slave_fsm).</summary>
    ClientOnly,
    /// <summary>masterOnly / serverOnly: never UNCALIBRATED, SLAVE or PASSIVE (9.2.2.1, Figure 31).</summary>
    ServerOnly,
}
