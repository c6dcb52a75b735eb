using System.Net;
using Ptp4Net.Phc.Providers;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Tests.Linux;

/// <summary>Transport pieces that need no kernel: addresses, option parsing, the looped-frame parser, BPF.</summary>
public class TransportUnitTests
{
    [Fact]
    public void Mac_addresses_parse_format_and_know_multicast()
    {
        Assert.True(MacAddress.TryParse("01:1B:19:00:00:00", out var m));
        Assert.Equal(MacAddress.PtpPrimary, m);
        Assert.True(m.IsMulticast);
        Assert.Equal("01:80:c2:00:00:0e", MacAddress.PtpPeerDelay.ToString());
        Assert.True(MacAddress.TryParse("02-00-00-00-00-01", out var u));
        Assert.False(u.IsMulticast);
        Assert.False(MacAddress.TryParse("01:1B:19:00:00", out _));
        Assert.False(MacAddress.TryParse("01:1B:19:00:00:zz", out _));
        Span<byte> b = stackalloc byte[6];
        MacAddress.PtpPeerDelay.Write(b);
        Assert.Equal(MacAddress.PtpPeerDelay, MacAddress.Read(b));
    }

    [Fact]
    public void Peer_addresses_round_trip()
    {
        var v4 = PeerAddress.FromIPAddress(IPAddress.Parse("198.18.3.2"));
        Assert.Equal(PeerAddressKind.IPv4, v4.Kind);
        Assert.Equal(0xC6120302u, v4.IPv4);
        Assert.Equal("198.18.3.2", v4.ToString());
        var v6 = PeerAddress.FromIPAddress(IPAddress.Parse("fe80::1%3"));
        Assert.Equal(3u, v6.ScopeId);
        Assert.Equal(IPAddress.Parse("fe80::1%3"), v6.ToIPAddress());
        Assert.NotEqual(v6, PeerAddress.FromIPAddress(IPAddress.Parse("fe80::1%4")));
        var mac = PeerAddress.FromMac(MacAddress.PtpPrimary);
        Assert.Null(mac.ToIPAddress());
        Assert.Equal("01:1b:19:00:00:00", mac.ToString());
    }

