using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ptp4Net.Capture;

/// <summary>
/// Builds the frames that carry PTP (IEEE 1588-2019 Annexes C, D, E) for capture files made by our tools
/// and tests: IPv4/UDP and IPv6/UDP with correct checksums (RFC 791, RFC 768, RFC 8200 8.1), optional IPv6
/// extension headers and IPv4 fragmentation, Ethernet II with any number of 802.1Q tags.
/// Set-up code: allocates freely, throws on bad arguments.
/// </summary>
public static class FrameBuilder
{
    /// <summary>01-1B-19-00-00-00: the PTP multicast address for all messages but peer delay (Annex E).</summary>
    public static ReadOnlySpan<byte> PtpPrimaryMac => [0x01, 0x1B, 0x19, 0x00, 0x00, 0x00];
    /// <summary>01-80-C2-00-00-0E: the peer delay multicast address (Annex E).</summary>
    public static ReadOnlySpan<byte> PtpPdelayMac => [0x01, 0x80, 0xC2, 0x00, 0x00, 0x0E];
    /// <summary>224.0.1.129 (Annex C).</summary>
    public static IPAddress PtpPrimaryIPv4 { get; } = IPAddress.Parse("224.0.1.129");
    /// <summary>224.0.0.107, peer delay (Annex C).</summary>
    public static IPAddress PtpPdelayIPv4 { get; } = IPAddress.Parse("224.0.0.107");
    /// <summary>FF0E::181 (Annex D, global scope).</summary>
    public static IPAddress PtpPrimaryIPv6 { get; } = IPAddress.Parse("ff0e::181");
    /// <summary>FF02::6B, peer delay (Annex D).</summary>
    public static IPAddress PtpPdelayIPv6 { get; } = IPAddress.Parse("ff02::6b");

    private const int MinEthernetFrame = 60; // without FCS; shorter frames are padded

