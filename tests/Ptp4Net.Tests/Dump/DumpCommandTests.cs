using System.Text.Json;
using Ptp4Net.Capture;

namespace Ptp4Net.Tests.Dump;

public class DumpCommandTests
{
    private static string SamplePath => DumpTestSupport.TestData(PtpSampleCapture.FileName);

    [Fact]
    public void Default_output_has_one_line_per_message_with_the_fields_of_its_type()
    {
        var (exit, stdout, stderr) = DumpTestSupport.Run(SamplePath);
        Assert.Equal(1, exit); // the sample holds one malformed message on purpose
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(17, lines.Length); // 16 PTP messages (one malformed) + summary; the ARP frame prints nothing
        Assert.StartsWith("2026-01-01T00:00:00.001000000Z ", lines[0]);
        Assert.StartsWith("2026-01-01T00:00:00.016000000Z ", lines[15]);
        string[] expected =
        [
            "192.0.2.1 Sync domain 0 seq 1 from 02005e.fffe.000001-1 corr 0 flags twoStep origin 0.000000000",
            "192.0.2.1 Follow_Up domain 0 seq 1 from 02005e.fffe.000001-1 corr 1500 preciseOrigin 1767225637.123456789",
            "192.0.2.2 Delay_Req domain 0 seq 7 from 02005e.fffe.000002-1 corr 0 origin 1767225637.200000000",
            "192.0.2.1 Delay_Resp domain 0 seq 7 from 02005e.fffe.000001-1 corr 1234.5 receive 1767225637.200004321 requesting 02005e.fffe.000002-1",
            "02:00:5e:00:00:02 Pdelay_Req domain 0 seq 42 from 02005e.fffe.000002-1 corr 0 origin 1767225637.300000000",
            "02:00:5e:00:00:01 Pdelay_Resp domain 0 seq 42 from 02005e.fffe.000001-1 corr 0 flags twoStep requestReceipt 1767225637.300000500 requesting 02005e.fffe.000002-1",
            "02:00:5e:00:00:01 Pdelay_Resp_Follow_Up domain 0 seq 42 from 02005e.fffe.000001-1 corr -3 responseOrigin 1767225637.300001000 requesting 02005e.fffe.000002-1",
            "02:00:5e:00:00:01 Follow_Up domain 0 seq 2 from 02005e.fffe.000001-1 corr 0 preciseOrigin 1767225637.400000000 tlvs ORGANIZATION_EXTENSION",
            "2001:db8::1 Announce domain 24 seq 3 from 02005e.fffe.000001-1 corr 0 flags utcOffsetValid,ptpTimescale utcOffset 37 prio1 128 class 6 prio2 128 gm 02005e.fffe.000001 steps 1 tlvs PATH_TRACE,ALTERNATE_TIME_OFFSET_INDICATOR",
            "2001:db8::2 Signaling domain 0 seq 9 from 02005e.fffe.000002-1 corr 0 flags unicast to 02005e.fffe.000001-1 tlvs REQUEST_UNICAST_TRANSMISSION,REQUEST_UNICAST_TRANSMISSION",
            "2001:db8::1 Signaling domain 0 seq 9 from 02005e.fffe.000001-1 corr 0 flags unicast to 02005e.fffe.000002-1 tlvs GRANT_UNICAST_TRANSMISSION,CANCEL_UNICAST_TRANSMISSION,ACKNOWLEDGE_CANCEL_UNICAST_TRANSMISSION",
            "02:00:5e:00:00:02 Signaling domain 0 seq 10 from 02005e.fffe.000002-1 corr 0 to ffffff.ffff.ffffff-65535 tlvs ORGANIZATION_EXTENSION",
            "192.0.2.2 Management domain 0 seq 11 from 02005e.fffe.000002-1 corr 0 to ffffff.ffff.ffffff-65535 GET CURRENT_DATA_SET",
            "192.0.2.1 Management domain 0 seq 11 from 02005e.fffe.000001-1 corr 0 to 02005e.fffe.000002-1 RESPONSE CURRENT_DATA_SET",
            "192.0.2.1 Management domain 0 seq 12 from 02005e.fffe.000001-1 corr 0 to 02005e.fffe.000002-1 RESPONSE PRIORITY1 error NO_SUCH_ID",
            "192.0.2.1 Announce domain 0 seq 4 from 02005e.fffe.000001-1 corr 0 MALFORMED: TlvOverrun",
            "summary: 17 frames: 15 PTP messages (Sync 1, Delay_Req 1, Pdelay_Req 1, Pdelay_Resp 1, Follow_Up 2, Delay_Resp 1, " +
                "Pdelay_Resp_Follow_Up 1, Announce 1, Signaling 3, Management 3), 1 malformed (TlvOverrun 1), 1 non-PTP skipped (OtherEtherType 1)",
        ];
        Assert.Equal(expected, DumpTestSupport.LinesWithoutTime(stdout));
    }

