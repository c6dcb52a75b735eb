using System.Buffers.Binary;
using System.Net;
using Ptp4Net.Capture;

namespace Ptp4Net.Tests.Capture;

public class PtpDecapsulatorTests
{
    private static readonly byte[] SrcMac = [0x02, 0x00, 0x5E, 0x10, 0x20, 0x30];
    private static readonly IPAddress Src4 = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress Src6 = IPAddress.Parse("2001:db8::a");
    private static readonly byte[] Message = MakeMessage(44);

    private static byte[] MakeMessage(int n)
    {
        var m = new byte[n];
        for (int i = 0; i < n; i++) m[i] = (byte)(i * 7 + 1);
        return m;
    }

    private static PtpPacket AssertPtp(LinkType lt, byte[] frame, PtpTransport transport, string source)
    {
        Assert.Equal(DecapsulationStatus.Ptp, PtpDecapsulator.TryDecapsulate(lt, frame, out var p));
        Assert.Equal(transport, p.Transport);
        // Over Ethernet nothing but the PTP header's messageLength bounds the message: a short frame's
        // padding (to 60 octets) comes with the payload, and the codec ignores it.
        var payload = p.Payload(frame);
        Assert.Equal(Message, payload[..Message.Length].ToArray());
        Assert.True(payload[Message.Length..].IndexOfAnyExcept((byte)0) < 0);
        if (transport != PtpTransport.Ethernet) Assert.Equal(Message.Length, payload.Length);
        Assert.Equal(source, p.FormatSource(frame));
        return p;
    }

