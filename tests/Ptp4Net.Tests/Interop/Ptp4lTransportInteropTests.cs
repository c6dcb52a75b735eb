using System.Buffers.Binary;
using System.Diagnostics;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Interop;

/// <summary>
/// Our transports against linuxptp's ptp4l (software stamps, free_running, no CAP_SYS_TIME) across a veth:
/// we receive its Sync/Follow_Up with RX stamps, send it a Delay_Req and check that the receiveTimestamp in its
/// Delay_Resp agrees with the TX stamp we collected for that very packet.
/// </summary>
[Trait("Category", "Linux")]
public class Ptp4lTransportInteropTests
{
    private readonly ITestOutputHelper _out;

    public Ptp4lTransportInteropTests(ITestOutputHelper output) => _out = output;

    private static readonly byte[] OurClockIdentity = [0x02, 0x00, 0x5E, 0xFF, 0xFE, 0x10, 0x20, 0x30];

    /// <summary>A Delay_Req (IEEE 1588-2019 13.6): header 34 + originTimestamp 10.</summary>
    private static byte[] DelayReq(ushort seq)
    {
        var m = new byte[44];
        m[0] = 0x01;                                   // messageType Delay_Req
        m[1] = 0x02;                                   // versionPTP 2
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(2), 44);
        OurClockIdentity.CopyTo(m, 20);                // sourcePortIdentity.clockIdentity
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(28), 1);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(30), seq);
        m[32] = 0x01;                                  // controlField (Delay_Req)
        m[33] = 0x7F;
        return m;
    }

    private static long TimestampNs(ReadOnlySpan<byte> ten) =>
        (long)(((ulong)BinaryPrimitives.ReadUInt16BigEndian(ten) << 32) | BinaryPrimitives.ReadUInt32BigEndian(ten[2..])) * 1_000_000_000L
        + BinaryPrimitives.ReadUInt32BigEndian(ten[6..]);

    private void Exchange(NetworkTransport kind, string flag)
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "ptp4l", "setpriv")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var opts = new TransportOptions { NetworkTransport = kind, TimeStamping = TimeStampingMode.Software, TxTimestampTimeoutMs = 1000 };
        using var ours = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, opts, _out.WriteLine));
        using var ptp4l = DaemonProcess.StartPtp4l(ns.NameB, ns.IfB, flag,
            "--logAnnounceInterval", "-3", "--announceReceiptTimeout", "2", "--logSyncInterval", "-3", "--logMinDelayReqInterval", "-3");
        try
        {
            Run(ours, ptp4l);
        }
        finally
        {
            foreach (var l in ptp4l.Lines)
                _out.WriteLine("ptp4l: " + l);
        }
    }

    private void Run(PtpTransport ours, DaemonProcess ptp4l)
    {
        Assert.True(ptp4l.WaitForLine("assuming the grand master role", 10_000), "ptp4l did not become master");
        var buf = new byte[1500];
        var sw = Stopwatch.StartNew();

        // 1. A Sync (event socket, RX stamp) and its Follow_Up (general socket, same sequenceId).
        ushort syncSeq = 0;
        bool gotSync = false;
        while (!gotSync && sw.ElapsedMilliseconds < 10_000)
        {
            if (!ours.WaitReadable(PtpChannel.Event, 200))
                continue;
            while (ours.Receive(PtpChannel.Event, buf, out var m) is TransportStatus.Ok)
            {
                if ((buf[0] & 0x0F) == 0x0 && m.Timestamp.IsPresent)
                {
                    syncSeq = BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(30));
                    gotSync = true;
                    _out.WriteLine($"Sync seq {syncSeq} rx {m.Timestamp} from {m.Source}");
                }
            }
        }
        Assert.True(gotSync, "no stamped Sync from ptp4l");
        bool gotFollowUp = false;
        while (!gotFollowUp && sw.ElapsedMilliseconds < 15_000)
        {
            if (!ours.WaitReadable(PtpChannel.General, 200))
                continue;
            while (ours.Receive(PtpChannel.General, buf, out _) is TransportStatus.Ok)
                if ((buf[0] & 0x0F) == 0x8 && BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(30)) == syncSeq)
                    gotFollowUp = true;
        }
        Assert.True(gotFollowUp, $"no Follow_Up for Sync {syncSeq}");

        // 2. Our Delay_Req: its TX stamp (t3) against ptp4l's receiveTimestamp (t4) in Delay_Resp.
        for (ushort seq = 4000; seq < 4005; seq++)
        {
            Assert.Equal(TransportStatus.Ok, ours.SendEvent(DelayReq(seq), PtpDestination.Primary, default, out var token));
            var tx = ours.CollectTxTimestamp(token);
            Assert.True(tx.IsOk, tx.Describe(token, 1000));
            var until = sw.ElapsedMilliseconds + 3000;
            while (sw.ElapsedMilliseconds < until)
            {
                if (!ours.WaitReadable(PtpChannel.General, 200))
                    continue;
                while (ours.Receive(PtpChannel.General, buf, out var m) is TransportStatus.Ok)
                {
                    if ((buf[0] & 0x0F) != 0x9 || m.Length < 54 || BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(30)) != seq
                        || !buf.AsSpan(44, 8).SequenceEqual(OurClockIdentity))
                        continue;
                    long t4 = TimestampNs(buf.AsSpan(34, 10));
                    long t3 = tx.Timestamp.Nanoseconds;
                    _out.WriteLine($"Delay_Req {seq}: key {token.Key} t3 {tx.Timestamp}, ptp4l t4 {t4 / 1_000_000_000}.{t4 % 1_000_000_000:D9}, t4-t3 {t4 - t3} ns");
                    // Same CLOCK_REALTIME on both sides (software stamps, free_running): the receive stamp
                    // follows our transmit stamp by the veth's few microseconds.
                    Assert.InRange(t4 - t3, 0, 5_000_000);
                    return;
                }
            }
        }
        Assert.Fail("no Delay_Resp from ptp4l for our Delay_Req");
    }

    /// <summary>ptp4l in P2P mode sends Pdelay_Req to the peer-delay address; we must be listening there.</summary>
    private void PeerDelay(NetworkTransport kind, string flag)
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "ptp4l", "setpriv")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var opts = new TransportOptions { NetworkTransport = kind, TimeStamping = TimeStampingMode.Software };
        using var ours = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, opts, _out.WriteLine));
        using var ptp4l = DaemonProcess.StartPtp4l(ns.NameB, ns.IfB, flag, "-P", "--logMinPdelayReqInterval", "-3");
        var buf = new byte[1500];
        var sw = Stopwatch.StartNew();
        int stamped = 0;
        while (stamped < 2 && sw.ElapsedMilliseconds < 10_000)
        {
            if (!ours.WaitReadable(PtpChannel.Event, 200))
                continue;
            while (ours.Receive(PtpChannel.Event, buf, out var m) is TransportStatus.Ok)
            {
                if ((buf[0] & 0x0F) == 0x2 && m.Timestamp.IsPresent)
                {
                    stamped++;
                    _out.WriteLine($"Pdelay_Req seq {BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(30))} rx {m.Timestamp} from {m.Source}");
                }
            }
        }
        foreach (var l in ptp4l.Lines)
            _out.WriteLine("ptp4l: " + l);
        Assert.True(stamped >= 2, "no stamped Pdelay_Req from ptp4l on the peer-delay address");
    }

    [Fact]
    public void Udpv4_peer_delay_address_matches_ptp4l() => PeerDelay(NetworkTransport.UdpV4, "-4");

    [Fact]
    public void Udpv6_peer_delay_address_matches_ptp4l() => PeerDelay(NetworkTransport.UdpV6, "-6");

    [Fact]
    public void L2_peer_delay_address_matches_ptp4l() => PeerDelay(NetworkTransport.L2, "-2");

    [Fact]
    public void Udpv4_interoperates_with_ptp4l() => Exchange(NetworkTransport.UdpV4, "-4");

    [Fact]
    public void Udpv6_interoperates_with_ptp4l() => Exchange(NetworkTransport.UdpV6, "-6");

    [Fact]
    public void L2_interoperates_with_ptp4l() => Exchange(NetworkTransport.L2, "-2");
}
