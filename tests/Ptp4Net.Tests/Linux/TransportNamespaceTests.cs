using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Linux;

/// <summary>
/// Real sockets in two namespaces joined by veth (root). Software time stamping: veth stamps TX in
/// software and the stack stamps RX; hardware is not available on veth.
/// </summary>
[Trait("Category", "Linux")]
public class TransportNamespaceTests
{
    private readonly ITestOutputHelper _out;

    public TransportNamespaceTests(ITestOutputHelper output) => _out = output;

    internal static byte[] Message(byte messageType, ushort sequenceId, int length = 44)
    {
        var m = new byte[length];
        m[0] = messageType;
        m[1] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(2), (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(30), sequenceId);
        m[33] = 0x7F;
        return m;
    }

    private static TransportOptions Options(NetworkTransport t) => new()
    {
        NetworkTransport = t,
        TimeStamping = TimeStampingMode.Software,
        TxTimestampTimeoutMs = 1000,
    };

    /// <summary>Receives on a channel until a message with this sequenceId arrives (bounded), skipping others.</summary>
    internal static bool ReceiveSeq(PtpTransport t, PtpChannel ch, ushort seq, byte[] buf, out ReceivedMessage msg, int timeoutMs = 2000)
    {
        var sw = Stopwatch.StartNew();
        msg = default;
        while (sw.ElapsedMilliseconds < timeoutMs)
        {
            if (!t.WaitReadable(ch, 100))
                continue;
            for (int i = 0; i < 16; i++)
            {
                var st = t.Receive(ch, buf, out msg);
                if (st == TransportStatus.WouldBlock)
                    break;
                if (st == TransportStatus.Ok && msg.Length >= 32 && BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(30)) == seq)
                    return true;
            }
        }
        return false;
    }

    private void RoundTrip(NetworkTransport kind, PtpDestination dest)
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, Options(kind), _out.WriteLine));
        using var b = ns.RunIn(ns.NameB, () => PtpTransport.Open(ns.IfB, Options(kind), _out.WriteLine));
        var buf = new byte[1500];

        // Software RX stamping is switched on globally and asynchronously: the first packets after the first
        // socket asked for it may be unstamped (doc §1.7). Warm up, then require a stamp.
        var warm = Message(0x1, 1);
        Assert.Equal(TransportStatus.Ok, a.SendEvent(warm, dest, out var wt));
        Assert.True(a.CollectTxTimestamp(wt).IsOk);
        ReceiveSeq(b, PtpChannel.Event, 1, buf, out _);
        Thread.Sleep(50);

        for (ushort seq = 100; seq < 103; seq++)
        {
            var msg = Message(0x0, seq);
            Assert.Equal(TransportStatus.Ok, a.SendEvent(msg, dest, out var token));
            Assert.Equal(seq - 100 + 1u, token.Key); // OPT_ID keys count from 0; the warm-up had 0
            Assert.Equal(seq, token.SequenceId);
            var tx = a.CollectTxTimestamp(token);
            Assert.True(tx.IsOk, tx.Describe(token, 1000));
            Assert.Equal(TimestampSource.Software, tx.Timestamp.Source);

            Assert.True(ReceiveSeq(b, PtpChannel.Event, seq, buf, out var rx), $"message {seq} did not arrive");
            Assert.Equal(msg.Length, rx.Length);
            Assert.True(msg.AsSpan().SequenceEqual(buf.AsSpan(0, rx.Length)));
            Assert.Equal(TimestampSource.Software, rx.Timestamp.Source);
            // Same CLOCK_REALTIME on both ends: the receive stamp cannot precede the transmit stamp by more
            // than a clock step; and both are close to now.
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
            Assert.InRange(rx.Timestamp.Nanoseconds - tx.Timestamp.Nanoseconds, 0, 1_000_000_000);
            Assert.InRange(Math.Abs(now - rx.Timestamp.Nanoseconds), 0, 60_000_000_000);
            _out.WriteLine($"{kind} seq {seq}: key {token.Key}, tx {tx.Timestamp}, rx {rx.Timestamp}, from {rx.Source}, delay {rx.Timestamp.Nanoseconds - tx.Timestamp.Nanoseconds} ns");
            AssertSource(ns, kind, rx.Source, a);
        }

        // General messages use the general socket and port; no stamp pairing.
        var fu = Message(0x8, 200);
        Assert.Equal(TransportStatus.Ok, a.SendGeneral(fu, dest));
        Assert.True(ReceiveSeq(b, PtpChannel.General, 200, buf, out var grx), "general message did not arrive");
        Assert.Equal(fu.Length, grx.Length);
        // and it did not reach the event socket
        Assert.Equal(TransportStatus.WouldBlock, b.Receive(PtpChannel.Event, buf, out _));
    }

    private static void AssertSource(NetNs ns, NetworkTransport kind, PeerAddress source, PtpTransport sender)
    {
        switch (kind)
        {
            case NetworkTransport.UdpV4:
                Assert.Equal(IPAddress.Parse(ns.Ipv4A), source.ToIPAddress());
                break;
            case NetworkTransport.UdpV6:
                Assert.Equal(PeerAddressKind.IPv6, source.Kind);
                break;
            default:
                Assert.Equal(PeerAddressKind.Mac, source.Kind);
                Assert.Equal(((L2Transport)sender).SourceMac, source.Mac);
                break;
        }
    }

    [Fact]
    public void UdpV4_event_crosses_veth_with_rx_stamp_and_its_own_tx_stamp() => RoundTrip(NetworkTransport.UdpV4, PtpDestination.Primary);

    [Fact]
    public void UdpV4_peer_delay_group_works() => RoundTrip(NetworkTransport.UdpV4, PtpDestination.PeerDelay);

    [Fact]
    public void UdpV6_event_crosses_veth_with_rx_stamp_and_its_own_tx_stamp() => RoundTrip(NetworkTransport.UdpV6, PtpDestination.Primary);

    [Fact]
    public void UdpV6_peer_delay_group_works() => RoundTrip(NetworkTransport.UdpV6, PtpDestination.PeerDelay);

    [Fact]
    public void L2_event_crosses_veth_with_rx_stamp_and_its_own_tx_stamp() => RoundTrip(NetworkTransport.L2, PtpDestination.Primary);

    [Fact]
    public void L2_peer_delay_address_works() => RoundTrip(NetworkTransport.L2, PtpDestination.PeerDelay);

    [Fact]
    public void Tx_stamps_are_matched_by_key_not_by_order()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, Options(NetworkTransport.UdpV4)));
        var tokens = new TxToken[3];
        for (int i = 0; i < 3; i++)
            Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, (ushort)(500 + i)), PtpDestination.Primary, out tokens[i]));
        // Collect newest first: the older stamps are read on the way and kept for their own tokens.
        for (int i = 2; i >= 0; i--)
        {
            var r = a.CollectTxTimestamp(tokens[i]);
            Assert.True(r.IsOk, r.Describe(tokens[i], 1000));
            Assert.Equal(500 + i, tokens[i].SequenceId);
        }
        // A token is good once.
        Assert.Equal(TxTimestampStatus.AlreadyCollected, a.CollectTxTimestamp(tokens[1]).Status);
    }

    [Fact]
    public void Stamps_of_abandoned_packets_are_discarded_and_counted()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, Options(NetworkTransport.UdpV4)));
        // 17 event messages in flight: the bookkeeping holds 16, so the first one is abandoned.
        var tokens = new TxToken[17];
        for (int i = 0; i < tokens.Length; i++)
            Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, (ushort)(900 + i)), PtpDestination.Primary, out tokens[i]));
        var last = a.CollectTxTimestamp(tokens[16]);
        Assert.True(last.IsOk, last.Describe(tokens[16], 1000));
        Assert.Equal(1, last.StaleDiscarded);
        Assert.Equal(1, a.StaleTxTimestamps);
        Assert.Equal(TxTimestampStatus.AlreadyCollected, a.CollectTxTimestamp(tokens[0]).Status);
        // the others were kept for their tokens
        for (int i = 1; i < 16; i++)
            Assert.True(a.CollectTxTimestamp(tokens[i], 0).IsOk);
    }

    [Fact]
    public void Predicted_keys_resynchronise_from_the_payload_after_a_drift()
    {
        // Kernels before 6.13 cannot take a per-packet key: we predict the socket's counter. Make the kernel
        // count a stamped datagram we did not send through the transport, and check we still pair correctly.
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, Options(NetworkTransport.UdpV4)));
        var sock = a.EventSocketForTest;
        sock.ExplicitKeys = false;
        Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, 10), PtpDestination.Primary, out var first));
        Assert.True(a.CollectTxTimestamp(first).IsOk);
        sock.LagPredictionForTest(1); // the kernel is now one ahead of our prediction
        for (ushort seq = 20; seq < 23; seq++)
        {
            Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, seq), PtpDestination.Primary, out var token));
            var r = a.CollectTxTimestamp(token);
            Assert.True(r.IsOk, r.Describe(token, 1000));
        }
        _out.WriteLine($"resyncs {sock.KeyResyncs}, stale {a.StaleTxTimestamps}");
        Assert.Equal(1, sock.KeyResyncs);
        // With explicit keys a payload that does not match the key is a fault, not a drift.
        sock.ExplicitKeys = true;
        Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, 30), PtpDestination.Primary, out var last));
        Assert.True(a.CollectTxTimestamp(last).IsOk);
    }

    [Fact]
    public void Unicast_destination_reaches_the_peer()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, Options(NetworkTransport.UdpV4)));
        using var b = ns.RunIn(ns.NameB, () => PtpTransport.Open(ns.IfB, Options(NetworkTransport.UdpV4)));
        var peer = PeerAddress.FromIPAddress(IPAddress.Parse(ns.Ipv4B));
        Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, 42), PtpDestination.Unicast, peer, out var token));
        // A token belongs to the transport that issued it.
        Assert.Equal(TxTimestampStatus.AlreadyCollected, b.CollectTxTimestamp(token).Status);
        Assert.True(a.CollectTxTimestamp(token).IsOk);
        var buf = new byte[256];
        Assert.True(ReceiveSeq(b, PtpChannel.Event, 42, buf, out var rx));
        Assert.Equal(IPAddress.Parse(ns.Ipv4A), rx.Source.ToIPAddress());
        // An IPv6 destination does not fit UDPv4.
        var v6 = PeerAddress.FromIPAddress(IPAddress.Parse(ns.Ipv6B));
        Assert.Equal(TransportStatus.BadDestination, a.SendEvent(Message(0x1, 43), PtpDestination.Unicast, v6, out _));
    }

    [Fact]
    public void Missing_tx_stamp_times_out_within_the_limit()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        using var a = ns.RunIn(ns.NameA, () => PtpTransport.Open(ns.IfA, Options(NetworkTransport.UdpV4) with { TxTimestampTimeoutMs = 50 }));
        Assert.Equal(Ptp4Net.Phc.Errno.None, a.DisableTxStampGenerationForTest());
        Assert.Equal(TransportStatus.Ok, a.SendEvent(Message(0x1, 7), PtpDestination.Primary, out var token));
        var sw = Stopwatch.StartNew();
        var r = a.CollectTxTimestamp(token);
        sw.Stop();
        Assert.Equal(TxTimestampStatus.Timeout, r.Status);
        Assert.InRange(sw.ElapsedMilliseconds, 45, 2000);
        Assert.Contains("timed out while polling for tx timestamp", r.Describe(token, 50));
        _out.WriteLine(r.Describe(token, 50));
    }
}
