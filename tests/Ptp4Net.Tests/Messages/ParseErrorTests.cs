using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

/// <summary>Every <see cref="ParseError"/> reason is reachable, and the checks run in the documented order.</summary>
public class ParseErrorTests
{
    private static ParseError Parse(byte[] b)
    {
        bool ok = PtpMessage.TryRead(b, out _, out var e);
        Assert.Equal(ok, e == ParseError.None);
        return e;
    }

    private static byte[] Sync() => MessageGoldenTests.SyncVector();

    private static byte[] With(byte[] b, int offset, params byte[] octets)
    {
        var c = (byte[])b.Clone();
        octets.CopyTo(c, offset);
        return c;
    }

    private static readonly Dictionary<ParseError, Func<ParseError>> Cases = new()
    {
        [ParseError.HeaderTooShort] = () => Parse(Sync()[..33]),
        [ParseError.UnsupportedVersion] = () => Parse(With(Sync(), 1, 0x01)), // versionPTP 1
        [ParseError.UnknownMessageType] = () => Parse(With(Sync(), 0, 0x04)), // reserved messageType 4
        [ParseError.BodyTooShort] = () => Parse(Sync()[..43]),
        [ParseError.InvalidTimestamp] = () => Parse(With(Sync(), 40, 0x3B, 0x9A, 0xCA, 0x00)), // ns = 10^9
        [ParseError.InvalidManagementAction] = () => Parse(With(MessageGoldenTests.ManagementGetVector(), 46, 0x05)),
        [ParseError.TlvHeaderTruncated] = () => Parse(TlvVectors.Signaling("0008", "0000", "0003")), // 2 octets left
        [ParseError.TlvLengthOdd] = () => Parse(TlvVectors.Signaling("7EEE", "0003", "01020300")),
        [ParseError.TlvOverrun] = () => Parse(TlvVectors.Signaling("7EEE", "0010", "01020304")),
        [ParseError.TlvLengthInvalid] = () => Parse(TlvVectors.Signaling("0004", "0004", "00000000")), // request needs 6
        [ParseError.ManagementDataLengthInvalid] = () => Parse(TlvVectors.ManagementResponse("0001", "0006", "2001", "00000000")),
        [ParseError.ManagementTlvMissing] = () => Parse(With(MessageGoldenTests.ManagementGetVector()[..48], 2, 0x00, 0x30)),
        [ParseError.MessageLengthTooShort] = () => Parse(With(Sync(), 2, 0x00, 0x28)), // messageLength 40 < 44
        [ParseError.MessageTruncated] = () => Parse(With(Sync(), 2, 0x00, 0x3C)),      // messageLength 60 > 44
        [ParseError.TlvValueInvalid] = () =>
        {
            PtpMessage.TryRead(TlvVectors.ManagementResponse("0001", "0010", "C004", "001B21FFFE0102030001", "06", "01", "09", "00"), out var m, out _);
            m.TryGetFirstTlv(out var tlv);
            ManagementTlv.TryRead(tlv, out var mt, out _);
            mt.TryGet<PortPropertiesNp>(out _, out var e);
            return e;
        },
        [ParseError.TlvTypeMismatch] = () =>
        {
            PtpMessage.TryRead(TlvVectors.Signaling("0004", "0006", "00", "FC", "0000003C"), out var m, out _);
            m.TryGetFirstTlv(out var tlv);
            ManagementTlv.TryRead(tlv, out _, out var e);
            return e;
        },
    };

    public static TheoryData<ParseError> AllReasons()
    {
        var d = new TheoryData<ParseError>();
        foreach (var r in Enum.GetValues<ParseError>())
            if (r != ParseError.None) d.Add(r);
        return d;
    }

    [Theory]
    [MemberData(nameof(AllReasons))]
    public void EveryReasonIsReachable(ParseError reason)
    {
        Assert.True(Cases.TryGetValue(reason, out var make), $"no case for {reason}");
        Assert.Equal(reason, make());
    }

