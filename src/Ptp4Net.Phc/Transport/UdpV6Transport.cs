using System.Buffers.Binary;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// IEEE 1588 Annex D (UDP/IPv6): ports 319/320, primary group FF0X::181 with X = udp6_scope, peer delay
/// FF02::6B (link-local). As linuxptp udp6.c: bound to the interface, groups joined, loop off, hop limit
/// udp_ttl, traffic class from dscp_event/dscp_general, scope id = ifindex on destinations.
/// </summary>
internal sealed class UdpV6Transport : PtpTransport
{
    private UdpV6Transport(string name, int index, TransportOptions o) : base(name, index, o) { }

    internal static UdpV6Transport Create(string name, int index, TransportOptions o, Action<string>? log)
    {
        var t = new UdpV6Transport(name, index, o);
        try
        {
            t.EventSock = new TimestampingSocket(OpenUdp6(name, index, UdpV4Transport.EventPort, o));
            t.GeneralSock = new TimestampingSocket(OpenUdp6(name, index, UdpV4Transport.GeneralPort, o));
            t.SetUpTimestamping(log);
            return t;
        }
        catch
        {
            t.Dispose();
            throw;
        }
    }

    /// <summary>FF0X::181 for the scope, as 16 bytes.</summary>
    internal static void PrimaryGroup(int scope, Span<byte> addr)
    {
        addr.Clear();
        addr[0] = 0xFF;
        addr[1] = (byte)(scope & 0x0F);
        addr[14] = 0x01;
        addr[15] = 0x81;
    }

    internal static void PeerDelayGroup(Span<byte> addr)
    {
        addr.Clear();
        addr[0] = 0xFF;
        addr[1] = 0x02;
        addr[15] = 0x6B;
    }

    private static unsafe SafeSocketFd OpenUdp6(string ifname, int ifindex, ushort port, TransportOptions o)
    {
        var fd = OpenSocket(AF_INET6, SOCK_DGRAM, 0, $"UDPv6 port {port}");
        try
        {
            Check(SetInt(fd, SOL_SOCKET, SO_REUSEADDR, 1), "SO_REUSEADDR");
            Check(SetInt(fd, SOL_IPV6, IPV6_V6ONLY, 1), "IPV6_V6ONLY");
            SocketSetup.BindToDevice(fd, ifname);
            var sa = new SockaddrIn6 { Family = AF_INET6, PortBE = BinaryPrimitives.ReverseEndianness(port) };
            if (Bind(fd, &sa, (uint)sizeof(SockaddrIn6)) != 0)
                Check(LastErrno(), $"bind UDPv6 port {port} on {ifname}");
            var m = new Ipv6Mreq { IfIndex = ifindex };
            PrimaryGroup(o.Udp6Scope, new Span<byte>(m.Addr, 16));
            Check(SetStruct(fd, SOL_IPV6, IPV6_ADD_MEMBERSHIP, m), $"IPV6_ADD_MEMBERSHIP FF0{o.Udp6Scope:X}::181 on {ifname}");
            PeerDelayGroup(new Span<byte>(m.Addr, 16));
            Check(SetStruct(fd, SOL_IPV6, IPV6_ADD_MEMBERSHIP, m), $"IPV6_ADD_MEMBERSHIP FF02::6B on {ifname}");
            Check(SetInt(fd, SOL_IPV6, IPV6_MULTICAST_IF, ifindex), "IPV6_MULTICAST_IF");
            Check(SetInt(fd, SOL_IPV6, IPV6_MULTICAST_LOOP, 0), "IPV6_MULTICAST_LOOP");
            Check(SetInt(fd, SOL_IPV6, IPV6_MULTICAST_HOPS, o.UdpTtl), "IPV6_MULTICAST_HOPS");
            Check(SetInt(fd, SOL_IPV6, IPV6_UNICAST_HOPS, o.UdpTtl), "IPV6_UNICAST_HOPS");
            int dscp = port == UdpV4Transport.EventPort ? o.DscpEvent : o.DscpGeneral;
            if (dscp != 0)
                Check(SetInt(fd, SOL_IPV6, IPV6_TCLASS, dscp << 2), "IPV6_TCLASS");
            return fd;
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    private protected override unsafe bool WriteDestination(PtpChannel channel, PtpDestination destination, in PeerAddress unicast, byte* name, out uint nameLen)
    {
        nameLen = (uint)sizeof(SockaddrIn6);
        var sa = (SockaddrIn6*)name;
        *sa = default;
        sa->Family = AF_INET6;
        sa->PortBE = BinaryPrimitives.ReverseEndianness(channel == PtpChannel.Event ? UdpV4Transport.EventPort : UdpV4Transport.GeneralPort);
        var addr = new Span<byte>(sa->Addr, 16);
        switch (destination)
        {
            case PtpDestination.Primary: PrimaryGroup(Options.Udp6Scope, addr); sa->ScopeId = (uint)InterfaceIndex; break;
            case PtpDestination.PeerDelay: PeerDelayGroup(addr); sa->ScopeId = (uint)InterfaceIndex; break;
            default:
                if (unicast.Kind != PeerAddressKind.IPv6)
                    return false;
                unicast.WriteIPv6(addr);
                sa->ScopeId = unicast.ScopeId != 0 ? unicast.ScopeId : (uint)InterfaceIndex;
                break;
        }
        return true;
    }
}
