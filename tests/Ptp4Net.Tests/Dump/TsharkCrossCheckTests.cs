using System.Globalization;
using Ptp4Net.Capture;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Dump;

/// <summary>
/// Cross-checks our capture reader, decapsulation and codec against Wireshark's dissector: every message
/// of the sample (every type, with TLVs, over UDPv4, UDPv6 and L2 with and without VLAN) is read by tshark and
/// by us, and type, sequenceId, domain, correction, source port identity, timestamps and the type's key
/// fields must agree. tshark must also find nothing malformed and raise no warning. Needs tshark (CI installs
/// it); without it the test says so and returns.
/// </summary>
public class TsharkCrossCheckTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // tshark field names (tshark -G fields | grep ptp.v2); the order is the column order.
    private static readonly string[] Fields =
    [
        "frame.number", "ptp.v2.messagetype", "ptp.v2.sequenceid", "ptp.v2.domainnumber",
        "ptp.v2.correction.ns", "ptp.v2.correction.subns", "ptp.v2.clockidentity", "ptp.v2.sourceportid", "ptp.v2.flags",
        "ptp.v2.sdr.origintimestamp.seconds", "ptp.v2.sdr.origintimestamp.nanoseconds",
        "ptp.v2.fu.preciseorigintimestamp.seconds", "ptp.v2.fu.preciseorigintimestamp.nanoseconds",
        "ptp.v2.dr.receivetimestamp.seconds", "ptp.v2.dr.receivetimestamp.nanoseconds",
        "ptp.v2.dr.requestingsourceportidentity", "ptp.v2.dr.requestingsourceportid",
        "ptp.v2.pdrq.origintimestamp.seconds", "ptp.v2.pdrq.origintimestamp.nanoseconds",
        "ptp.v2.pdrs.requestreceipttimestamp.seconds", "ptp.v2.pdrs.requestreceipttimestamp.nanoseconds",
        "ptp.v2.pdrs.requestingportidentity", "ptp.v2.pdrs.requestingsourceportid",
        "ptp.v2.pdfu.responseorigintimestamp.seconds", "ptp.v2.pdfu.responseorigintimestamp.nanoseconds",
        "ptp.v2.pdfu.requestingportidentity", "ptp.v2.pdfu.requestingsourceportid",
        "ptp.v2.an.origintimestamp.seconds", "ptp.v2.an.origintimestamp.nanoseconds",
        "ptp.v2.an.grandmasterclockidentity", "ptp.v2.an.grandmasterclockclass", "ptp.v2.an.priority1",
        "ptp.v2.an.priority2", "ptp.v2.an.origincurrentutcoffset", "ptp.v2.an.tlvType", "ptp.v2.an.atoi.currentOffset",
        "ptp.v2.sig.targetportidentity", "ptp.v2.sig.targetportid", "ptp.v2.sig.tlv.tlvType",
        "ptp.v2.mm.targetportidentity", "ptp.v2.mm.action", "ptp.v2.mm.managementId", "ptp.v2.mm.tlvType",
        // 802.1AS (majorSdoId 1) TLVs are dissected under ptp.as.
        "ptp.as.fu.tlvType", "ptp.as.fu.cumulativeScaledRateOffset", "ptp.as.sig.tlvType", "ptp.as.sig.tlv.timesyncinterval",
        "ptp.as.sig.tlv.announceinterval",
    ];

    [Fact]
    public void Tshark_agrees_field_by_field_and_finds_nothing_malformed()
    {
        string? tshark = Requirements.FindTool("tshark");
        if (tshark is null)
        {
            output.WriteLine("SKIPPED: tshark is not installed (apt-get install tshark; .ci/run installs it)");
            return;
        }
        // The sample without its deliberately malformed message.
        var frames = PtpSampleCapture.Build().Where(f => !f.Description.StartsWith("malformed", StringComparison.Ordinal)).ToList();
        var pcap = PtpSampleCapture.ToPcap(frames);
        string path = DumpTestSupport.TempFile(pcap);
        try
        {
            var rows = TsharkFields(tshark, path);
            int compared = CompareWithOurParse(pcap, rows);
            Assert.Equal(frames.Count - 1, compared); // all but the ARP frame
            output.WriteLine($"tshark and Ptp4Net agree on {compared} PTP messages");

            // Nothing malformed, no expert info of warning severity or above, every IPv4 and UDP checksum right.
            var (exit, stdout, stderr) = NetNs.Run(tshark, ProblemFilter(path), (int)Timeout.TotalMilliseconds);
            Assert.True(exit == 0, $"tshark failed ({exit}): {stderr}");
            Assert.True(stdout.Trim().Length == 0, "tshark reports problems:\n" + stdout);

            // The filter does see problems when there are some: the full sample's malformed Announce, and a
            // UDP checksum spoilt in frame 10 (IPv6: Ethernet 14 + IPv6 40, checksum at UDP offset 6).
            var all = PtpSampleCapture.Build();
            all[9].Data[14 + 40 + 6] ^= 0x01;
            string withBad = DumpTestSupport.TempFile(PtpSampleCapture.ToPcap(all));
            try
            {
                (_, stdout, _) = NetNs.Run(tshark, ProblemFilter(withBad), (int)Timeout.TotalMilliseconds);
                Assert.Contains("Malformed", stdout);
                Assert.Contains("\n   10 ", "\n" + stdout);
            }
            finally
            {
                File.Delete(withBad);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ptp4l-veth.pcapng", 102)]
    [InlineData("ptp4l-any-sll.pcapng", 91)]
    public void Tshark_agrees_on_the_real_ptp4l_captures(string file, int messages)
    {
        string? tshark = Requirements.FindTool("tshark");
        if (tshark is null)
        {
            output.WriteLine("SKIPPED: tshark is not installed (apt-get install tshark; .ci/run installs it)");
            return;
        }
        string path = DumpTestSupport.TestData(file);
        Assert.Equal(messages, CompareWithOurParse(File.ReadAllBytes(path), TsharkFields(tshark, path)));
    }

    /// <summary>tshark arguments listing every frame with a problem (checksum validation turned on).</summary>
    private static string[] ProblemFilter(string path) =>
    [
        "-r", path, "-n", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
        "-Y", "_ws.malformed || _ws.expert.severity >= warning || ip.checksum.status != 1 || udp.checksum.status != 1",
    ];

    /// <summary>tshark's <see cref="Fields"/> for every frame of the file, by frame number.</summary>
    private static Dictionary<long, Dictionary<string, string>> TsharkFields(string tshark, string path)
    {
        var args = new List<string> { "-r", path, "-n", "-T", "fields", "-E", "separator=/t", "-E", "header=n" };
        foreach (var f in Fields) { args.Add("-e"); args.Add(f); }
        var (exit, stdout, stderr) = NetNs.Run(tshark, args, (int)Timeout.TotalMilliseconds);
        Assert.True(exit == 0, $"tshark failed ({exit}): {stderr}");
        var rows = new Dictionary<long, Dictionary<string, string>>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var cols = line.Split('\t');
            Assert.Equal(Fields.Length, cols.Length);
            var row = new Dictionary<string, string>();
            for (int i = 0; i < Fields.Length; i++) row[Fields[i]] = cols[i];
            rows[long.Parse(cols[0], CultureInfo.InvariantCulture)] = row;
        }
        return rows;
    }

    private int CompareWithOurParse(byte[] pcap, Dictionary<long, Dictionary<string, string>> rows)
    {
        Assert.True(CaptureReader.TryOpen(new MemoryStream(pcap), out var reader, out _));
        int compared = 0;
        while (reader!.Read(out var frame) == CaptureReadStatus.Frame)
        {
            var data = frame.Data.Span;
            if (PtpDecapsulator.TryDecapsulate(frame.LinkType, data, out var packet) != DecapsulationStatus.Ptp) continue;
            Assert.True(PtpMessage.TryRead(packet.Payload(data), out var m, out var error), $"frame {frame.Number}: {error}");
            var row = rows[frame.Number];
            string where = $"frame {frame.Number} ({PtpNames.MessageTypeName(m.MessageType)})";
            var h = m.Header;
            Assert.True((int)m.MessageType == ParseInt(row["ptp.v2.messagetype"]), where + ": messageType");
            Assert.True(h.SequenceId == ParseInt(row["ptp.v2.sequenceid"]), where + ": sequenceId");
            Assert.True(h.DomainNumber == ParseInt(row["ptp.v2.domainnumber"]), where + ": domainNumber");
            Assert.True((ushort)h.Flags == ParseInt(row["ptp.v2.flags"]), where + ": flagField");
            // tshark splits correctionField into whole ns (printed as an unsigned 64-bit value) and a fraction.
            long ns = unchecked((long)ulong.Parse(row["ptp.v2.correction.ns"], CultureInfo.InvariantCulture));
            double subNs = double.Parse(row["ptp.v2.correction.subns"], CultureInfo.InvariantCulture);
            Assert.True(h.CorrectionField.ScaledNanoseconds == ns * 65536 + (long)Math.Round(subNs * 65536), where + ": correctionField");
            AssertPort(h.SourcePortIdentity, row["ptp.v2.clockidentity"], row["ptp.v2.sourceportid"], where + ": sourcePortIdentity");

            switch (m.MessageType)
            {
                case MessageType.Sync:
                    AssertTimestamp(m.Sync.OriginTimestamp, row, "ptp.v2.sdr.origintimestamp", where);
                    break;
                case MessageType.DelayReq:
                    AssertTimestamp(m.DelayReq.OriginTimestamp, row, "ptp.v2.sdr.origintimestamp", where);
                    break;
                case MessageType.FollowUp:
                    AssertTimestamp(m.FollowUp.PreciseOriginTimestamp, row, "ptp.v2.fu.preciseorigintimestamp", where);
                    Assert.Equal(TlvTypes(m), ParseList(row["ptp.as.fu.tlvType"]));
                    if (m.Tlvs.TryGetFirst(out var fuTlv))
                    {
                        Assert.True(FollowUpInformationTlv.TryRead(fuTlv, out var fui, out _));
                        Assert.True(fui.CumulativeScaledRateOffset == unchecked((int)(uint)ParseULong(row["ptp.as.fu.cumulativeScaledRateOffset"])),
                            where + ": cumulativeScaledRateOffset");
                    }
                    break;
                case MessageType.DelayResp:
                    AssertTimestamp(m.DelayResp.ReceiveTimestamp, row, "ptp.v2.dr.receivetimestamp", where);
                    AssertPort(m.DelayResp.RequestingPortIdentity, row["ptp.v2.dr.requestingsourceportidentity"],
                        row["ptp.v2.dr.requestingsourceportid"], where + ": requestingPortIdentity");
                    break;
                case MessageType.PdelayReq:
                    AssertTimestamp(m.PdelayReq.OriginTimestamp, row, "ptp.v2.pdrq.origintimestamp", where);
                    break;
                case MessageType.PdelayResp:
                    AssertTimestamp(m.PdelayResp.RequestReceiptTimestamp, row, "ptp.v2.pdrs.requestreceipttimestamp", where);
                    AssertPort(m.PdelayResp.RequestingPortIdentity, row["ptp.v2.pdrs.requestingportidentity"],
                        row["ptp.v2.pdrs.requestingsourceportid"], where + ": requestingPortIdentity");
                    break;
                case MessageType.PdelayRespFollowUp:
                    AssertTimestamp(m.PdelayRespFollowUp.ResponseOriginTimestamp, row, "ptp.v2.pdfu.responseorigintimestamp", where);
                    AssertPort(m.PdelayRespFollowUp.RequestingPortIdentity, row["ptp.v2.pdfu.requestingportidentity"],
                        row["ptp.v2.pdfu.requestingsourceportid"], where + ": requestingPortIdentity");
                    break;
                case MessageType.Announce:
                {
                    var a = m.Announce;
                    AssertTimestamp(a.OriginTimestamp, row, "ptp.v2.an.origintimestamp", where);
                    Assert.True(a.GrandmasterIdentity.Value == ParseULong(row["ptp.v2.an.grandmasterclockidentity"]), where + ": grandmasterIdentity");
                    Assert.True(a.GrandmasterClockQuality.ClockClass == ParseInt(row["ptp.v2.an.grandmasterclockclass"]), where + ": clockClass");
                    Assert.True(a.GrandmasterPriority1 == ParseInt(row["ptp.v2.an.priority1"]), where + ": priority1");
                    Assert.True(a.GrandmasterPriority2 == ParseInt(row["ptp.v2.an.priority2"]), where + ": priority2");
                    Assert.True(a.CurrentUtcOffset == ParseInt(row["ptp.v2.an.origincurrentutcoffset"]), where + ": currentUtcOffset");
                    Assert.Equal(TlvTypes(m), ParseList(row["ptp.v2.an.tlvType"]));
                    if (m.Tlvs.TryFind(TlvType.AlternateTimeOffsetIndicator, out var atoi))
                    {
                        Assert.True(AlternateTimeOffsetIndicatorTlv.TryRead(atoi, out var at, out _));
                        Assert.True(at.CurrentOffset == ParseInt(row["ptp.v2.an.atoi.currentOffset"]), where + ": ATOI currentOffset");
                    }
                    break;
                }
                case MessageType.Signaling:
                    AssertPort(m.Signaling.TargetPortIdentity, row["ptp.v2.sig.targetportidentity"], row["ptp.v2.sig.targetportid"],
                        where + ": targetPortIdentity");
                    Assert.Equal(TlvTypes(m), ParseList(row["ptp.v2.sig.tlv.tlvType"]).Concat(ParseList(row["ptp.as.sig.tlvType"])).ToArray());
                    if (m.Tlvs.TryGetFirst(out var sigTlv) && MessageIntervalRequestTlv.TryRead(sigTlv, out var mir, out _))
                    {
                        Assert.True(mir.TimeSyncInterval == ParseInt(row["ptp.as.sig.tlv.timesyncinterval"]), where + ": timeSyncInterval");
                        Assert.True(mir.AnnounceInterval == ParseInt(row["ptp.as.sig.tlv.announceinterval"]), where + ": announceInterval");
                    }
                    break;
                case MessageType.Management:
                {
                    Assert.True(m.Management.TargetPortIdentity.ClockIdentity.Value == ParseULong(row["ptp.v2.mm.targetportidentity"]),
                        where + ": targetPortIdentity");
                    Assert.True((int)m.Management.Action == ParseInt(row["ptp.v2.mm.action"]), where + ": actionField");
                    Assert.True(m.TryGetFirstTlv(out var tlv));
                    Assert.Equal([(int)tlv.Type], ParseList(row["ptp.v2.mm.tlvType"]));
                    if (tlv.Type == TlvType.Management)
                    {
                        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
                        Assert.True((int)mt.Id == ParseInt(row["ptp.v2.mm.managementId"]), where + ": managementId");
                    }
                    break;
                }
            }
            compared++;
        }
        Assert.Equal(CaptureReadStatus.End, reader.Read(out _));
        return compared;
    }

    private static int[] TlvTypes(in PtpMessage m)
    {
        var list = new List<int>();
        foreach (var t in m.Tlvs) list.Add((int)t.Type);
        return list.ToArray();
    }

    private static void AssertTimestamp(PtpTimestamp ours, Dictionary<string, string> row, string prefix, string where)
    {
        Assert.True(ours.Seconds == ParseULong(row[prefix + ".seconds"]), $"{where}: {prefix}.seconds ours {ours.Seconds} tshark {row[prefix + ".seconds"]}");
        Assert.True(ours.Nanoseconds == ParseULong(row[prefix + ".nanoseconds"]), $"{where}: {prefix}.nanoseconds");
    }

    private static void AssertPort(PortIdentity ours, string clock, string port, string what)
    {
        Assert.True(ours.ClockIdentity.Value == ParseULong(First(clock)), $"{what}: clockIdentity ours {ours.ClockIdentity} tshark {clock}");
        Assert.True(ours.PortNumber == ParseInt(First(port)), $"{what}: portNumber ours {ours.PortNumber} tshark {port}");
    }

    private static string First(string field) => field.Split(',')[0];

    private static int[] ParseList(string field) =>
        field.Length == 0 ? [] : field.Split(',').Select(ParseInt).ToArray();

    private static int ParseInt(string s) => checked((int)unchecked((long)ParseULong(s, signed: true)));

    private static ulong ParseULong(string s) => ParseULong(s, signed: false);

    private static ulong ParseULong(string s, bool signed)
    {
        s = First(s).Trim();
        Assert.False(s.Length == 0, "tshark left a compared field empty");
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return ulong.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (signed && s.StartsWith('-')) return unchecked((ulong)long.Parse(s, CultureInfo.InvariantCulture));
        return ulong.Parse(s, CultureInfo.InvariantCulture);
    }
}
