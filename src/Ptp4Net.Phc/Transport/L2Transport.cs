using System.Buffers.Binary;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// IEEE 1588 Annex E (IEEE 802.3 / Ethernet, EtherType 0x88F7) over AF_PACKET raw sockets, as linuxptp raw.c
/// but with our own means: sockets bound to ETH_P_1588 on the interface, memberships for ptp_dst_mac
/// (01-1B-19-00-00-00) and p2p_dst_mac (01-80-C2-00-00-0E) with fallback to all-multicast, a classic BPF
/// splitting event (messageType 0-3) from general messages, and PACKET_IGNORE_OUTGOING so our own frames
/// never come back.
/// </summary>
internal sealed class L2Transport : PtpTransport
{
    internal const ushort EthPP1588 = 0x88F7;
    private MacAddress _source;

    private L2Transport(string name, int index, TransportOptions o) : base(name, index, o) { }

    public MacAddress SourceMac => _source;

    internal static L2Transport Create(string name, int index, TransportOptions o, Action<string>? log)
    {
        var t = new L2Transport(name, index, o);
        try
        {
            t.EventSock = new TimestampingSocket(OpenRaw(name, index, o, eventSocket: true, log));
            t.GeneralSock = new TimestampingSocket(OpenRaw(name, index, o, eventSocket: false, log));
            t._source = SocketSetup.GetHardwareAddress(t.GeneralSock.Handle, name);
            t.SetUpTimestamping(log);
            return t;
        }
        catch
        {
            t.Dispose();
            throw;
        }
    }

    /// <summary>Classic BPF: accept 0x88F7 frames whose messageType has bit 3 clear (event) or set (general).</summary>
    internal static SockFilter[] Filter(bool eventMessages) =>
    [
        new(0x28, 0, 0, 12),          // ldh [12]         EtherType
        new(0x15, 0, 4, EthPP1588),   // jeq #0x88f7      else drop
        new(0x30, 0, 0, 14),          // ldb [14]         transportSpecific | messageType
        new(0x54, 0, 0, 0x08),        // and #8           general messages have bit 3 set
        eventMessages
            ? new(0x15, 0, 1, 0)      // jeq #0 -> accept, else drop
            : new(0x15, 1, 0, 0),     // jeq #0 -> drop, else accept
        new(0x06, 0, 0, 0x40000),     // ret #262144      accept
        new(0x06, 0, 0, 0),           // ret #0           drop
    ];

    private static unsafe SafeSocketFd OpenRaw(string ifname, int ifindex, TransportOptions o, bool eventSocket, Action<string>? log)
    {
        ushort protoBE = BinaryPrimitives.ReverseEndianness(EthPP1588);
        var fd = OpenSocket(AF_PACKET, SOCK_RAW, protoBE, $"L2 {(eventSocket ? "event" : "general")} on {ifname}");
        try
        {
            var filter = Filter(eventSocket);
            fixed (SockFilter* f = filter)
            {
                var prog = new SockFprog { Len = (ushort)filter.Length, Filter = f };
                Check(SetStruct(fd, SOL_SOCKET, SO_ATTACH_FILTER, prog), "SO_ATTACH_FILTER");
            }
            var e = SetInt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1);
            if (e != Errno.None)
                log?.Invoke($"{ifname}: PACKET_IGNORE_OUTGOING unavailable ({e}); relying on the ETH_P_1588 binding to hide our own frames");
            var sll = new SockaddrLl { Family = AF_PACKET, ProtocolBE = protoBE, IfIndex = ifindex };
            if (Bind(fd, &sll, (uint)sizeof(SockaddrLl)) != 0)
                Check(LastErrno(), $"bind AF_PACKET on {ifname}");
            foreach (var mac in new[] { o.PtpDstMac, o.P2pDstMac })
            {
                if (!mac.IsMulticast)
                    continue;
                var m = new PacketMreq { IfIndex = ifindex, Type = PACKET_MR_MULTICAST, ALen = 6 };
                mac.Write(new Span<byte>(m.Address, 6));
                var me = SetStruct(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, m);
                if (me != Errno.None)
                {
                    // As ptp4l: a NIC without multicast filters gets all-multicast instead.
                    log?.Invoke($"{ifname}: multicast membership {mac} failed ({me}); using all-multicast");
                    var a = new PacketMreq { IfIndex = ifindex, Type = PACKET_MR_ALLMULTI };
                    Check(SetStruct(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, a), $"PACKET_MR_ALLMULTI on {ifname}");
                }
            }
            return fd;
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    private protected override int ReceivePrefixLength => 14;

    private protected override unsafe bool WriteDestination(PtpChannel channel, PtpDestination destination, in PeerAddress unicast, byte* name, out uint nameLen)
    {
        nameLen = (uint)sizeof(SockaddrLl);
        if (destination == PtpDestination.Unicast && unicast.Kind != PeerAddressKind.Mac)
            return false;
        var sll = (SockaddrLl*)name;
        *sll = default;
        sll->Family = AF_PACKET;
        sll->ProtocolBE = BinaryPrimitives.ReverseEndianness(EthPP1588);
        sll->IfIndex = InterfaceIndex;
        sll->HaLen = 6;
        Destination(destination, unicast).Write(new Span<byte>(sll->Addr, 6));
        return true;
    }

    private MacAddress Destination(PtpDestination destination, in PeerAddress unicast) => destination switch
    {
        PtpDestination.Primary => Options.PtpDstMac,
        PtpDestination.PeerDelay => Options.P2pDstMac,
        _ => unicast.Mac,
    };

    private protected override int WriteLinkHeader(PtpDestination destination, in PeerAddress unicast, Span<byte> header)
    {
        Destination(destination, unicast).Write(header);
        _source.Write(header[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], EthPP1588);
        return 14;
    }
}
