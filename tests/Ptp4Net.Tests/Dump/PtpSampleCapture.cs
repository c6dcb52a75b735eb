using System.Net;
using System.Text;
using Ptp4Net.Capture;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Dump;

/// <summary>
/// Builds samples/ptp-sample.pcap (and the copy under TestData/) deterministically: one of every message type,
/// with the TLVs we decode, over UDPv4, UDPv6 and IEEE 802.3 (with and without an 802.1Q tag), then one
/// malformed message and one non-PTP frame. <see cref="SampleCaptureTests"/> checks the shipped files equal
/// this output; set PTP4NET_REGENERATE_SAMPLES=1 to rewrite them.
/// </summary>
internal static class PtpSampleCapture
{
    public const string FileName = "ptp-sample.pcap";
    /// <summary>2026-01-01T00:00:00Z; frames follow at 1 ms steps.</summary>
    public const long StartNanoseconds = 1_767_225_600_000_000_000;

    public static readonly byte[] MasterMac = [0x02, 0x00, 0x5E, 0x00, 0x00, 0x01];
    public static readonly byte[] SlaveMac = [0x02, 0x00, 0x5E, 0x00, 0x00, 0x02];
    public static readonly IPAddress Master4 = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress Slave4 = IPAddress.Parse("192.0.2.2");
    public static readonly IPAddress Master6 = IPAddress.Parse("2001:db8::1");
    public static readonly IPAddress Slave6 = IPAddress.Parse("2001:db8::2");
    public static readonly PortIdentity MasterPort = new(ClockIdentity.FromMac(MasterMac), 1);
    public static readonly PortIdentity SlavePort = new(ClockIdentity.FromMac(SlaveMac), 1);
    public const ushort Vlan = 100;

    /// <summary>One frame of the sample, with how it was sent.</summary>
    public sealed record Frame(long TimestampNanoseconds, byte[] Data, string Description);

