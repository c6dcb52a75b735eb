namespace Ptp4Net.Capture;

/// <summary>
/// The LINKTYPE_ values of pcap and pcapng (tcpdump.org link-layer header types) that the decapsulator
/// understands. Other values are carried through as numbers and their frames are skipped.
/// </summary>
public enum LinkType : ushort
{
    /// <summary>LINKTYPE_ETHERNET: IEEE 802.3 Ethernet.</summary>
    Ethernet = 1,
    /// <summary>LINKTYPE_RAW: a raw IPv4 or IPv6 packet, version in the first nibble.</summary>
    Raw = 101,
    /// <summary>LINKTYPE_LINUX_SLL: Linux "cooked" capture v1 (tcpdump -i any), 16-octet header.</summary>
    LinuxSll = 113,
    /// <summary>LINKTYPE_IPV4: a raw IPv4 packet.</summary>
    IPv4 = 228,
    /// <summary>LINKTYPE_IPV6: a raw IPv6 packet.</summary>
    IPv6 = 229,
    /// <summary>LINKTYPE_LINUX_SLL2: Linux "cooked" capture v2 (tshark -i any), 20-octet header.</summary>
    LinuxSll2 = 276,
}
