using System.Buffers.Binary;

namespace Ptp4Net.Capture;

/// <summary>
/// Finds the PTP message in a captured frame: Ethernet (with any number of 802.1Q / 802.1ad tags up to
/// <see cref="MaxVlanTags"/>), Linux cooked captures (SLL, SLL2) and raw IP; then IPv4 or IPv6 (extension
/// headers skipped, up to <see cref="MaxExtensionHeaders"/>), UDP port 319 or 320 in either direction, or
/// EtherType 0x88F7. Every header length is checked against the frame before it is used; nothing allocates.
/// </summary>
public static class PtpDecapsulator
{
    public const int MaxVlanTags = 8;
    public const int MaxExtensionHeaders = 16;

    public const ushort EtherTypeIPv4 = 0x0800;
    public const ushort EtherTypeIPv6 = 0x86DD;
    public const ushort EtherTypePtp = 0x88F7;
    public const ushort EtherTypeVlan = 0x8100;   // IEEE 802.1Q C-tag
    public const ushort EtherTypeQinQ = 0x88A8;   // IEEE 802.1ad S-tag
    public const ushort EtherTypeQinQOld = 0x9100; // pre-standard double tagging
    public const ushort PtpEventPort = 319;
    public const ushort PtpGeneralPort = 320;

    // Ethernet II: destination(6) source(6) EtherType(2)
    private const int EthernetHeaderLength = 14;
    private const int EthernetSourceOffset = 6;
    private const int VlanTagLength = 4;
    // Linux SLL: packet_type(2) ARPHRD(2) addr_len(2) addr(8) protocol(2)
    private const int SllHeaderLength = 16;
    private const int SllAddrLenOffset = 4;
    private const int SllAddrOffset = 6;
    private const int SllProtocolOffset = 14;
    // Linux SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet_type(1) addr_len(1) addr(8)
    private const int Sll2HeaderLength = 20;
    private const int Sll2AddrLenOffset = 11;
    private const int Sll2AddrOffset = 12;
    // IPv4 (RFC 791): version/IHL(1) DSCP(1) total length(2) id(2) flags/fragment offset(2) TTL(1)
    // protocol(1) checksum(2) source(4) destination(4) options
    private const int IPv4MinHeaderLength = 20;
    private const int IPv4TotalLengthOffset = 2;
    private const int IPv4FragmentOffset = 6;
    private const int IPv4ProtocolOffset = 9;
    private const int IPv4SourceOffset = 12;
    // IPv6 (RFC 8200): version/class/flow(4) payload length(2) next header(1) hop limit(1) source(16) destination(16)
    private const int IPv6HeaderLength = 40;
    private const int IPv6PayloadLengthOffset = 4;
    private const int IPv6NextHeaderOffset = 6;
    private const int IPv6SourceOffset = 8;
    // UDP (RFC 768): source port(2) destination port(2) length(2) checksum(2)
    private const int UdpHeaderLength = 8;
    private const byte ProtocolUdp = 17;
    private const byte Ipv6HopByHop = 0, Ipv6Routing = 43, Ipv6Fragment = 44, Ipv6Esp = 50, Ipv6Ah = 51,
        Ipv6NoNext = 59, Ipv6DestinationOptions = 60, Ipv6Mobility = 135, Ipv6Hip = 139, Ipv6Shim6 = 140;

