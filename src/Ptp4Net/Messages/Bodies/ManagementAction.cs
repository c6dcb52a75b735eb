namespace Ptp4Net.Messages;

/// <summary>actionField of a management message (IEEE 1588-2019 Table 57). 5-15 are reserved.</summary>
public enum ManagementAction : byte
{
    Get = 0,
    Set = 1,
    Response = 2,
    Command = 3,
    Acknowledge = 4,
}