    [Fact]
    public void Verbose_output_lists_every_field_and_every_tlv()
    {
        var (exit, stdout, _) = DumpTestSupport.Run("-v", SamplePath);
        Assert.Equal(1, exit);
        var blocks = Blocks(stdout);
        // Each message line is followed by its indented fields.
        var announce = blocks.Single(b => b[0].Contains(" Announce domain 24 ", StringComparison.Ordinal));
        string[] announceFields =
        [
            "  frame: 9", "  transport: UDPv6", "  type: Announce", "  domain: 24", "  sequenceId: 3",
            "  sourcePortIdentity: 02005e.fffe.000001-1", "  correction: 0 ns (scaled 0x0000000000000000)",
            "  majorSdoId: 0", "  versionPTP: 2", "  minorVersionPTP: 0", "  messageLength: 108", "  minorSdoId: 0",
            "  flagField: 12", "  flags: utcOffsetValid,ptpTimescale", "  messageTypeSpecific: 0", "  controlField: 5",
            "  logMessageInterval: 1", "  originTimestamp: 0.000000000", "  currentUtcOffset: 37",
            "  grandmasterPriority1: 128", "  grandmasterClockClass: 6", "  grandmasterClockAccuracy: 0x21",
            "  grandmasterOffsetScaledLogVariance: 0x4e5d", "  grandmasterPriority2: 128",
            "  grandmasterIdentity: 02005e.fffe.000001", "  stepsRemoved: 1", "  timeSource: GNSS (0x20)", "  tlvs:",
            "    - PATH_TRACE", "      tlvType: PATH_TRACE", "      lengthField: 16",
            "      pathSequence: 02005e.fffe.000001 02005e.fffe.000002",
            "    - ALTERNATE_TIME_OFFSET_INDICATOR", "      tlvType: ALTERNATE_TIME_OFFSET_INDICATOR", "      lengthField: 20",
            "      keyField: 1", "      currentOffset: -18000", "      jumpSeconds: 3600", "      timeOfNextJump: 1780000000",
            "      displayName: EST",
        ];
        Assert.Equal(announceFields, announce[1..]);

        var pdelay = blocks.Single(b => b[0].Contains(" Pdelay_Resp domain", StringComparison.Ordinal));
        Assert.Contains("  vlan: 100", pdelay);
        Assert.Contains("  transport: L2", pdelay);
        Assert.Contains("  requestReceiptTimestamp: 1767225637.300000500", pdelay);

        var grant = blocks.Single(b => b[0].Contains("GRANT_UNICAST_TRANSMISSION", StringComparison.Ordinal));
        Assert.Equal(
        [
            "    - GRANT_UNICAST_TRANSMISSION", "      tlvType: GRANT_UNICAST_TRANSMISSION", "      lengthField: 8",
            "      messageType: Sync", "      logInterMessagePeriod: -4", "      durationField: 300", "      renewalInvited: true",
            "    - CANCEL_UNICAST_TRANSMISSION", "      tlvType: CANCEL_UNICAST_TRANSMISSION", "      lengthField: 2",
            "      messageType: Announce", "      flags: 0",
            "    - ACKNOWLEDGE_CANCEL_UNICAST_TRANSMISSION", "      tlvType: ACKNOWLEDGE_CANCEL_UNICAST_TRANSMISSION",
            "      lengthField: 2", "      messageType: Delay_Resp", "      flags: 0",
        ], grant.SkipWhile(l => l != "  tlvs:").Skip(1).ToArray());

        var fui = blocks.Single(b => b[0].Contains(" Follow_Up domain 0 seq 2 ", StringComparison.Ordinal));
        Assert.Contains("      name: Follow_Up information (802.1AS)", fui);
        Assert.Contains("      cumulativeScaledRateOffset: -512", fui);
        Assert.Contains("  majorSdoId: 1", fui);

        var interval = blocks.Single(b => b[0].Contains(" Signaling domain 0 seq 10 ", StringComparison.Ordinal));
        Assert.Contains("      timeSyncInterval: -3", interval);
        Assert.Contains("      announceInterval: 126", interval);

        var response = blocks.Single(b => b[0].Contains("RESPONSE CURRENT_DATA_SET", StringComparison.Ordinal));
        Assert.Contains("      offsetFromMaster: -25 ns (scaled 0xffffffffffe70000)", response);
        Assert.Contains("      meanPathDelay: 1800 ns (scaled 0x0000000007080000)", response);
        Assert.Contains("  actionField: RESPONSE", response);

        var error = blocks.Single(b => b[0].Contains("NO_SUCH_ID", StringComparison.Ordinal));
        Assert.Contains("      managementErrorId: NO_SUCH_ID", error);
        Assert.Contains("      managementId: PRIORITY1", error);

        var malformed = blocks.Single(b => b[0].Contains("MALFORMED", StringComparison.Ordinal));
        Assert.Contains("  sequenceId: 4", malformed);
    }

