namespace Ptp4Net.Messages;

/// <summary>
/// flagField (IEEE 1588-2019 Table 37) as one big-endian 16-bit value: octet 0 in the high byte, octet 1 in the
/// low byte. Bits with no name are kept as they arrive, so a parsed header writes back unchanged.
/// </summary>
[Flags]
public enum PtpFlags : ushort
{
    None = 0,
    // octet 1
    Leap61 = 0x0001,
    Leap59 = 0x0002,
    CurrentUtcOffsetValid = 0x0004,
    PtpTimescale = 0x0008,
    TimeTraceable = 0x0010,
    FrequencyTraceable = 0x0020,
    SynchronizationUncertain = 0x0040,
    // octet 0
    AlternateMaster = 0x0100,
    TwoStep = 0x0200,
    Unicast = 0x0400,
    ProfileSpecific1 = 0x2000,
    ProfileSpecific2 = 0x4000,
}
