namespace Ptp4Net.DataSets;

/// <summary>delayMechanism (IEEE 1588-2019 Table 21); linuxptp `delay_mechanism` E2E | P2P | Auto (Auto is treated as E2E
/// until a Pdelay_Req is heard, as ptp4l).</summary>
public enum DelayMechanism : byte
{
    E2E = 0x01,
    P2P = 0x02,
    NoMechanism = 0xFE,
    /// <summary>linuxptp's Auto (not a wire value).</summary>
    Auto = 0xFF,
}