    /// <summary>Decapsulates one frame of the given link type.</summary>
    public static DecapsulationStatus TryDecapsulate(LinkType linkType, ReadOnlySpan<byte> frame, out PtpPacket packet)
    {
        packet = default;
        switch (linkType)
        {
            case LinkType.Ethernet:
                if (frame.Length < EthernetHeaderLength) return DecapsulationStatus.TruncatedHeader;
                return FromEtherType(frame, EthernetHeaderLength - 2, EthernetSourceOffset, 6, out packet);

            case LinkType.LinuxSll:
            {
                if (frame.Length < SllHeaderLength) return DecapsulationStatus.TruncatedHeader;
                int addrLen = Math.Min((int)BinaryPrimitives.ReadUInt16BigEndian(frame[SllAddrLenOffset..]), 8);
                return FromEtherType(frame, SllProtocolOffset, SllAddrOffset, addrLen, out packet);
            }

            case LinkType.LinuxSll2:
            {
                if (frame.Length < Sll2HeaderLength) return DecapsulationStatus.TruncatedHeader;
                int addrLen = Math.Min((int)frame[Sll2AddrLenOffset], 8);
                // SLL2 puts the protocol first; the walk continues right after the 20-octet header.
                return FromEtherTypeAt(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), Sll2HeaderLength,
                    Sll2AddrOffset, addrLen, out packet);
            }

            case LinkType.Raw:
                if (frame.Length < 1) return DecapsulationStatus.TruncatedHeader;
                return (frame[0] >> 4) switch
                {
                    4 => FromIPv4(frame, 0, PacketNoVlan, out packet),
                    6 => FromIPv6(frame, 0, PacketNoVlan, out packet),
                    _ => DecapsulationStatus.BadIPHeader,
                };

            case LinkType.IPv4:
                return FromIPv4(frame, 0, PacketNoVlan, out packet);

            case LinkType.IPv6:
                return FromIPv6(frame, 0, PacketNoVlan, out packet);

            default:
                return DecapsulationStatus.UnsupportedLinkType;
        }
    }

    private const int PacketNoVlan = PtpPacket.NoVlan;

    private static DecapsulationStatus FromEtherType(ReadOnlySpan<byte> frame, int etherTypeOffset,
        int sourceOffset, int sourceLength, out PtpPacket packet) =>
        FromEtherTypeAt(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[etherTypeOffset..]), etherTypeOffset + 2,
            sourceOffset, sourceLength, out packet);

    /// <summary>Walks VLAN tags from <paramref name="next"/> (the offset after the EtherType) to the payload.</summary>
    private static DecapsulationStatus FromEtherTypeAt(ReadOnlySpan<byte> frame, ushort etherType, int next,
        int sourceOffset, int sourceLength, out PtpPacket packet)
    {
        packet = default;
        int vlan = PacketNoVlan;
        for (int tags = 0; etherType is EtherTypeVlan or EtherTypeQinQ or EtherTypeQinQOld; tags++)
        {
            if (tags == MaxVlanTags) return DecapsulationStatus.TooManyVlanTags;
            if (frame.Length < next + VlanTagLength) return DecapsulationStatus.TruncatedHeader;
            // TCI: PCP(3) DEI(1) VID(12). The innermost tag is the one reported (the customer VLAN).
            vlan = BinaryPrimitives.ReadUInt16BigEndian(frame[next..]) & 0x0FFF;
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(next + 2)..]);
            next += VlanTagLength;
        }
        switch (etherType)
        {
            case EtherTypePtp:
                packet = new PtpPacket(PtpTransport.Ethernet, next, frame.Length - next, sourceOffset,
                    sourceLength, 0, 0, vlan, false);
                return DecapsulationStatus.Ptp;
            case EtherTypeIPv4:
                return FromIPv4(frame, next, vlan, out packet);
            case EtherTypeIPv6:
                return FromIPv6(frame, next, vlan, out packet);
            default:
                return DecapsulationStatus.OtherEtherType;
        }
    }

    private static DecapsulationStatus FromIPv4(ReadOnlySpan<byte> frame, int ip, int vlan, out PtpPacket packet)
    {
        packet = default;
        if (frame.Length < ip + IPv4MinHeaderLength) return DecapsulationStatus.TruncatedHeader;
        var h = frame[ip..];
        if (h[0] >> 4 != 4) return DecapsulationStatus.BadIPHeader;
        int headerLength = (h[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(h[IPv4TotalLengthOffset..]);
        if (headerLength < IPv4MinHeaderLength || totalLength < headerLength) return DecapsulationStatus.BadIPHeader;
        if (h.Length < headerLength) return DecapsulationStatus.TruncatedHeader;
        // flags(3) fragment offset(13): a later fragment holds no UDP header (RFC 791 3.2).
        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(h[IPv4FragmentOffset..]);
        if ((fragment & 0x1FFF) != 0)
            return DecapsulationStatus.NonFirstFragment;
        bool moreFragments = (fragment & 0x2000) != 0;
        if (h[IPv4ProtocolOffset] != ProtocolUdp) return DecapsulationStatus.NotUdp;
        // Ethernet pads short frames: the IP total length, not the frame, bounds the datagram.
        int ipEnd = ip + totalLength;
        return FromUdp(frame, PtpTransport.UdpIPv4, ip + headerLength, ipEnd, moreFragments, ip + IPv4SourceOffset, 4,
            vlan, out packet);
    }

    private static DecapsulationStatus FromIPv6(ReadOnlySpan<byte> frame, int ip, int vlan, out PtpPacket packet)
    {
        packet = default;
        if (frame.Length < ip + IPv6HeaderLength) return DecapsulationStatus.TruncatedHeader;
        var h = frame[ip..];
        if (h[0] >> 4 != 6) return DecapsulationStatus.BadIPHeader;
        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(h[IPv6PayloadLengthOffset..]);
        if (payloadLength == 0) return DecapsulationStatus.BadIPHeader; // jumbogram or empty: never PTP
        int ipEnd = ip + IPv6HeaderLength + payloadLength;
        byte nextHeader = h[IPv6NextHeaderOffset];
        bool moreFragments = false;
        int p = ip + IPv6HeaderLength;
        for (int count = 0; nextHeader != ProtocolUdp; count++)
        {
            if (count == MaxExtensionHeaders) return DecapsulationStatus.TooManyExtensionHeaders;
            switch (nextHeader)
            {
                case Ipv6HopByHop or Ipv6Routing or Ipv6DestinationOptions or Ipv6Mobility or Ipv6Hip or Ipv6Shim6:
                {
                    // next header(1) length in 8-octet units not counting the first 8 (RFC 8200 4.3-4.6)
                    if (frame.Length < p + 2) return DecapsulationStatus.TruncatedHeader;
                    nextHeader = frame[p];
                    p += 8 + frame[p + 1] * 8;
                    break;
                }
                case Ipv6Fragment:
                {
                    // next header(1) reserved(1) offset(13)/res(2)/M(1) identification(4) (RFC 8200 4.5)
                    if (frame.Length < p + 8) return DecapsulationStatus.TruncatedHeader;
                    ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(frame[(p + 2)..]);
                    if ((fragment & 0xFFF8) != 0)
                        return DecapsulationStatus.NonFirstFragment;
                    moreFragments = (fragment & 1) != 0;
                    nextHeader = frame[p];
                    p += 8;
                    break;
                }
                case Ipv6Ah:
                {
                    // AH length is in 4-octet units minus 2 (RFC 4302 2.2)
                    if (frame.Length < p + 2) return DecapsulationStatus.TruncatedHeader;
                    nextHeader = frame[p];
                    p += (frame[p + 1] + 2) * 4;
                    break;
                }
                case Ipv6NoNext or Ipv6Esp:
                    return DecapsulationStatus.NotUdp; // nothing follows, or it is encrypted
                default:
                    return DecapsulationStatus.NotUdp;
            }
            if (p > ipEnd) return DecapsulationStatus.BadIPHeader;
        }
        return FromUdp(frame, PtpTransport.UdpIPv6, p, ipEnd, moreFragments, ip + IPv6SourceOffset, 16, vlan, out packet);
    }

    private static DecapsulationStatus FromUdp(ReadOnlySpan<byte> frame, PtpTransport transport, int udp, int ipEnd,
        bool firstOfFragments, int sourceOffset, int sourceLength, int vlan, out PtpPacket packet)
    {
        packet = default;
        if (frame.Length < udp + UdpHeaderLength) return DecapsulationStatus.TruncatedHeader;
        if (ipEnd < udp + UdpHeaderLength) return DecapsulationStatus.BadIPHeader;
        ushort sport = BinaryPrimitives.ReadUInt16BigEndian(frame[udp..]);
        ushort dport = BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 2)..]);
        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 4)..]);
        if (sport is not (PtpEventPort or PtpGeneralPort) && dport is not (PtpEventPort or PtpGeneralPort))
            return DecapsulationStatus.OtherUdpPort;
        if (udpLength < UdpHeaderLength) return DecapsulationStatus.BadUdpLength;
        // The first of several fragments carries the UDP length of the whole datagram; it is dumped as
        // far as it goes (not reassembled) and marked truncated.
        if (udp + udpLength > ipEnd && !firstOfFragments) return DecapsulationStatus.BadUdpLength;
        int payload = udp + UdpHeaderLength;
        int end = Math.Min(udp + udpLength, ipEnd);
        bool truncated = udp + udpLength > ipEnd;
        // A capture cut by its snapshot length holds less than the IP length says.
        if (end > frame.Length)
        {
            end = frame.Length;
            truncated = true;
        }
        int length = end - payload;
        packet = new PtpPacket(transport, payload, length, sourceOffset, sourceLength, sport, dport, vlan, truncated);
        return DecapsulationStatus.Ptp;
    }
}