    public static List<Frame> Build()
    {
        var frames = new List<Frame>();
        var buf = new byte[PtpMessageWriter.MaxMessageLength];
        long t = StartNanoseconds;
        var ts = new PtpTimestamp(1_767_225_637, 123_456_789); // TAI, 37 s ahead of the capture's UTC

        void Udp4(IPAddress src, IPAddress dst, ushort port, int length, string what) =>
            frames.Add(new Frame(t += 1_000_000, FrameBuilder.Ethernet(Mac(dst), src.Equals(Master4) ? MasterMac : SlaveMac,
                PtpDecapsulator.EtherTypeIPv4, FrameBuilder.IPv4Udp(src, dst, port, port, buf.AsSpan(0, length), ttl: Ttl(dst))), what));
        void Udp6(IPAddress src, IPAddress dst, ushort port, int length, string what, int ext = 0) =>
            frames.Add(new Frame(t += 1_000_000, FrameBuilder.Ethernet(Mac(dst), src.Equals(Master6) ? MasterMac : SlaveMac,
                PtpDecapsulator.EtherTypeIPv6, FrameBuilder.IPv6Udp(src, dst, port, port, buf.AsSpan(0, length), ext, Ttl(dst))), what));
        void L2(byte[] src, ReadOnlySpan<byte> dst, int length, string what, params ushort[] vlans) =>
            frames.Add(new Frame(t += 1_000_000, FrameBuilder.Ethernet(dst, src, PtpDecapsulator.EtherTypePtp,
                buf.AsSpan(0, length), vlans), what));

        PtpHeader H(MessageType type, PortIdentity from, ushort seq, byte domain = 0, PtpFlags flags = PtpFlags.None,
            long correctionScaled = 0, sbyte logInterval = 0) => new()
        {
            MessageType = type,
            DomainNumber = domain,
            Flags = flags,
            CorrectionField = TimeInterval.FromScaled(correctionScaled),
            SourcePortIdentity = from,
            SequenceId = seq,
            ControlField = PtpHeader.ControlFieldFor(type),
            LogMessageInterval = logInterval,
        };

        // UDPv4, end-to-end: Sync (two-step), Follow_Up, Delay_Req, Delay_Resp.
        int n = PtpMessageWriter.WriteSync(buf, H(MessageType.Sync, MasterPort, 1, flags: PtpFlags.TwoStep, logInterval: -3),
            new SyncBody(PtpTimestamp.Zero));
        Udp4(Master4, FrameBuilder.PtpPrimaryIPv4, 319, n, "Sync, two-step, UDPv4");
        n = PtpMessageWriter.WriteFollowUp(buf, H(MessageType.FollowUp, MasterPort, 1, correctionScaled: 1500L << 16, logInterval: -3),
            new FollowUpBody(ts));
        Udp4(Master4, FrameBuilder.PtpPrimaryIPv4, 320, n, "Follow_Up, correction 1500 ns, UDPv4");
        n = PtpMessageWriter.WriteDelayReq(buf, H(MessageType.DelayReq, SlavePort, 7, logInterval: 0x7F),
            new DelayReqBody(new PtpTimestamp(1_767_225_637, 200_000_000)));
        Udp4(Slave4, FrameBuilder.PtpPrimaryIPv4, 319, n, "Delay_Req, UDPv4");
        n = PtpMessageWriter.WriteDelayResp(buf, H(MessageType.DelayResp, MasterPort, 7, correctionScaled: (1234L << 16) + 0x8000, logInterval: 0),
            new DelayRespBody(new PtpTimestamp(1_767_225_637, 200_004_321), SlavePort));
        Udp4(Master4, FrameBuilder.PtpPrimaryIPv4, 320, n, "Delay_Resp, correction 1234.5 ns, UDPv4");

        // IEEE 802.3, peer-to-peer: Pdelay_Req untagged, the response pair in VLAN 100.
        n = PtpMessageWriter.WritePdelayReq(buf, H(MessageType.PdelayReq, SlavePort, 42, logInterval: 0),
            new PdelayReqBody(new PtpTimestamp(1_767_225_637, 300_000_000)));
        L2(SlaveMac, FrameBuilder.PtpPdelayMac, n, "Pdelay_Req, L2");
        n = PtpMessageWriter.WritePdelayResp(buf, H(MessageType.PdelayResp, MasterPort, 42, flags: PtpFlags.TwoStep, logInterval: 0x7F),
            new PdelayRespBody(new PtpTimestamp(1_767_225_637, 300_000_500), SlavePort));
        L2(MasterMac, FrameBuilder.PtpPdelayMac, n, "Pdelay_Resp, L2, VLAN 100", Vlan);
        n = PtpMessageWriter.WritePdelayRespFollowUp(buf, H(MessageType.PdelayRespFollowUp, MasterPort, 42, correctionScaled: -(3L << 16), logInterval: 0x7F),
            new PdelayRespFollowUpBody(new PtpTimestamp(1_767_225_637, 300_001_000), SlavePort));
        L2(MasterMac, FrameBuilder.PtpPdelayMac, n, "Pdelay_Resp_Follow_Up, correction -3 ns, L2, VLAN 100", Vlan);

        // gPTP-style Follow_Up with the 802.1AS Follow_Up information TLV (L2, transportSpecific 1).
        n = PtpMessageWriter.WriteFollowUp(buf, H(MessageType.FollowUp, MasterPort, 2, logInterval: -3) with { MajorSdoId = 1 },
            new FollowUpBody(new PtpTimestamp(1_767_225_637, 400_000_000)));
        n = PtpMessageWriter.AppendTlv(buf, n, new FollowUpInformationTlv(-512, 0, new ScaledNs(0), 0));
        L2(MasterMac, FrameBuilder.PtpPrimaryMac, n, "Follow_Up + Follow_Up information TLV, L2");

        // UDPv6 Announce with PATH_TRACE and ALTERNATE_TIME_OFFSET_INDICATOR, through two extension headers.
        var gm = ClockIdentity.FromMac(MasterMac);
        n = PtpMessageWriter.WriteAnnounce(buf, H(MessageType.Announce, MasterPort, 3, domain: 24,
                flags: PtpFlags.PtpTimescale | PtpFlags.CurrentUtcOffsetValid, logInterval: 1),
            new AnnounceBody
            {
                OriginTimestamp = PtpTimestamp.Zero,
                CurrentUtcOffset = 37,
                GrandmasterPriority1 = 128,
                GrandmasterClockQuality = new ClockQuality(6, ClockAccuracy.Within100ns, 0x4E5D),
                GrandmasterPriority2 = 128,
                GrandmasterIdentity = gm,
                StepsRemoved = 1,
                TimeSource = TimeSource.Gnss,
            });
        Span<byte> path = stackalloc byte[16];
        int pathLength = PathTraceTlv.Encode([gm, ClockIdentity.FromMac(SlaveMac)], path);
        n = PtpMessageWriter.AppendTlv(buf, n, new PathTraceTlv(path[..pathLength]));
        n = PtpMessageWriter.AppendTlv(buf, n, new AlternateTimeOffsetIndicatorTlv(1, -18000, 3600, 1_780_000_000, "EST"u8));
        Udp6(Master6, FrameBuilder.PtpPrimaryIPv6, 320, n, "Announce + PATH_TRACE + ALTERNATE_TIME_OFFSET_INDICATOR, UDPv6, 2 extension headers", ext: 2);

        // Unicast negotiation over UDPv6 (16.1): request, grant, cancel, acknowledge.
        n = PtpMessageWriter.WriteSignaling(buf, H(MessageType.Signaling, SlavePort, 9, flags: PtpFlags.Unicast, logInterval: 0x7F),
            new SignalingBody(MasterPort));
        n = PtpMessageWriter.AppendTlv(buf, n, new RequestUnicastTransmissionTlv(MessageType.Announce, 1, 300));
        n = PtpMessageWriter.AppendTlv(buf, n, new RequestUnicastTransmissionTlv(MessageType.Sync, -4, 300));
        Udp6(Slave6, Master6, 320, n, "Signaling REQUEST_UNICAST_TRANSMISSION x2, UDPv6 unicast");
        n = PtpMessageWriter.WriteSignaling(buf, H(MessageType.Signaling, MasterPort, 9, flags: PtpFlags.Unicast, logInterval: 0x7F),
            new SignalingBody(SlavePort));
        n = PtpMessageWriter.AppendTlv(buf, n, new GrantUnicastTransmissionTlv(MessageType.Sync, -4, 300, true));
        n = PtpMessageWriter.AppendTlv(buf, n, new CancelUnicastTransmissionTlv(MessageType.Announce));
        n = PtpMessageWriter.AppendTlv(buf, n, new AcknowledgeCancelUnicastTransmissionTlv(MessageType.DelayResp));
        Udp6(Master6, Slave6, 320, n, "Signaling GRANT + CANCEL + ACKNOWLEDGE_CANCEL, UDPv6 unicast");

        // 802.1AS message interval request (Signaling over L2, VLAN 100).
        n = PtpMessageWriter.WriteSignaling(buf, H(MessageType.Signaling, SlavePort, 10, logInterval: 0x7F) with { MajorSdoId = 1 },
            new SignalingBody(new PortIdentity(ClockIdentity.All, PortIdentity.AllPorts)));
        n = PtpMessageWriter.AppendTlv(buf, n, new MessageIntervalRequestTlv(0, -3, MessageIntervalRequestTlv.SetToInitial, 3));
        L2(SlaveMac, FrameBuilder.PtpPrimaryMac, n, "Signaling + message interval request TLV, L2, VLAN 100", Vlan);

        // Management over UDPv4 (pmc style): GET, its RESPONSE, and an error status.
        var mgmt = new ManagementBody(PortIdentity.Wildcard, 1, 1, ManagementAction.Get);
        n = PtpMessageWriter.WriteManagement(buf, H(MessageType.Management, SlavePort, 11, logInterval: 0x7F), mgmt);
        n = PtpMessageWriter.AppendManagementTlv(buf, n, ManagementId.CurrentDataSet, default);
        Udp4(Slave4, FrameBuilder.PtpPrimaryIPv4, 320, n, "Management GET CURRENT_DATA_SET, UDPv4");
        n = PtpMessageWriter.WriteManagement(buf, H(MessageType.Management, MasterPort, 11, logInterval: 0x7F),
            mgmt with { TargetPortIdentity = SlavePort, BoundaryHops = 0, Action = ManagementAction.Response });
        n = PtpMessageWriter.AppendManagementTlv(buf, n,
            new ManagementCurrentDataSet(1, TimeInterval.FromNanoseconds(-25), TimeInterval.FromNanoseconds(1800)));
        Udp4(Master4, Slave4, 320, n, "Management RESPONSE CURRENT_DATA_SET, UDPv4");
        n = PtpMessageWriter.WriteManagement(buf, H(MessageType.Management, MasterPort, 12, logInterval: 0x7F),
            mgmt with { TargetPortIdentity = SlavePort, BoundaryHops = 0, Action = ManagementAction.Response });
        n = PtpMessageWriter.AppendTlv(buf, n, new ManagementErrorStatusTlv(ManagementErrorId.NoSuchId, ManagementId.Priority1));
        Udp4(Master4, Slave4, 320, n, "Management RESPONSE MANAGEMENT_ERROR_STATUS, UDPv4");

        // Malformed: an Announce whose TLV lengthField runs past messageLength.
        n = PtpMessageWriter.WriteAnnounce(buf, H(MessageType.Announce, MasterPort, 4, logInterval: 1),
            new AnnounceBody { GrandmasterIdentity = gm, GrandmasterPriority1 = 128, GrandmasterPriority2 = 128,
                GrandmasterClockQuality = ClockQuality.Default, TimeSource = TimeSource.InternalOscillator });
        n = PtpMessageWriter.AppendTlv(buf, n, TlvType.PathTrace, new byte[8]);
        buf[n - 8 - 1] = 200; // lengthField 8 -> 200
        Udp4(Master4, FrameBuilder.PtpPrimaryIPv4, 320, n, "malformed Announce (TLV overrun), UDPv4");

        // Not PTP: an ARP request, counted and skipped.
        var arp = new byte[28];
        arp[1] = 1; arp[2] = 0x08; arp[4] = 6; arp[5] = 4; arp[7] = 1;
        frames.Add(new Frame(t += 1_000_000, FrameBuilder.Ethernet([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], SlaveMac, 0x0806, arp), "ARP (not PTP)"));
        return frames;
    }

