namespace Ptp4Net.Messages;

/// <summary>timeSource (IEEE 1588-2019 Table 6). Other values are kept as numbers.</summary>
public enum TimeSource : byte
{
    AtomicClock = 0x10,
    Gnss = 0x20,
    TerrestrialRadio = 0x30,
    SerialTimeCode = 0x39,
    Ptp = 0x40,
    Ntp = 0x50,
    HandSet = 0x60,
    Other = 0x90,
    InternalOscillator = 0xA0,
}