    [Fact]
    public void Json_lines_parse_back_with_the_standard_names_and_values()
    {
        var (exit, stdout, stderr) = DumpTestSupport.Run("--json", SamplePath);
        Assert.Equal(1, exit);
        // stdout is pure JSON Lines; the summary goes to stderr.
        Assert.StartsWith("summary: 17 frames: 15 PTP messages", stderr);
        var docs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(16, docs.Count);
        Assert.Equal(
            ["Sync", "Follow_Up", "Delay_Req", "Delay_Resp", "Pdelay_Req", "Pdelay_Resp", "Pdelay_Resp_Follow_Up", "Follow_Up",
             "Announce", "Signaling", "Signaling", "Signaling", "Management", "Management", "Management", "Announce"],
            docs.Select(d => d.GetProperty("type").GetString()!).ToArray());
        foreach (var d in docs)
        {
            Assert.True(d.TryGetProperty("sequenceId", out _));
            Assert.True(d.TryGetProperty("domain", out _));
            Assert.True(d.TryGetProperty("source", out _));
        }

        var delayResp = docs[3];
        Assert.Equal(7, delayResp.GetProperty("sequenceId").GetInt32());
        Assert.Equal(0, delayResp.GetProperty("domain").GetInt32());
        Assert.Equal("192.0.2.1", delayResp.GetProperty("source").GetString());
        Assert.Equal("UDPv4", delayResp.GetProperty("transport").GetString());
        Assert.Equal(1234.5, delayResp.GetProperty("correctionNs").GetDouble());
        Assert.Equal((1234L << 16) + 0x8000, delayResp.GetProperty("correctionScaled").GetInt64());
        Assert.Equal(1767225637UL, delayResp.GetProperty("receiveTimestamp").GetProperty("seconds").GetUInt64());
        Assert.Equal(200004321U, delayResp.GetProperty("receiveTimestamp").GetProperty("nanoseconds").GetUInt32());
        Assert.Equal("02005e.fffe.000002-1", delayResp.GetProperty("requestingPortIdentity").GetString());
        Assert.Equal("2026-01-01T00:00:00.004000000Z", delayResp.GetProperty("time").GetString());
        Assert.False(delayResp.TryGetProperty("error", out _));

        var pdelayResp = docs[5];
        Assert.Equal(100, pdelayResp.GetProperty("vlan").GetInt32());
        Assert.Equal("02:00:5e:00:00:01", pdelayResp.GetProperty("source").GetString());
        Assert.Equal(-3.0, docs[6].GetProperty("correctionNs").GetDouble());

        var announce = docs[8];
        Assert.Equal(24, announce.GetProperty("domain").GetInt32());
        Assert.Equal("2001:db8::1", announce.GetProperty("source").GetString());
        Assert.Equal("02005e.fffe.000001", announce.GetProperty("grandmasterIdentity").GetString());
        Assert.Equal(6, announce.GetProperty("grandmasterClockClass").GetInt32());
        var tlvs = announce.GetProperty("tlvs").EnumerateArray().ToList();
        Assert.Equal("PATH_TRACE", tlvs[0].GetProperty("tlvType").GetString());
        Assert.Equal(["02005e.fffe.000001", "02005e.fffe.000002"],
            tlvs[0].GetProperty("pathSequence").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(-18000, tlvs[1].GetProperty("currentOffset").GetInt32());

        var get = docs[12];
        Assert.Equal("GET", get.GetProperty("actionField").GetString());
        Assert.Equal("CURRENT_DATA_SET", get.GetProperty("managementId").GetString());

        var bad = docs[15];
        Assert.Equal("TlvOverrun", bad.GetProperty("error").GetString());
        Assert.Equal("Announce", bad.GetProperty("type").GetString());
        Assert.Equal(4, bad.GetProperty("sequenceId").GetInt32());
    }

    [Fact]
    public void Exit_status_is_0_when_every_message_parsed()
    {
        // The sample without its malformed message.
        var frames = PtpSampleCapture.Build().Where(f => !f.Description.StartsWith("malformed", StringComparison.Ordinal)).ToList();
        string path = DumpTestSupport.TempFile(PtpSampleCapture.ToPcap(frames));
        try
        {
            var (exit, stdout, stderr) = DumpTestSupport.Run(path);
            Assert.Equal(0, exit);
            Assert.Equal("", stderr);
            Assert.Contains("15 PTP messages", stdout);
            Assert.Contains(", 0 malformed, ", stdout);
            Assert.DoesNotContain("MALFORMED", stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Exit_status_is_2_with_a_message_naming_the_file_and_the_problem()
    {
        var (exit, stdout, stderr) = DumpTestSupport.Run("/nonexistent/dir/capture.pcap");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("cannot read '/nonexistent/dir/capture.pcap'", stderr);

        (exit, _, stderr) = DumpTestSupport.Run(Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Contains("it is a directory", stderr);

        string text = DumpTestSupport.TempFile("just some text, not a capture"u8.ToArray(), ".txt");
        var whole = File.ReadAllBytes(SamplePath);
        string cut = DumpTestSupport.TempFile(whole[..(whole.Length - 30)]);
        string empty = DumpTestSupport.TempFile([]);
        try
        {
            (exit, stdout, stderr) = DumpTestSupport.Run(text);
            Assert.Equal(2, exit);
            Assert.Contains($"cannot read '{text}': not a pcap or pcapng file", stderr);

            (exit, _, stderr) = DumpTestSupport.Run(empty);
            Assert.Equal(2, exit);
            Assert.Contains("empty file", stderr);

            // A truncated capture: the messages before the damage are printed, then the error; status 2.
            (exit, stdout, stderr) = DumpTestSupport.Run(cut);
            Assert.Equal(2, exit);
            Assert.Contains($"cannot read '{cut}': truncated packet at offset", stderr);
            Assert.Contains(" Sync domain 0 seq 1 ", stdout);
            Assert.Contains("summary: 16 frames", stdout);
        }
        finally
        {
            File.Delete(text);
            File.Delete(cut);
            File.Delete(empty);
        }
    }

    [Fact]
    public void Bad_usage_exits_2_and_help_exits_0()
    {
        var (exit, _, stderr) = DumpTestSupport.Run();
        Assert.Equal(2, exit);
        Assert.Contains("no capture file given", stderr);
        (exit, _, stderr) = DumpTestSupport.Run("--bogus", SamplePath);
        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--bogus'", stderr);
        (exit, _, stderr) = DumpTestSupport.Run("a.pcap", "b.pcap");
        Assert.Equal(2, exit);
        Assert.Contains("one capture file only", stderr);
        var (helpExit, help, _) = DumpTestSupport.Run("--help");
        Assert.Equal(0, helpExit);
        Assert.Contains("usage: ptp4net dump [-v] [--json] FILE", help);
    }

    [Fact]
    public void Pcapng_big_endian_with_linux_cooked_sll2_dumps_the_same_messages()
    {
        // Re-encapsulate the sample's frames as SLL2 (what "tshark -i any" writes) in a big-endian pcapng.
        var frames = PtpSampleCapture.Build();
        var ms = new MemoryStream();
        var w = new PcapNgWriter(ms, bigEndian: true);
        w.AddInterface(LinkType.LinuxSll2, tsResol: 9);
        foreach (var f in frames)
        {
            var sll2 = new byte[20 + f.Data.Length - 12];
            sll2[0] = f.Data[12];
            sll2[1] = f.Data[13];
            sll2[9] = 1;  // ARPHRD_ETHER
            sll2[11] = 6; // address length
            f.Data.AsSpan(6, 6).CopyTo(sll2.AsSpan(12));
            f.Data.AsSpan(14).CopyTo(sll2.AsSpan(20));
            w.WriteEnhancedPacket(0, (ulong)f.TimestampNanoseconds, sll2);
        }
        string path = DumpTestSupport.TempFile(ms.ToArray(), ".pcapng");
        try
        {
            var (exit, stdout, _) = DumpTestSupport.Run(path);
            var (_, reference, _) = DumpTestSupport.Run(SamplePath);
            Assert.Equal(1, exit);
            Assert.Equal(reference, stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<string[]> Blocks(string output)
    {
        var blocks = new List<string[]>();
        var current = new List<string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(' ') && current.Count > 0)
            {
                blocks.Add(current.ToArray());
                current.Clear();
            }
            current.Add(line);
        }
        if (current.Count > 0) blocks.Add(current.ToArray());
        return blocks;
    }
}
