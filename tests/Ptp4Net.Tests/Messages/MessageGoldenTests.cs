using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// One hand-assembled vector per message type, laid out from IEEE 1588-2019 Table 35 (header) and Tables 43-51,
/// 56 (bodies). Each is parsed (fields checked) and written back from the parsed structs (identical octets).
/// </summary>
public class MessageGoldenTests
{
    private static readonly PortIdentity Source = new(new ClockIdentity(0x001B21FFFE010203), 1);
    private static readonly PortIdentity Requesting = new(new ClockIdentity(0xA0B0C0FFFED0E0F0), 2);

    // Header common to most vectors: sourcePortIdentity 001b21.fffe.010203-1.
    private const string SourcePid = "001B21FFFE010203 0001";

    public static byte[] SyncVector() => Wire.Hex(
        "10",                 // majorSdoId 1 | messageType 0 (Sync)
        "12",                 // minorVersionPTP 1 | versionPTP 2
        "002C",               // messageLength 44
        "18",                 // domainNumber 24
        "00",                 // minorSdoId
        "0208",               // flagField: twoStep (octet 0 bit 1), ptpTimescale (octet 1 bit 3)
        "0000000000018000",   // correctionField 1.5 ns (0x18000 = 1.5 * 2^16)
        "00000000",           // messageTypeSpecific
        SourcePid,            // sourcePortIdentity
        "1234",               // sequenceId
        "00",                 // controlField (Sync)
        "FD",                 // logMessageInterval -3
        "0000654F3A20",       // originTimestamp.secondsField 1699691040
        "1DCD6500");          // originTimestamp.nanosecondsField 500000000

