namespace Ptp4Net.Capture;

/// <summary>How a PTP message travelled (IEEE 1588-2019 Annexes C, D and E).</summary>
public enum PtpTransport : byte
{
    /// <summary>UDP over IPv4 (Annex C), ports 319 (event) and 320 (general).</summary>
    UdpIPv4,
    /// <summary>UDP over IPv6 (Annex D), ports 319 and 320.</summary>
    UdpIPv6,
    /// <summary>IEEE 802.3 Ethernet, EtherType 0x88F7 (Annex E).</summary>
    Ethernet,
}
