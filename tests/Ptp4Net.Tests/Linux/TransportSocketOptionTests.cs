using Ptp4Net.Phc;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Tests.Linux;

/// <summary>The options a port asks for are what the kernel holds; and the per-message path allocates nothing.</summary>
[Trait("Category", "Linux")]
public class TransportSocketOptionTests
{
    private readonly ITestOutputHelper _out;

    public TransportSocketOptionTests(ITestOutputHelper output) => _out = output;

    private static int GetInt(SafeSocketFd fd, int level, int name)
    {
        Assert.Equal(Errno.None, Ptp4Net.Phc.Interop.Libc.GetInt(fd, level, name, out int v));
        return v;
    }

    [Fact]
    public void Udpv4_sockets_carry_ttl_dscp_loop_off_and_stamping_on_the_event_socket_only()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var o = new TransportOptions { TimeStamping = TimeStampingMode.Software, UdpTtl = 7, DscpEvent = 46, DscpGeneral = 10 };
        using var t = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, o));
        Assert.Equal(7, GetInt(t.EventSocket, SOL_IP, IP_MULTICAST_TTL));
        Assert.Equal(7, GetInt(t.GeneralSocket, SOL_IP, IP_TTL));
        Assert.Equal(46 << 2, GetInt(t.EventSocket, SOL_IP, IP_TOS));
        Assert.Equal(10 << 2, GetInt(t.GeneralSocket, SOL_IP, IP_TOS));
        Assert.Equal(0, GetInt(t.EventSocket, SOL_IP, IP_MULTICAST_LOOP));
        Assert.Equal((int)PtpTransport.EventFlags(TimeStampingMode.Software), GetInt(t.EventSocket, SOL_SOCKET, SO_TIMESTAMPING));
        Assert.Equal(0, GetInt(t.GeneralSocket, SOL_SOCKET, SO_TIMESTAMPING));
    }

    [Fact]
    public void Udpv6_sockets_carry_hops_tclass_and_loop_off()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var o = new TransportOptions { NetworkTransport = NetworkTransport.UdpV6, TimeStamping = TimeStampingMode.Software, UdpTtl = 3, DscpEvent = 56, Udp6Scope = 0x5 };
        using var t = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, o));
        Assert.Equal(3, GetInt(t.EventSocket, SOL_IPV6, IPV6_MULTICAST_HOPS));
        Assert.Equal(56 << 2, GetInt(t.EventSocket, SOL_IPV6, IPV6_TCLASS));
        Assert.Equal(0, GetInt(t.GeneralSocket, SOL_IPV6, IPV6_MULTICAST_LOOP));
    }

    [Fact]
    public void Steady_state_send_collect_receive_allocates_nothing()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var o = new TransportOptions { NetworkTransport = NetworkTransport.L2, TimeStamping = TimeStampingMode.Software, TxTimestampTimeoutMs = 500 };
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, o));
        using var b = ns.RunIn(ns.NameB, () => PtpTransport.Open(ns.IfB, o));
        var msg = TransportNamespaceTests.Message(0x1, 0);
        var buf = new byte[1500];
        int received = 0;
        void Once(ushort seq)
        {
            msg[30] = (byte)(seq >> 8);
            msg[31] = (byte)seq;
            if (a.SendEvent(msg, PtpDestination.Primary, out var tok) != TransportStatus.Ok)
                throw new InvalidOperationException("send");
            if (!a.CollectTxTimestamp(tok).IsOk)
                throw new InvalidOperationException("tx stamp");
            if (b.WaitReadable(PtpChannel.Event, 500) && b.Receive(PtpChannel.Event, buf, out var rx) == TransportStatus.Ok && rx.Length == msg.Length)
                received++;
        }
        for (ushort i = 0; i < 50; i++)
            Once(i); // warm up: JIT, tiering
        received = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort i = 100; i < 300; i++)
            Once(i);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _out.WriteLine($"200 round trips: {allocated} bytes allocated, {received} received");
        Assert.Equal(200, received);
        Assert.Equal(0, allocated);
    }
}
