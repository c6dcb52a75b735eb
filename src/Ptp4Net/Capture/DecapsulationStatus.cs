namespace Ptp4Net.Capture;

/// <summary>Outcome of <see cref="PtpDecapsulator.TryDecapsulate"/>: a PTP payload or why the frame is not one.</summary>
public enum DecapsulationStatus : byte
{
    Ptp,
    UnsupportedLinkType,
    /// <summary>The frame ends inside a link, network or transport header.</summary>
    TruncatedHeader,
    /// <summary>Neither IPv4, IPv6 nor 0x88F7 (ARP, LLDP, 802.3 length frames, ...).</summary>
    OtherEtherType,
    TooManyVlanTags,
    BadIPHeader,
    /// <summary>An IPv4 or IPv6 fragment other than the first: no UDP header to look at.</summary>
    NonFirstFragment,
    TooManyExtensionHeaders,
    /// <summary>IP but not UDP (TCP, ICMP, ...).</summary>
    NotUdp,
    BadUdpLength,
    /// <summary>UDP but neither port is 319 or 320.</summary>
    OtherUdpPort,
}
