using System.Buffers.Binary;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// IEEE 1588 Annex C (UDP/IPv4): event port 319, general port 320, groups 224.0.1.129 (primary) and
/// 224.0.0.107 (peer delay). As linuxptp udp.c: INADDR_ANY:port, SO_REUSEADDR, SO_BINDTODEVICE, both groups
/// joined on the interface, multicast loop off, TTL udp_ttl, TOS from dscp_event/dscp_general.
/// </summary>
internal sealed class UdpV4Transport : PtpTransport
{
    internal const ushort EventPort = 319;
    internal const ushort GeneralPort = 320;
    internal const uint PrimaryGroup = 0xE0000181;   // 224.0.1.129
    internal const uint PeerDelayGroup = 0xE000006B; // 224.0.0.107

    private UdpV4Transport(string name, int index, TransportOptions o) : base(name, index, o) { }

    internal static UdpV4Transport Create(string name, int index, TransportOptions o, Action<string>? log)
    {
        var t = new UdpV4Transport(name, index, o);
        try
        {
            t.EventSock = new TimestampingSocket(OpenUdp(name, index, EventPort, o.UdpTtl, o.DscpEvent));
            t.GeneralSock = new TimestampingSocket(OpenUdp(name, index, GeneralPort, o.UdpTtl, o.DscpGeneral));
            t.SetUpTimestamping(log);
            return t;
        }
        catch
        {
            t.Dispose();
            throw;
        }
    }

    private static unsafe SafeSocketFd OpenUdp(string ifname, int ifindex, ushort port, int ttl, int dscp)
    {
        var fd = OpenSocket(AF_INET, SOCK_DGRAM, 0, $"UDPv4 port {port}");
        try
        {
            Check(SetInt(fd, SOL_SOCKET, SO_REUSEADDR, 1), "SO_REUSEADDR");
            SocketSetup.BindToDevice(fd, ifname);
            var sa = new SockaddrIn { Family = AF_INET, PortBE = BinaryPrimitives.ReverseEndianness(port) };
            if (Bind(fd, &sa, (uint)sizeof(SockaddrIn)) != 0)
                Check(LastErrno(), $"bind UDPv4 port {port} on {ifname}");
            foreach (var g in new[] { PrimaryGroup, PeerDelayGroup })
            {
                var m = new IpMreqn { MultiAddrBE = BinaryPrimitives.ReverseEndianness(g), IfIndex = ifindex };
                Check(SetStruct(fd, SOL_IP, IP_ADD_MEMBERSHIP, m), $"IP_ADD_MEMBERSHIP {Ip(g)} on {ifname}");
            }
            var mif = new IpMreqn { IfIndex = ifindex };
            Check(SetStruct(fd, SOL_IP, IP_MULTICAST_IF, mif), "IP_MULTICAST_IF");
            Check(SetInt(fd, SOL_IP, IP_MULTICAST_LOOP, 0), "IP_MULTICAST_LOOP");
            Check(SetInt(fd, SOL_IP, IP_MULTICAST_TTL, ttl), "IP_MULTICAST_TTL");
            Check(SetInt(fd, SOL_IP, IP_TTL, ttl), "IP_TTL");
            if (dscp != 0)
                Check(SetInt(fd, SOL_IP, IP_TOS, dscp << 2), "IP_TOS");
            return fd;
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    private static string Ip(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";

    private protected override unsafe bool WriteDestination(PtpChannel channel, PtpDestination destination, in PeerAddress unicast, byte* name, out uint nameLen)
    {
        nameLen = (uint)sizeof(SockaddrIn);
        uint addr;
        switch (destination)
        {
            case PtpDestination.Primary: addr = PrimaryGroup; break;
            case PtpDestination.PeerDelay: addr = PeerDelayGroup; break;
            default:
                if (unicast.Kind != PeerAddressKind.IPv4)
                    return false;
                addr = unicast.IPv4;
                break;
        }
        var sa = (SockaddrIn*)name;
        *sa = default;
        sa->Family = AF_INET;
        sa->PortBE = BinaryPrimitives.ReverseEndianness(channel == PtpChannel.Event ? EventPort : GeneralPort);
        sa->AddrBE = BinaryPrimitives.ReverseEndianness(addr);
        return true;
    }
}
