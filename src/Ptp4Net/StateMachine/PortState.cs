namespace Ptp4Net.StateMachine;

/// <summary>
/// Port states of IEEE 1588-2019 9.2.5 (Table 20), plus linuxptp's GRAND_MASTER: a MASTER port whose clock is
/// the grandmaster (ptp4l keeps it separate so that the state-change log says which role was taken). On the
/// wire and in PORT_DATA_SET, <see cref="GrandMaster"/> is reported as MASTER (see <see cref="PortStateNames.WireValue"/>).
/// The numeric values of the standard states are the portState values of Table 20.
/// </summary>
public enum PortState : byte
{
    Initializing = 1,
    Faulty = 2,
    Disabled = 3,
    Listening = 4,
    PreMaster = 5,
    Master = 6,
    Passive = 7,
    Uncalibrated = 8,
    Slave = 9,
    GrandMaster = 10,
}