    [Fact]
    public void Linuxptp_option_values_parse()
    {
        Assert.True(TransportOptions.TryParseNetworkTransport("UDPv6", out var t));
        Assert.Equal(NetworkTransport.UdpV6, t);
        Assert.False(TransportOptions.TryParseNetworkTransport("udpv4", out _)); // linuxptp is case-sensitive
        Assert.True(TransportOptions.TryParseTimeStamping("p2p_onestep", out var ts));
        Assert.Equal(TimeStampingMode.P2pOneStep, ts);
        Assert.True(TransportOptions.TryParseHwtsFilter("check", out var f));
        Assert.Equal(HwtsFilterMode.Check, f);
        var d = new TransportOptions();
        Assert.Equal(1, d.UdpTtl);
        Assert.Equal(0x0E, d.Udp6Scope);
        Assert.Equal(10, d.TxTimestampTimeoutMs);
        Assert.Equal(TimeStampingMode.Hardware, d.TimeStamping);
        Assert.Equal(ProviderSelection.Auto, d.Provider.Selection);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportOptions { DscpEvent = 64 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportOptions { UdpTtl = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportOptions { Udp6Scope = 0x10 }.Validate());
    }

    private static byte[] Ptp(byte type, ushort seq)
    {
        var m = new byte[44];
        m[0] = type;
        m[30] = (byte)(seq >> 8);
        m[31] = (byte)seq;
        return m;
    }

    [Fact]
    public void Looped_frames_yield_message_type_and_sequence_id()
    {
        // IPv4 with a 24-byte header (IHL 6: options) – the offset follows IHL, not a constant 42.
        var v4 = new byte[14 + 24 + 8 + 44];
        v4[12] = 0x08; v4[13] = 0x00; v4[14] = 0x46;
        Ptp(0x1, 0xBEEF).CopyTo(v4, 14 + 24 + 8);
        Assert.True(TimestampingSocket.TryFindPtpHeader(v4, out var mt, out var seq));
        Assert.Equal(1, mt);
        Assert.Equal(0xBEEF, seq);

        var v6 = new byte[14 + 40 + 8 + 44];
        v6[12] = 0x86; v6[13] = 0xDD;
        Ptp(0x2, 7).CopyTo(v6, 62);
        Assert.True(TimestampingSocket.TryFindPtpHeader(v6, out mt, out seq));
        Assert.Equal((2, 7), (mt, seq));

        var l2vlan = new byte[18 + 44];
        l2vlan[12] = 0x81; l2vlan[13] = 0x00; l2vlan[16] = 0x88; l2vlan[17] = 0xF7;
        Ptp(0x13, 65535).CopyTo(l2vlan, 18); // transportSpecific nibble is ignored
        Assert.True(TimestampingSocket.TryFindPtpHeader(l2vlan, out mt, out seq));
        Assert.Equal((3, 65535), (mt, seq));

        Assert.False(TimestampingSocket.TryFindPtpHeader(new byte[20], out _, out _)); // EtherType 0
        Assert.False(TimestampingSocket.TryFindPtpHeader(v4.AsSpan(0, 60), out _, out _)); // cut short
    }

    /// <summary>A classic-BPF interpreter for the few opcodes our filters use, to check them on frames.</summary>
    private static uint RunBpf(Ptp4Net.Phc.Interop.Libc.SockFilter[] prog, byte[] frame)
    {
        uint a = 0;
        for (int pc = 0; pc < prog.Length; pc++)
        {
            var i = prog[pc];
            switch (i.Code)
            {
                case 0x28: a = (uint)(frame[i.K] << 8 | frame[i.K + 1]); break;
                case 0x30: a = frame[i.K]; break;
                case 0x54: a &= i.K; break;
                case 0x15: pc += a == i.K ? i.Jt : i.Jf; break;
                case 0x06: return i.K;
                default: throw new InvalidOperationException($"opcode {i.Code:x}");
            }
        }
        throw new InvalidOperationException("fell off the end");
    }

    [Fact]
    public void L2_filters_split_event_from_general_and_drop_other_ethertypes()
    {
        var ev = L2Transport.Filter(eventMessages: true);
        var gen = L2Transport.Filter(eventMessages: false);
        byte[] Frame(ushort etherType, byte first)
        {
            var f = new byte[60];
            f[12] = (byte)(etherType >> 8);
            f[13] = (byte)etherType;
            f[14] = first;
            return f;
        }
        for (byte t = 0; t < 16; t++)
        {
            bool isEvent = t < 8;
            Assert.Equal(isEvent ? 0x40000u : 0u, RunBpf(ev, Frame(0x88F7, t)));
            Assert.Equal(isEvent ? 0u : 0x40000u, RunBpf(gen, Frame(0x88F7, t)));
        }
        Assert.Equal(0u, RunBpf(ev, Frame(0x0800, 0)));
        Assert.Equal(0u, RunBpf(gen, Frame(0x0800, 8)));
    }

    [Fact]
    public void One_step_modes_expect_no_tx_stamp_for_the_messages_the_hardware_completes()
    {
        Assert.True(PtpTransport.IsOneStep(TimeStampingMode.OneStep, 0x0));
        Assert.False(PtpTransport.IsOneStep(TimeStampingMode.OneStep, 0x3));
        Assert.False(PtpTransport.IsOneStep(TimeStampingMode.OneStep, 0x1));
        Assert.True(PtpTransport.IsOneStep(TimeStampingMode.P2pOneStep, 0x0));
        Assert.True(PtpTransport.IsOneStep(TimeStampingMode.P2pOneStep, 0x3));
        Assert.False(PtpTransport.IsOneStep(TimeStampingMode.P2pOneStep, 0x2));
        Assert.False(PtpTransport.IsOneStep(TimeStampingMode.Hardware, 0x0));
        Assert.False(PtpTransport.IsOneStep(TimeStampingMode.Software, 0x0));
    }

    [Fact]
    public void Kernel_version_gate_matches_proc()
    {
        var release = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        var parts = release.Split('.', '-');
        int major = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int minor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Ptp4Net.Phc.KernelVersion.AtLeast(major, minor));
        Assert.False(Ptp4Net.Phc.KernelVersion.AtLeast(major, minor + 1) && Ptp4Net.Phc.KernelVersion.AtLeast(major + 1, 0));
        Assert.False(Ptp4Net.Phc.KernelVersion.AtLeast(major + 1, 0));
    }
}
