using System.Text;
using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// One hand-assembled vector per TLV kind (IEEE 1588-2019 clause 14-16, 802.1AS-2020 for the 00-80-C2 TLVs):
/// read in place, typed fields checked, and the typed TLV written into a fresh message gives the same octets.
/// </summary>
public class TlvGoldenTests
{
    private static void AssertSignalingBuild<T>(byte[] expected, in T tlv) where T : ITlvValue, allows ref struct
    {
        var buf = new byte[256];
        int n = PtpMessageWriter.WriteSignaling(buf, TlvVectors.SignalingHeader, new SignalingBody(PortIdentity.Wildcard));
        n = PtpMessageWriter.AppendTlv(buf, n, tlv);
        Assert.Equal(Wire.ToHex(expected), Wire.ToHex(buf.AsSpan(0, n)));
        MessageGoldenTests.AssertRoundTrip(expected);
    }

    [Fact]
    public void RequestUnicastTransmission()
    {
        var bytes = TlvVectors.Signaling(
            "0004", "0006",   // REQUEST_UNICAST_TRANSMISSION, length 6
            "00",             // messageType Sync (0) << 4
            "FC",             // logInterMessagePeriod -4
            "0000003C");      // durationField 60
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(RequestUnicastTransmissionTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(new RequestUnicastTransmissionTlv(MessageType.Sync, -4, 60), v);
        AssertSignalingBuild(bytes, v);
    }

    [Fact]
    public void GrantUnicastTransmission()
    {
        var bytes = TlvVectors.Signaling(
            "0005", "0008",   // GRANT_UNICAST_TRANSMISSION, length 8
            "90",             // messageType Delay_Resp (9) << 4
            "00",             // logInterMessagePeriod 0
            "0000012C",       // durationField 300
            "00",             // reserved
            "01");            // flags: renewalInvited
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(GrantUnicastTransmissionTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(new GrantUnicastTransmissionTlv(MessageType.DelayResp, 0, 300, true), v);
        AssertSignalingBuild(bytes, v);
    }

    [Fact]
    public void CancelAndAcknowledgeCancelUnicastTransmission()
    {
        var bytes = TlvVectors.Signaling(
            "0006", "0002",   // CANCEL_UNICAST_TRANSMISSION, length 2
            "B1", "00",       // messageType Announce, linuxptp flag maintain-request; reserved
            "0007", "0002",   // ACKNOWLEDGE_CANCEL_UNICAST_TRANSMISSION, length 2
            "00", "00");      // messageType Sync
        var m = TlvVectors.Parse(bytes);
        Assert.Equal(2, m.TlvCount);
        var e = m.Tlvs.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.True(CancelUnicastTransmissionTlv.TryRead(e.Current, out var c, out _));
        Assert.Equal(new CancelUnicastTransmissionTlv(MessageType.Announce, 1), c);
        Assert.True(e.MoveNext());
        Assert.True(AcknowledgeCancelUnicastTransmissionTlv.TryRead(e.Current, out var a, out _));
        Assert.Equal(new AcknowledgeCancelUnicastTransmissionTlv(MessageType.Sync), a);
        Assert.False(e.MoveNext());

        var buf = new byte[256];
        int n = PtpMessageWriter.WriteSignaling(buf, TlvVectors.SignalingHeader, new SignalingBody(PortIdentity.Wildcard));
        n = PtpMessageWriter.AppendTlv(buf, n, c);
        n = PtpMessageWriter.AppendTlv(buf, n, a);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(buf.AsSpan(0, n)));
    }

    [Fact]
    public void MessageIntervalRequest()
    {
        var bytes = TlvVectors.Signaling(
            "0003", "000C",   // ORGANIZATION_EXTENSION, length 12
            "0080C2",         // organizationId: IEEE 802.1
            "000002",         // organizationSubType 2: message interval request
            "7F",             // linkDelayInterval 127: stop
            "FD",             // timeSyncInterval -3
            "7E",             // announceInterval 126: back to initial
            "03",             // flags: computeNeighborRateRatio, computeMeanLinkDelay
            "0000");          // reserved
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(MessageIntervalRequestTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(new MessageIntervalRequestTlv(MessageIntervalRequestTlv.Stop, -3, MessageIntervalRequestTlv.SetToInitial, 3), v);
        Assert.True(OrganizationExtensionTlv.TryRead(tlv, out var org, out _));
        Assert.Equal(0x0080C2u, org.OrganizationId);
        Assert.Equal(2u, org.OrganizationSubType);
        Assert.Equal(6, org.Data.Length);
        Assert.False(FollowUpInformationTlv.TryRead(tlv, out _, out var wrong));
        Assert.Equal(ParseError.TlvTypeMismatch, wrong);
        AssertSignalingBuild(bytes, v);
        AssertSignalingBuild(bytes, org);
    }

    [Fact]
    public void GenericOrganizationExtension()
    {
        var bytes = TlvVectors.Signaling(
            "8000", "000A",   // ORGANIZATION_EXTENSION_DO_NOT_PROPAGATE, length 10
            "0019A7",         // organizationId: ITU-T
            "000001",         // organizationSubType 1
            "CAFEBABE");      // dataField
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(OrganizationExtensionTlv.TryRead(tlv, out var org, out _));
        Assert.Equal(TlvType.OrganizationExtensionDoNotPropagate, org.Type);
        Assert.Equal(0x0019A7u, org.OrganizationId);
        Assert.Equal(1u, org.OrganizationSubType);
        Assert.Equal("CAFEBABE", Wire.ToHex(org.Data));
        AssertSignalingBuild(bytes, org);
    }

    [Fact]
    public void FollowUpInformationIn8021AsFollowUp()
    {
        var bytes = Wire.Hex(
            "18", "02", "004C",   // majorSdoId 1 | Follow_Up, v2, messageLength 76 = 44 + 32
            "00", "00", "0208",   // flags twoStep, ptpTimescale
            "0000000000000000", "00000000", "001B21FFFE010203", "0001",
            "0010", "02", "FD",   // sequenceId 16, controlField 2, logMessageInterval -3
            "0000654F3A20", "1DCD6500", // preciseOriginTimestamp
            "0003", "001C",       // ORGANIZATION_EXTENSION, length 28
            "0080C2", "000001",   // IEEE 802.1, subtype 1: Follow_Up information
            "FFFFFF9C",           // cumulativeScaledRateOffset -100
            "0001",               // gmTimeBaseIndicator 1
            "FFFF", "FFFFFFFFFFFFFFFF", "8000", // lastGmPhaseChange -0.5 ns (ScaledNs -0x8000)
            "00000200");          // scaledLastGmFreqChange 512
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.Tlvs.TryFind(TlvType.OrganizationExtension, out var tlv));
        Assert.True(FollowUpInformationTlv.TryRead(tlv, out var fu, out _));
        Assert.Equal(new FollowUpInformationTlv(-100, 1, new ScaledNs(-0x8000), 512), fu);

        var buf = new byte[128];
        int n = PtpMessageWriter.WriteFollowUp(buf, m.Header, m.FollowUp);
        n = PtpMessageWriter.AppendTlv(buf, n, fu);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(buf.AsSpan(0, n)));
        MessageGoldenTests.AssertRoundTrip(bytes);
    }

