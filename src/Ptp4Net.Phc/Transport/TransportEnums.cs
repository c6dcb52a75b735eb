namespace Ptp4Net.Phc.Transport;

/// <summary>linuxptp network_transport: UDPv4 (Annex C), UDPv6 (Annex D), L2 (Annex E, IEEE 802.3).</summary>
public enum NetworkTransport
{
    UdpV4,
    UdpV6,
    L2,
}

/// <summary>linuxptp time_stamping.</summary>
public enum TimeStampingMode
{
    Software,
    Hardware,
    /// <summary>SOF_TIMESTAMPING_SYS_HARDWARE (ts[1]); Linux removed it, so opening refuses it with an explanation.</summary>
    Legacy,
    /// <summary>Hardware, HWTSTAMP_TX_ONESTEP_SYNC: Sync carries its own origin time, no TX stamp for it.</summary>
    OneStep,
    /// <summary>Hardware, HWTSTAMP_TX_ONESTEP_P2P: also Pdelay_Resp is one-step.</summary>
    P2pOneStep,
}

/// <summary>linuxptp hwts_filter: how SIOCSHWTSTAMP's receive filter is chosen.</summary>
public enum HwtsFilterMode
{
    /// <summary>Ask for PTP v2 event, fall back to the transport's L4/L2 event filter, then to all.</summary>
    Normal,
    /// <summary>Only read the current setting (SIOCGHWTSTAMP) and check it is usable; set nothing.</summary>
    Check,
    /// <summary>Ask for HWTSTAMP_FILTER_ALL.</summary>
    Full,
}

/// <summary>Which of a port's two sockets: event messages (stamped, port 319) or general ones (port 320).</summary>
public enum PtpChannel
{
    Event,
    General,
}

/// <summary>Where a message goes: the transport's default multicast group, the peer-delay group, or a unicast peer.</summary>
public enum PtpDestination
{
    Primary,
    PeerDelay,
    Unicast,
}

/// <summary>Result of a per-message call; no exceptions on this path.</summary>
public enum TransportStatus
{
    Ok,
    /// <summary>Nothing to read right now (EAGAIN).</summary>
    WouldBlock,
    /// <summary>The message did not fit the caller's buffer; it was cut.</summary>
    Truncated,
    /// <summary>The kernel refused the call; see the errno.</summary>
    Error,
    /// <summary>The destination does not fit this transport (e.g. an IPv6 address on UDPv4).</summary>
    BadDestination,
    /// <summary>A frame that is not a PTP frame (L2: wrong EtherType) was dropped.</summary>
    NotPtp,
}

/// <summary>Where a packet time stamp came from.</summary>
public enum TimestampSource : byte
{
    None,
    /// <summary>ts[0]: CLOCK_REALTIME when the kernel saw the packet.</summary>
    Software,
    /// <summary>ts[2]: the PHC of the timestamping provider, in its own timescale.</summary>
    Hardware,
}