    [Fact]
    public void Ethernet_ipv4_udp_either_port_direction()
    {
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        var p = AssertPtp(LinkType.Ethernet, FrameBuilder.Ethernet(FrameBuilder.PtpPrimaryMac, SrcMac, 0x0800, ip),
            PtpTransport.UdpIPv4, "192.0.2.10");
        Assert.Equal(319, p.DestinationPort);
        Assert.Equal(PtpPacket.NoVlan, p.VlanId);
        Assert.False(p.PayloadTruncated);
        // Unicast reply from port 320 to an ephemeral port (e.g. pmc): still PTP.
        ip = FrameBuilder.IPv4Udp(Src4, IPAddress.Parse("192.0.2.20"), 320, 40000, Message);
        AssertPtp(LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x0800, ip), PtpTransport.UdpIPv4, "192.0.2.10");
        ip = FrameBuilder.IPv4Udp(Src4, IPAddress.Parse("192.0.2.20"), 40000, 123, Message);
        Assert.Equal(DecapsulationStatus.OtherUdpPort,
            PtpDecapsulator.TryDecapsulate(LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x0800, ip), out _));
    }

    [Fact]
    public void Ipv4_header_checksum_and_udp_checksum_are_valid()
    {
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        Assert.Equal(0, FrameBuilder.Checksum(0, ip.AsSpan(0, 20)));
        var pseudo = new byte[12];
        ip.AsSpan(12, 8).CopyTo(pseudo);
        pseudo[9] = 17;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo.AsSpan(10), (ushort)(ip.Length - 20));
        uint partial = (uint)(ushort)~FrameBuilder.Checksum(0, pseudo);
        Assert.Equal(0, FrameBuilder.Checksum(partial, ip.AsSpan(20)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Ipv6_udp_checksum_is_valid_over_the_pseudo_header(int extensionHeaders)
    {
        var ip = FrameBuilder.IPv6Udp(Src6, FrameBuilder.PtpPrimaryIPv6, 319, 319, Message, extensionHeaders);
        int udp = 40 + 8 * extensionHeaders;
        // RFC 8200 8.1: source, destination, upper-layer length (32 bits), three zero octets, next header 17.
        var pseudo = new byte[40];
        ip.AsSpan(8, 32).CopyTo(pseudo);
        BinaryPrimitives.WriteUInt32BigEndian(pseudo.AsSpan(32), (uint)(ip.Length - udp));
        pseudo[39] = 17;
        uint partial = (uint)(ushort)~FrameBuilder.Checksum(0, pseudo);
        Assert.NotEqual(0, BinaryPrimitives.ReadUInt16BigEndian(ip.AsSpan(udp + 6)));
        Assert.Equal(0, FrameBuilder.Checksum(partial, ip.AsSpan(udp)));
    }

    [Fact]
    public void Ipv6_udp_with_extension_headers_is_found_and_too_many_are_refused()
    {
        foreach (int ext in new[] { 0, 1, 3 })
        {
            var ip = FrameBuilder.IPv6Udp(Src6, FrameBuilder.PtpPrimaryIPv6, 320, 320, Message, ext);
            AssertPtp(LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x86DD, ip), PtpTransport.UdpIPv6, "2001:db8::a");
        }
        var many = FrameBuilder.IPv6Udp(Src6, FrameBuilder.PtpPrimaryIPv6, 320, 320, Message, PtpDecapsulator.MaxExtensionHeaders + 1);
        Assert.Equal(DecapsulationStatus.TooManyExtensionHeaders, PtpDecapsulator.TryDecapsulate(LinkType.IPv6, many, out _));
        // An extension header whose length runs past the packet.
        var bad = FrameBuilder.IPv6Udp(Src6, FrameBuilder.PtpPrimaryIPv6, 320, 320, Message, 1);
        bad[41] = 200;
        Assert.Equal(DecapsulationStatus.BadIPHeader, PtpDecapsulator.TryDecapsulate(LinkType.IPv6, bad, out _));
    }

    [Fact]
    public void Ipv6_fragments_first_is_read_as_far_as_it_goes_later_ones_are_skipped()
    {
        var ip = FrameBuilder.IPv6Udp(Src6, FrameBuilder.PtpPrimaryIPv6, 319, 319, Message, 1);
        // Turn the Hop-by-Hop header into a Fragment header: offset 0, M set.
        ip[6] = 44;
        ip[41] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(42), 1);
        Assert.Equal(DecapsulationStatus.Ptp, PtpDecapsulator.TryDecapsulate(LinkType.IPv6, ip, out var p));
        Assert.Equal(Message, p.Payload(ip).ToArray());
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(42), 8 << 3);
        Assert.Equal(DecapsulationStatus.NonFirstFragment, PtpDecapsulator.TryDecapsulate(LinkType.IPv6, ip, out _));
    }

    [Fact]
    public void Ipv4_fragments_first_is_marked_truncated_and_later_ones_are_skipped()
    {
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 320, 320, Message, identification: 77);
        var fragments = FrameBuilder.FragmentIPv4(ip, 24);
        Assert.Equal(3, fragments.Count); // 8 + 44 = 52 octets of UDP in 24 + 24 + 4
        Assert.All(fragments, f => Assert.Equal(0, FrameBuilder.Checksum(0, f.AsSpan(0, 20))));
        Assert.Equal(DecapsulationStatus.Ptp, PtpDecapsulator.TryDecapsulate(LinkType.IPv4, fragments[0], out var p));
        Assert.True(p.PayloadTruncated);
        Assert.Equal(Message.AsSpan(0, 16).ToArray(), p.Payload(fragments[0]).ToArray());
        Assert.Equal(DecapsulationStatus.NonFirstFragment, PtpDecapsulator.TryDecapsulate(LinkType.IPv4, fragments[1], out _));
        Assert.Equal(DecapsulationStatus.NonFirstFragment,
            PtpDecapsulator.TryDecapsulate(LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x0800, fragments[2]), out _));
    }

    [Fact]
    public void Raw_ethernet_ptp_with_and_without_vlan_tags()
    {
        var plain = FrameBuilder.Ethernet(FrameBuilder.PtpPrimaryMac, SrcMac, 0x88F7, Message);
        var p = AssertPtp(LinkType.Ethernet, plain, PtpTransport.Ethernet, "02:00:5e:10:20:30");
        Assert.Equal(PtpPacket.NoVlan, p.VlanId);
        var tagged = FrameBuilder.Ethernet(FrameBuilder.PtpPdelayMac, SrcMac, 0x88F7, Message, 100);
        Assert.Equal(100, AssertPtp(LinkType.Ethernet, tagged, PtpTransport.Ethernet, "02:00:5e:10:20:30").VlanId);
        var qinq = FrameBuilder.Ethernet(FrameBuilder.PtpPdelayMac, SrcMac, 0x88F7, Message, 7, 200);
        BinaryPrimitives.WriteUInt16BigEndian(qinq.AsSpan(12), 0x88A8); // outer tag as an 802.1ad S-tag
        Assert.Equal(200, AssertPtp(LinkType.Ethernet, qinq, PtpTransport.Ethernet, "02:00:5e:10:20:30").VlanId);
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        AssertPtp(LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x0800, ip, 5), PtpTransport.UdpIPv4, "192.0.2.10");
        var tooMany = FrameBuilder.Ethernet(FrameBuilder.PtpPrimaryMac, SrcMac, 0x88F7, Message,
            new ushort[PtpDecapsulator.MaxVlanTags + 1]);
        Assert.Equal(DecapsulationStatus.TooManyVlanTags, PtpDecapsulator.TryDecapsulate(LinkType.Ethernet, tooMany, out _));
    }

    [Fact]
    public void Ethernet_padding_after_a_short_ip_packet_is_not_part_of_the_message()
    {
        var small = MakeMessage(6);
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, small);
        var frame = FrameBuilder.Ethernet(FrameBuilder.PtpPrimaryMac, SrcMac, 0x0800, ip);
        Assert.Equal(60, frame.Length);
        Assert.Equal(DecapsulationStatus.Ptp, PtpDecapsulator.TryDecapsulate(LinkType.Ethernet, frame, out var p));
        Assert.Equal(small, p.Payload(frame).ToArray());
    }

    [Fact]
    public void Linux_cooked_captures_sll_and_sll2()
    {
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        var sll = new byte[16 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(2), 1);  // ARPHRD_ETHER
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(4), 6);  // address length
        SrcMac.CopyTo(sll, 6);
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(14), 0x0800);
        ip.CopyTo(sll, 16);
        AssertPtp(LinkType.LinuxSll, sll, PtpTransport.UdpIPv4, "192.0.2.10");

        var sll2 = new byte[20 + Message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(sll2, 0x88F7);
        BinaryPrimitives.WriteUInt32BigEndian(sll2.AsSpan(4), 3); // ifindex
        BinaryPrimitives.WriteUInt16BigEndian(sll2.AsSpan(8), 1);
        sll2[11] = 6;
        SrcMac.CopyTo(sll2, 12);
        Message.CopyTo(sll2, 20);
        AssertPtp(LinkType.LinuxSll2, sll2, PtpTransport.Ethernet, "02:00:5e:10:20:30");
    }

    [Fact]
    public void Non_ptp_frames_say_why()
    {
        var arp = FrameBuilder.Ethernet(FrameBuilder.PtpPrimaryMac, SrcMac, 0x0806, new byte[28]);
        Assert.Equal(DecapsulationStatus.OtherEtherType, PtpDecapsulator.TryDecapsulate(LinkType.Ethernet, arp, out _));
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        ip[9] = 6; // TCP
        Assert.Equal(DecapsulationStatus.NotUdp, PtpDecapsulator.TryDecapsulate(LinkType.Raw, ip, out _));
        Assert.Equal(DecapsulationStatus.TruncatedHeader, PtpDecapsulator.TryDecapsulate(LinkType.Ethernet, new byte[13], out _));
        Assert.Equal(DecapsulationStatus.UnsupportedLinkType, PtpDecapsulator.TryDecapsulate((LinkType)147, new byte[64], out _));
        ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(24), 7); // UDP length below its header
        Assert.Equal(DecapsulationStatus.BadUdpLength, PtpDecapsulator.TryDecapsulate(LinkType.IPv4, ip, out _));
        ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        ip[0] = 0x44; // IHL 4 < 5
        Assert.Equal(DecapsulationStatus.BadIPHeader, PtpDecapsulator.TryDecapsulate(LinkType.IPv4, ip, out _));
    }

    [Fact]
    public void A_frame_cut_by_the_snapshot_length_is_marked_truncated()
    {
        var ip = FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message);
        var cut = ip[..(ip.Length - 10)];
        Assert.Equal(DecapsulationStatus.Ptp, PtpDecapsulator.TryDecapsulate(LinkType.IPv4, cut, out var p));
        Assert.True(p.PayloadTruncated);
        Assert.Equal(Message.Length - 10, p.PayloadLength);
    }

    [Fact]
    public void Every_truncation_and_random_corruption_returns_a_status_without_exception()
    {
        var frames = new List<(LinkType, byte[])>
        {
            (LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x86DD,
                FrameBuilder.IPv6Udp(Src6, FrameBuilder.PtpPrimaryIPv6, 319, 319, Message, 2), 1, 2)),
            (LinkType.Ethernet, FrameBuilder.Ethernet(SrcMac, SrcMac, 0x0800,
                FrameBuilder.IPv4Udp(Src4, FrameBuilder.PtpPrimaryIPv4, 319, 319, Message), 3)),
        };
        var rng = new Random(319);
        foreach (var (lt, frame) in frames)
        {
            for (int cut = 0; cut <= frame.Length; cut++)
            {
                var s = PtpDecapsulator.TryDecapsulate(lt, frame.AsSpan(0, cut), out var p);
                if (s == DecapsulationStatus.Ptp) Assert.True(p.PayloadOffset + p.PayloadLength <= cut);
            }
            for (int i = 0; i < 5000; i++)
            {
                var f = (byte[])frame.Clone();
                for (int k = 0; k < 3; k++) f[rng.Next(f.Length)] = (byte)rng.Next(256);
                var s = PtpDecapsulator.TryDecapsulate(lt, f, out var p);
                if (s == DecapsulationStatus.Ptp)
                {
                    Assert.InRange(p.PayloadOffset, 0, f.Length);
                    Assert.InRange(p.PayloadLength, 0, f.Length - p.PayloadOffset);
                    _ = p.FormatSource(f);
                }
            }
        }
    }
}