    [Fact]
    public void Sync()
    {
        var bytes = SyncVector();
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        var h = m.Header;
        Assert.Equal(MessageType.Sync, h.MessageType);
        Assert.Equal(1, h.MajorSdoId);
        Assert.Equal(2, h.VersionPtp);
        Assert.Equal(1, h.MinorVersionPtp);
        Assert.Equal(44, h.MessageLength);
        Assert.Equal(24, h.DomainNumber);
        Assert.Equal(PtpFlags.TwoStep | PtpFlags.PtpTimescale, h.Flags);
        Assert.True(h.TwoStep);
        Assert.Equal(0x18000, h.CorrectionField.ScaledNanoseconds);
        Assert.Equal(1.5, h.CorrectionField.TotalNanoseconds);
        Assert.Equal(Source, h.SourcePortIdentity);
        Assert.Equal(0x1234, h.SequenceId);
        Assert.Equal(0, h.ControlField);
        Assert.Equal(-3, h.LogMessageInterval);
        Assert.Equal(new PtpTimestamp(1699691040, 500_000_000), m.Sync.OriginTimestamp);
        Assert.Equal(0, m.TlvCount);

        var built = new byte[64];
        int n = PtpMessageWriter.WriteSync(built, h, m.Sync);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void DelayReq()
    {
        var bytes = Wire.Hex(
            "01",                 // majorSdoId 0 | messageType 1 (Delay_Req)
            "02",                 // minorVersionPTP 0 | versionPTP 2
            "002C",               // messageLength 44
            "00", "00",           // domainNumber 0, minorSdoId 0
            "0000",               // flagField
            "0000000000000000",   // correctionField
            "00000000",           // messageTypeSpecific
            SourcePid,
            "FFFF",               // sequenceId 65535
            "01",                 // controlField (Delay_Req)
            "7F",                 // logMessageInterval 0x7F (Delay_Req carries 0x7F, 13.3.2.14)
            "000000000000", "00000000"); // originTimestamp 0
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.DelayReq, m.MessageType);
        Assert.Equal(0, m.Header.MinorVersionPtp);
        Assert.Equal(65535, m.Header.SequenceId);
        Assert.Equal(127, m.Header.LogMessageInterval);
        Assert.Equal(PtpTimestamp.Zero, m.DelayReq.OriginTimestamp);
        var built = new byte[64];
        int n = PtpMessageWriter.WriteDelayReq(built, m.Header, m.DelayReq);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void PdelayReq()
    {
        var bytes = Wire.Hex(
            "12",                 // majorSdoId 1 (802.1AS) | messageType 2 (Pdelay_Req)
            "02", "0036",         // versionPTP 2, messageLength 54
            "00", "00", "0000",   // domain 0, minorSdoId 0, flags 0
            "0000000000000000", "00000000", SourcePid,
            "0007", "05", "00",   // sequenceId 7, controlField 5 (other), logMessageInterval 0
            "000000000001", "00000002", // originTimestamp 1 s 2 ns
            "00000000000000000000");    // reserved (10)
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.PdelayReq, m.MessageType);
        Assert.Equal(1, m.Header.TransportSpecific);
        Assert.Equal(new PtpTimestamp(1, 2), m.PdelayReq.OriginTimestamp);
        var built = new byte[64];
        int n = PtpMessageWriter.WritePdelayReq(built, m.Header, m.PdelayReq);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void PdelayResp()
    {
        var bytes = Wire.Hex(
            "03", "02", "0036",   // Pdelay_Resp, v2, length 54
            "00", "00", "0200",   // domain 0, minorSdoId 0, flags twoStep
            "0000000000000000", "00000000", SourcePid,
            "0007", "05", "7F",   // sequenceId 7, control 5, logMessageInterval 0x7F
            "00000000FFFF", "3B9AC9FF", // requestReceiptTimestamp 65535 s 999999999 ns
            "A0B0C0FFFED0E0F0", "0002"); // requestingPortIdentity
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.PdelayResp, m.MessageType);
        Assert.Equal(new PtpTimestamp(65535, 999_999_999), m.PdelayResp.RequestReceiptTimestamp);
        Assert.Equal(Requesting, m.PdelayResp.RequestingPortIdentity);
        var built = new byte[64];
        int n = PtpMessageWriter.WritePdelayResp(built, m.Header, m.PdelayResp);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void FollowUp()
    {
        var bytes = Wire.Hex(
            "08", "02", "002C",   // Follow_Up, v2, length 44
            "00", "00", "0000",
            "FFFFFFFFFFFF0000",   // correctionField -1 ns (two's complement of 0x10000)
            "00000000", SourcePid,
            "1234", "02", "FD",   // sequenceId, controlField 2 (Follow_Up), logMessageInterval -3
            "FFFFFFFFFFFF", "3B9AC9FF"); // preciseOriginTimestamp: the largest Timestamp
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.FollowUp, m.MessageType);
        Assert.Equal(-1, m.Header.CorrectionField.WholeNanoseconds);
        Assert.Equal(PtpTimestamp.MaxValue, m.FollowUp.PreciseOriginTimestamp);
        Assert.Equal(2, m.Header.ControlField);
        var built = new byte[64];
        int n = PtpMessageWriter.WriteFollowUp(built, m.Header, m.FollowUp);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void DelayResp()
    {
        var bytes = Wire.Hex(
            "09", "02", "0036",   // Delay_Resp, v2, length 54
            "7F", "00", "0000",   // domain 127
            "0000000000000000", "00000000", SourcePid,
            "0100", "03", "00",   // sequenceId 256, controlField 3, logMinDelayReqInterval 0
            "0000654F3A21", "00000001", // receiveTimestamp 1699691041.000000001
            "A0B0C0FFFED0E0F0", "0002");
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.DelayResp, m.MessageType);
        Assert.Equal(127, m.Header.DomainNumber);
        Assert.Equal(new PtpTimestamp(1699691041, 1), m.DelayResp.ReceiveTimestamp);
        Assert.Equal(Requesting, m.DelayResp.RequestingPortIdentity);
        var built = new byte[64];
        int n = PtpMessageWriter.WriteDelayResp(built, m.Header, m.DelayResp);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void PdelayRespFollowUp()
    {
        var bytes = Wire.Hex(
            "0A", "02", "0036",   // Pdelay_Resp_Follow_Up, v2, length 54
            "00", "00", "0000",
            "0000000000640000",   // correctionField 100 ns
            "00000000", SourcePid,
            "0007", "05", "7F",
            "000000000064", "000F4240", // responseOriginTimestamp 100 s 1000000 ns
            "A0B0C0FFFED0E0F0", "0002");
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.PdelayRespFollowUp, m.MessageType);
        Assert.Equal(100, m.Header.CorrectionField.WholeNanoseconds);
        Assert.Equal(new PtpTimestamp(100, 1_000_000), m.PdelayRespFollowUp.ResponseOriginTimestamp);
        Assert.Equal(Requesting, m.PdelayRespFollowUp.RequestingPortIdentity);
        var built = new byte[64];
        int n = PtpMessageWriter.WritePdelayRespFollowUp(built, m.Header, m.PdelayRespFollowUp);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    public static byte[] AnnounceVector() => Wire.Hex(
        "0B", "12", "0040",   // Announce, minor 1 v2, messageLength 64
        "00", "00",           // domain 0, minorSdoId 0
        "003C",               // flags: currentUtcOffsetValid, ptpTimescale, timeTraceable, frequencyTraceable
        "0000000000000000", "00000000", SourcePid,
        "0042", "05", "01",   // sequenceId 66, controlField 5, logMessageInterval 1
        "000000000000", "00000000", // originTimestamp 0
        "0025",               // currentUtcOffset 37
        "00",                 // reserved
        "80",                 // grandmasterPriority1 128
        "06", "21", "4E5D",   // grandmasterClockQuality: class 6, accuracy 0x21 (100 ns), variance 0x4E5D
        "7F",                 // grandmasterPriority2 127
        "001B21FFFE010203",   // grandmasterIdentity
        "0000",               // stepsRemoved 0
        "20");                // timeSource GNSS

    [Fact]
    public void Announce()
    {
        var bytes = AnnounceVector();
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.Announce, m.MessageType);
        Assert.Equal(PtpFlags.CurrentUtcOffsetValid | PtpFlags.PtpTimescale | PtpFlags.TimeTraceable | PtpFlags.FrequencyTraceable, m.Header.Flags);
        var a = m.Announce;
        Assert.Equal(37, a.CurrentUtcOffset);
        Assert.Equal(128, a.GrandmasterPriority1);
        Assert.Equal(new ClockQuality(6, ClockAccuracy.Within100ns, 0x4E5D), a.GrandmasterClockQuality);
        Assert.Equal(127, a.GrandmasterPriority2);
        Assert.Equal(new ClockIdentity(0x001B21FFFE010203), a.GrandmasterIdentity);
        Assert.Equal(0, a.StepsRemoved);
        Assert.Equal(TimeSource.Gnss, a.TimeSource);
        var built = new byte[128];
        int n = PtpMessageWriter.WriteAnnounce(built, m.Header, a);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void AnnounceWithPathTrace()
    {
        var bytes = Wire.Hex(
            "0B", "02", "0054",   // Announce, v2, messageLength 84 = 64 + 4 + 16
            "00", "00", "0000", "0000000000000000", "00000000", SourcePid,
            "0043", "05", "01",
            "000000000000", "00000000", "0025", "00", "80", "F8FEFFFF", "80", "001B21FFFE010203", "0001", "A0",
            "0008", "0010",       // PATH_TRACE, lengthField 16
            "001B21FFFE010203",   // pathSequence[0]
            "A0B0C0FFFED0E0F0");  // pathSequence[1]
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(1, m.TlvCount);
        Assert.True(m.Tlvs.TryFind(TlvType.PathTrace, out var tlv));
        Assert.True(PathTraceTlv.TryRead(tlv, out var pt, out _));
        Assert.Equal(2, pt.Count);
        Assert.Equal(new ClockIdentity(0xA0B0C0FFFED0E0F0), pt[1]);
        Assert.Equal(ClockQuality.Default, m.Announce.GrandmasterClockQuality);
        Assert.Equal(TimeSource.InternalOscillator, m.Announce.TimeSource);

        var built = new byte[128];
        int n = PtpMessageWriter.WriteAnnounce(built, m.Header, m.Announce);
        n = PtpMessageWriter.AppendTlv(built, n, pt);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void Signaling()
    {
        var bytes = Wire.Hex(
            "0C", "02", "0036",   // Signaling, v2, messageLength 54 = 44 + 4 + 6
            "00", "00", "0400",   // flags: unicast
            "0000000000000000", "00000000", SourcePid,
            "0009", "05", "7F",
            "FFFFFFFFFFFFFFFF", "FFFF",   // targetPortIdentity: wildcard
            "0004", "0006",       // REQUEST_UNICAST_TRANSMISSION, length 6
            "B0",                 // messageType Announce (0xB) in the high nibble
            "01",                 // logInterMessagePeriod 1
            "0000012C");          // durationField 300 s
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.Signaling, m.MessageType);
        Assert.True(m.Header.Unicast);
        Assert.Equal(PortIdentity.Wildcard, m.Signaling.TargetPortIdentity);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(RequestUnicastTransmissionTlv.TryRead(tlv, out var req, out _));
        Assert.Equal(new RequestUnicastTransmissionTlv(MessageType.Announce, 1, 300), req);

        var built = new byte[128];
        int n = PtpMessageWriter.WriteSignaling(built, m.Header, m.Signaling);
        n = PtpMessageWriter.AppendTlv(built, n, req);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    public static byte[] ManagementGetVector() => Wire.Hex(
        "0D", "02", "0036",   // Management, v2, messageLength 54 = 48 + 6
        "00", "00", "0000", "0000000000000000", "00000000", SourcePid,
        "0001", "04", "7F",   // sequenceId 1, controlField 4 (Management), logMessageInterval 0x7F
        "FFFFFFFFFFFFFFFF", "FFFF", // targetPortIdentity: all clocks, all ports
        "01",                 // startingBoundaryHops 1
        "01",                 // boundaryHops 1
        "00",                 // reserved | actionField GET
        "00",                 // reserved
        "0001", "0002",       // MANAGEMENT TLV, lengthField 2
        "2001");              // managementId CURRENT_DATA_SET, no data (pmc -z)

    [Fact]
    public void ManagementGet()
    {
        var bytes = ManagementGetVector();
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.Management, m.MessageType);
        var body = m.Management;
        Assert.Equal(new ManagementBody(PortIdentity.Wildcard, 1, 1, ManagementAction.Get), body);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
        Assert.Equal(ManagementId.CurrentDataSet, mt.Id);
        Assert.True(mt.Data.IsEmpty);

        var built = new byte[128];
        int n = PtpMessageWriter.WriteManagement(built, m.Header, body);
        n = PtpMessageWriter.AppendManagementTlv(built, n, ManagementId.CurrentDataSet, default);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
        AssertRoundTrip(bytes);
    }

    [Fact]
    public void TrailingPaddingIsIgnored()
    {
        // A Sync in a minimum-size Ethernet frame: 46 payload octets, messageLength 44 (two pad octets).
        var bytes = SyncVector().Concat(new byte[] { 0, 0 }).ToArray();
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(44, m.Bytes.Length);
        Assert.True(m.Tlvs.IsEmpty);
    }

    [Fact]
    public void UnknownTlvIsKeptAndWrittenBackUnchanged()
    {
        var bytes = Wire.Hex(
            "08", "02", "0038",   // Follow_Up, messageLength 56 = 44 + 12
            "00", "00", "0000", "0000000000000000", "00000000", SourcePid,
            "1234", "02", "FD",
            "0000654F3A20", "1DCD6500",
            "7EEE", "0008",       // tlvType 0x7EEE (not defined), lengthField 8
            "DEADBEEF01020304");  // opaque value
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.Equal((TlvType)0x7EEE, tlv.Type);
        Assert.Equal("DEADBEEF01020304", Wire.ToHex(tlv.Value));
        Assert.Equal("7EEE0008DEADBEEF01020304", Wire.ToHex(tlv.Raw));

        // From the parsed message, and from body + the raw TLV.
        AssertRoundTrip(bytes);
        var built = new byte[128];
        int n = PtpMessageWriter.WriteFollowUp(built, m.Header, m.FollowUp);
        n = PtpMessageWriter.AppendTlvBytes(built, n, tlv.Raw);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(built.AsSpan(0, n)));
    }

    [Fact]
    public void ReadingAnotherTypesBodyIsAProgrammingError()
    {
        var bytes = SyncVector();
        Assert.True(PtpMessage.TryRead(bytes, out _, out _));
        Assert.Throws<InvalidOperationException>(() =>
        {
            PtpMessage.TryRead(bytes, out var m, out _);
            return m.Announce;
        });
    }

    internal static void AssertRoundTrip(byte[] bytes)
    {
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        var again = new byte[bytes.Length + 16];
        int n = PtpMessageWriter.Write(again, m);
        Assert.Equal(Wire.ToHex(bytes.AsSpan(0, m.Header.MessageLength)), Wire.ToHex(again.AsSpan(0, n)));
    }
}