    public static byte[] ToPcap(IEnumerable<Frame> frames)
    {
        var ms = new MemoryStream();
        var w = new PcapWriter(ms, LinkType.Ethernet);
        foreach (var f in frames) w.WritePacket(f.TimestampNanoseconds, f.Data);
        return ms.ToArray();
    }

    /// <summary>PTP multicast goes one hop (TTL 1, as ptp4l sends it); unicast gets an ordinary 64.</summary>
    private static byte Ttl(IPAddress destination) =>
        destination.IsIPv6Multicast || destination.GetAddressBytes()[0] >= 224 ? (byte)1 : (byte)64;

    private static byte[] Mac(IPAddress destination)
    {
        // IPv4 multicast 224.0.1.129 -> 01:00:5e:00:01:81; IPv6 multicast -> 33:33 + low 32 bits; unicast: the peer.
        var a = destination.GetAddressBytes();
        if (a.Length == 4 && a[0] >= 224) return [0x01, 0x00, 0x5E, (byte)(a[1] & 0x7F), a[2], a[3]];
        if (a.Length == 16 && a[0] == 0xFF) return [0x33, 0x33, a[12], a[13], a[14], a[15]];
        return destination.Equals(Master4) || destination.Equals(Master6) ? MasterMac : SlaveMac;
    }

    public static string Describe(IEnumerable<Frame> frames)
    {
        var sb = new StringBuilder();
        int i = 1;
        foreach (var f in frames) sb.Append(i++).Append(": ").AppendLine(f.Description);
        return sb.ToString();
    }
}