    /// <summary>Ethernet II frame; each VLAN id adds an 802.1Q tag (outermost first), priority 0.</summary>
    public static byte[] Ethernet(ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source, ushort etherType,
        ReadOnlySpan<byte> payload, params ReadOnlySpan<ushort> vlanIds)
    {
        if (destination.Length != 6 || source.Length != 6) throw new ArgumentException("MAC addresses have 6 octets");
        int header = 14 + 4 * vlanIds.Length;
        var f = new byte[Math.Max(MinEthernetFrame, header + payload.Length)];
        destination.CopyTo(f);
        source.CopyTo(f.AsSpan(6));
        int p = 12;
        foreach (ushort vid in vlanIds)
        {
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(p), PtpDecapsulator.EtherTypeVlan);
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(p + 2), (ushort)(vid & 0x0FFF));
            p += 4;
        }
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(p), etherType);
        payload.CopyTo(f.AsSpan(p + 2));
        return f;
    }

    /// <summary>An IPv4 packet holding one UDP datagram (TTL 1 as PTP multicast uses, DF clear).</summary>
    public static byte[] IPv4Udp(IPAddress source, IPAddress destination, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload, ushort identification = 0, byte ttl = 1)
    {
        Require(source, AddressFamily.InterNetwork);
        Require(destination, AddressFamily.InterNetwork);
        var udp = Udp(source, destination, sourcePort, destinationPort, payload);
        return IPv4(source, destination, 17, udp, identification, 0, false, ttl);
    }

    /// <summary>Splits an IPv4 packet (20-octet header) into fragments of at most <paramref name="maxFragmentPayload"/>
    /// octets of payload each (rounded down to a multiple of 8, RFC 791).</summary>
    public static List<byte[]> FragmentIPv4(ReadOnlySpan<byte> packet, int maxFragmentPayload)
    {
        int ihl = (packet[0] & 0x0F) * 4;
        if (ihl != 20) throw new ArgumentException("only option-less headers are fragmented here");
        int step = maxFragmentPayload & ~7;
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(maxFragmentPayload));
        var src = new IPAddress(packet.Slice(12, 4));
        var dst = new IPAddress(packet.Slice(16, 4));
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        var data = packet[ihl..BinaryPrimitives.ReadUInt16BigEndian(packet[2..])];
        var list = new List<byte[]>();
        for (int off = 0; off < data.Length; off += step)
        {
            int n = Math.Min(step, data.Length - off);
            list.Add(IPv4(src, dst, packet[9], data.Slice(off, n), id, off / 8, off + n < data.Length, packet[8]));
        }
        return list;
    }

    /// <summary>An IPv6 packet holding one UDP datagram. With <paramref name="extensionHeaders"/> it first
    /// carries that many option headers (a Hop-by-Hop, then Destination Options headers) padded with PadN.</summary>
    public static byte[] IPv6Udp(IPAddress source, IPAddress destination, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload, int extensionHeaders = 0, byte hopLimit = 1)
    {
        Require(source, AddressFamily.InterNetworkV6);
        Require(destination, AddressFamily.InterNetworkV6);
        var udp = Udp(source, destination, sourcePort, destinationPort, payload);
        int ext = 8 * extensionHeaders;
        var p = new byte[40 + ext + udp.Length];
        p[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(4), checked((ushort)(ext + udp.Length)));
        p[6] = extensionHeaders == 0 ? (byte)17 : (byte)0; // Hop-by-Hop must come first (RFC 8200 4.1)
        p[7] = hopLimit;
        source.GetAddressBytes().CopyTo(p, 8);
        destination.GetAddressBytes().CopyTo(p, 24);
        for (int i = 0; i < extensionHeaders; i++)
        {
            int h = 40 + 8 * i;
            p[h] = i == extensionHeaders - 1 ? (byte)17 : (byte)60; // then Destination Options
            p[h + 1] = 0;    // 8 octets in all
            p[h + 2] = 1;    // PadN
            p[h + 3] = 4;    // 4 octets of padding
        }
        udp.CopyTo(p, 40 + ext);
        return p;
    }

    private static byte[] IPv4(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> payload,
        ushort identification, int fragmentOffset8, bool moreFragments, byte ttl)
    {
        var p = new byte[20 + payload.Length];
        p[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), checked((ushort)p.Length));
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(4), identification);
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(6), (ushort)((moreFragments ? 0x2000 : 0) | fragmentOffset8));
        p[8] = ttl;
        p[9] = protocol;
        source.GetAddressBytes().CopyTo(p, 12);
        destination.GetAddressBytes().CopyTo(p, 16);
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(10), Checksum(0, p.AsSpan(0, 20)));
        payload.CopyTo(p.AsSpan(20));
        return p;
    }

    private static byte[] Udp(IPAddress source, IPAddress destination, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload)
    {
        var u = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(u, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(4), checked((ushort)u.Length));
        payload.CopyTo(u.AsSpan(8));
        // Pseudo-header: source, destination, protocol 17 and UDP length (RFC 768; RFC 8200 8.1 for IPv6).
        var s = source.GetAddressBytes();
        var d = destination.GetAddressBytes();
        var pseudo = new byte[s.Length + d.Length + 4];
        s.CopyTo(pseudo, 0);
        d.CopyTo(pseudo, s.Length);
        pseudo[^3] = 17;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo.AsSpan(pseudo.Length - 2), (ushort)u.Length);
        uint sum = Sum(Sum(0, pseudo), u);
        ushort c = Fold(sum);
        // A computed zero is sent as all ones: zero means "no checksum" (and is forbidden over IPv6).
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(6), c == 0 ? (ushort)0xFFFF : c);
        return u;
    }

    /// <summary>The Internet checksum (RFC 1071) of <paramref name="data"/> added to <paramref name="initial"/>.</summary>
    public static ushort Checksum(uint initial, ReadOnlySpan<byte> data) => Fold(Sum(initial, data));

    private static uint Sum(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length) sum += (uint)(data[i] << 8);
        return sum;
    }

    private static ushort Fold(uint sum)
    {
        while (sum >> 16 != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    private static void Require(IPAddress a, AddressFamily family)
    {
        if (a.AddressFamily != family) throw new ArgumentException($"{a} is not {family}");
    }
}