    [Fact]
    public void ScaledNsLargePositive()
    {
        // nanoseconds_msb 0x0001, lsb 0x0000000000000002, fractional 0x0003: (2^64 + 2) ns * 2^16 + 3.
        var wire = Wire.Hex("0001", "0000000000000002", "0003");
        var v = ScaledNs.Read(wire);
        Assert.Equal(((Int128)1 << 80) + (2 << 16) + 3, v.Scaled);
        var back = new byte[12];
        v.Write(back);
        Assert.Equal(wire, back);
    }

    [Fact]
    public void AlternateTimeOffsetIndicator()
    {
        var bytes = TlvVectors.Signaling(
            "0009", "0014",   // ALTERNATE_TIME_OFFSET_INDICATOR, length 20
            "01",             // keyField 1
            "FFFF8F80",       // currentOffset -28800 s (UTC-8)
            "00000E10",       // jumpSeconds 3600
            "0000654F3A20",   // timeOfNextJump 1699691040
            "03", "505354",   // displayName "PST"
            "00");            // pad to even length
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(AlternateTimeOffsetIndicatorTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(1, v.KeyField);
        Assert.Equal(-28800, v.CurrentOffset);
        Assert.Equal(3600, v.JumpSeconds);
        Assert.Equal(1699691040UL, v.TimeOfNextJump);
        Assert.Equal("PST", Encoding.UTF8.GetString(v.DisplayName));
        AssertSignalingBuild(bytes, v);
    }

    [Fact]
    public void AuthenticationWithoutOptionalFields()
    {
        var bytes = TlvVectors.Signaling(
            "8009", "0016",   // AUTHENTICATION, length 22
            "05",             // spp 5
            "00",             // secParamIndicator: no optional fields
            "00000102",       // keyID 258
            "00112233445566778899AABBCCDDEEFF"); // ICV (16 octets, e.g. HMAC-SHA256-128)
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(AuthenticationTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(5, v.Spp);
        Assert.Equal(0, v.SecParamIndicator);
        Assert.Equal(258u, v.KeyId);
        Assert.Equal("00112233445566778899AABBCCDDEEFF", Wire.ToHex(v.Icv));
        Assert.True(v.DisclosedKey.IsEmpty && v.SequenceNo.IsEmpty && v.Res.IsEmpty);
        AssertSignalingBuild(bytes, v);
    }

    [Fact]
    public void AuthenticationWithOptionalFieldsNeedsTheAssociationsLengths()
    {
        var bytes = TlvVectors.Signaling(
            "8009", "0014",   // AUTHENTICATION, length 20
            "01",             // spp 1
            "03",             // secParamIndicator: disclosedKey and sequenceNo present
            "00000007",       // keyID 7
            "A1A2A3A4",       // disclosedKey (4 octets in this association)
            "000000000009",   // sequenceNo (6 octets in this association)
            "C1C2C3C4");      // ICV (4 octets)
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.False(AuthenticationTlv.TryRead(tlv, out _, out var e));
        Assert.Equal(ParseError.TlvValueInvalid, e);
        Assert.True(AuthenticationTlv.TryRead(tlv, 4, 6, 0, out var v, out _));
        Assert.Equal("A1A2A3A4", Wire.ToHex(v.DisclosedKey));
        Assert.Equal("000000000009", Wire.ToHex(v.SequenceNo));
        Assert.True(v.Res.IsEmpty);
        Assert.Equal("C1C2C3C4", Wire.ToHex(v.Icv));
        AssertSignalingBuild(bytes, v);
    }

    [Fact]
    public void ManagementErrorStatus()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0002", "000E",   // MANAGEMENT_ERROR_STATUS, length 14
            "0002",           // managementErrorId NO_SUCH_ID
            "C00D",           // managementId EXTERNAL_GRANDMASTER_PROPERTIES_NP
            "00000000",       // reserved
            "04", "6E6F7065", // displayData "nope"
            "00");            // pad
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementErrorStatusTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(ManagementErrorId.NoSuchId, v.ErrorId);
        Assert.Equal(ManagementId.ExternalGrandmasterPropertiesNp, v.ManagementId);
        Assert.Equal("nope", Encoding.UTF8.GetString(v.DisplayData));

        var buf = new byte[256];
        int n = PtpMessageWriter.WriteManagement(buf, TlvVectors.ManagementHeader, TlvVectors.ResponseBody);
        n = PtpMessageWriter.AppendTlv(buf, n, v);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(buf.AsSpan(0, n)));
        MessageGoldenTests.AssertRoundTrip(bytes);
    }

    [Fact]
    public void ManagementErrorStatusWithoutDisplayData()
    {
        var bytes = TlvVectors.ManagementResponse("0002", "0008", "0005", "2005", "00000000"); // NOT_SETABLE, PRIORITY1
        var m = TlvVectors.Parse(bytes);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementErrorStatusTlv.TryRead(tlv, out var v, out _));
        Assert.Equal(ManagementErrorId.NotSetable, v.ErrorId);
        Assert.Equal(ManagementId.Priority1, v.ManagementId);
        Assert.True(v.DisplayData.IsEmpty);
        var buf = new byte[256];
        int n = PtpMessageWriter.WriteManagement(buf, TlvVectors.ManagementHeader, TlvVectors.ResponseBody);
        n = PtpMessageWriter.AppendTlv(buf, n, v);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(buf.AsSpan(0, n)));
    }

    [Fact]
    public void TypedReadersRejectOtherTlvTypes()
    {
        var m = TlvVectors.Parse(TlvVectors.Signaling("0004", "0006", "00", "FC", "0000003C"));
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.False(GrantUnicastTransmissionTlv.TryRead(tlv, out _, out var e1));
        Assert.Equal(ParseError.TlvTypeMismatch, e1);
        Assert.False(ManagementTlv.TryRead(tlv, out _, out var e2));
        Assert.Equal(ParseError.TlvTypeMismatch, e2);
        Assert.False(PathTraceTlv.TryRead(tlv, out _, out var e3));
        Assert.Equal(ParseError.TlvTypeMismatch, e3);
        Assert.False(AuthenticationTlv.TryRead(tlv, out _, out var e4));
        Assert.Equal(ParseError.TlvTypeMismatch, e4);
    }

    [Fact]
    public void RawTlvAppendPadsToEvenLength()
    {
        var buf = new byte[128];
        int n = PtpMessageWriter.WriteSignaling(buf, TlvVectors.SignalingHeader, new SignalingBody(PortIdentity.Wildcard));
        n = PtpMessageWriter.AppendTlv(buf, n, (TlvType)0x7EEE, Wire.Hex("010203"));
        var expected = TlvVectors.Signaling("7EEE", "0004", "01020300");
        Assert.Equal(Wire.ToHex(expected), Wire.ToHex(buf.AsSpan(0, n)));
    }
}