    [Theory]
    [InlineData(0x00)] // versionPTP 0
    [InlineData(0x03)] // versionPTP 3
    [InlineData(0x11)] // versionPTP 1 with a minor version
    public void OnlyVersion2IsAccepted(byte versionOctet) =>
        Assert.Equal(ParseError.UnsupportedVersion, Parse(With(Sync(), 1, versionOctet)));

    [Theory]
    [InlineData(0x02)] // minorVersionPTP 0 (1588-2008)
    [InlineData(0x12)] // minorVersionPTP 1 (1588-2019)
    public void MinorVersionsZeroAndOneAreAccepted(byte versionOctet) =>
        Assert.Equal(ParseError.None, Parse(With(Sync(), 1, versionOctet)));

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(0xE)]
    [InlineData(0xF)]
    public void ReservedMessageTypesAreRejected(byte type) =>
        Assert.Equal(ParseError.UnknownMessageType, Parse(With(Sync(), 0, type)));

    [Fact]
    public void ChecksRunInTheFixedOrder()
    {
        // Header length before everything.
        Assert.Equal(ParseError.HeaderTooShort, Parse(With(Sync(), 1, 0x01)[..20]));
        // Version before type and body length.
        Assert.Equal(ParseError.UnsupportedVersion, Parse(With(Sync(), 0, 0x04, 0x01)[..36]));
        // Type before body length.
        Assert.Equal(ParseError.UnknownMessageType, Parse(With(Sync(), 0, 0x04)[..36]));
        // Body length before body fields: a Delay_Resp (54) in a Sync-sized buffer.
        Assert.Equal(ParseError.BodyTooShort, Parse(With(Sync(), 0, 0x09)));
        // Body fields before TLVs and total length.
        var badTsAndLength = With(Sync(), 40, 0x3B, 0x9A, 0xCA, 0x00);
        badTsAndLength[3] = 0x3C;
        Assert.Equal(ParseError.InvalidTimestamp, Parse(badTsAndLength));
        // TLV walk before the total length check: the walk stops at the buffer's end first.
        var overrunAndTruncated = TlvVectors.Signaling("7EEE", "0010", "01020304");
        overrunAndTruncated[3] += 0x20;
        Assert.Equal(ParseError.TlvOverrun, Parse(overrunAndTruncated));
    }

    [Fact]
    public void TlvsAreOnlyWalkedUpToMessageLength()
    {
        // Garbage after messageLength (padding) is not a TLV.
        var b = MessageGoldenTests.SyncVector().Concat(new byte[] { 0x00, 0x01, 0xFF }).ToArray();
        Assert.Equal(ParseError.None, Parse(b));
    }

    [Fact]
    public void ManagementErrorStatusSatisfiesTheManagementTlvRequirement()
    {
        var b = TlvVectors.ManagementResponse("0002", "0008", "0002", "2001", "00000000");
        Assert.Equal(ParseError.None, Parse(b));
    }

    [Fact]
    public void KnownTlvFixedPartsAreChecked()
    {
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0008", "0006", "000000000000"))); // PATH_TRACE not 8n
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0003", "0004", "0080C200")));     // org < 6
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0003", "000A", "0080C2000001", "00000000"))); // FU info != 28
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0003", "000A", "0080C2000002", "00000000"))); // interval req != 12
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0005", "0006", "000000000000")));    // grant < 8
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0006", "0000")));                    // cancel < 2
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("0009", "000E", "0000000000000000000000000000"))); // ATOI < 16
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.Signaling("8009", "0004", "00000000")));        // auth < 6
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.ManagementResponse("0001", "0000")));          // no managementId
        Assert.Equal(ParseError.TlvLengthInvalid, Parse(TlvVectors.ManagementResponse("0002", "0004", "00022001"))); // error status < 8
        // Another OUI with subtype 1 is opaque: any length.
        Assert.Equal(ParseError.None, Parse(TlvVectors.Signaling("0003", "000A", "0019A7000001", "00000000")));
    }
}
