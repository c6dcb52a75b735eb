namespace Ptp4Net.Messages;

/// <summary>managementErrorId of MANAGEMENT_ERROR_STATUS (IEEE 1588-2019 Table 109; linuxptp tlv.h).</summary>
public enum ManagementErrorId : ushort
{
    ResponseTooBig = 0x0001,
    NoSuchId = 0x0002,
    WrongLength = 0x0003,
    WrongValue = 0x0004,
    NotSetable = 0x0005,
    NotSupported = 0x0006,
    GeneralError = 0xFFFE,
}
