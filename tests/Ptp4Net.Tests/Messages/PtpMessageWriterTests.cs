using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Messages;

public class PtpMessageWriterTests
{
    private static readonly PtpHeader Header = new()
    {
        SourcePortIdentity = new PortIdentity(new ClockIdentity(0x001B21FFFE010203), 1),
        SequenceId = 0x1234, LogMessageInterval = -3, MinorVersionPtp = 1, MajorSdoId = 1, DomainNumber = 24,
        Flags = PtpFlags.PtpTimescale, CorrectionField = TimeInterval.FromScaled(0x18000),
    };

    [Fact]
    public void OneStepPatchesCorrectionAndOriginTimestampInPlace()
    {
        // The golden Sync, built with a zero timestamp and correction, then patched as a one-step sender would.
        var buf = new byte[64];
        int n = PtpMessageWriter.WriteSync(buf, Header with { Flags = PtpFlags.TwoStep | PtpFlags.PtpTimescale, CorrectionField = TimeInterval.Zero }, new SyncBody(PtpTimestamp.Zero));
        PtpMessageWriter.PatchOriginTimestamp(buf.AsSpan(0, n), new PtpTimestamp(1699691040, 500_000_000));
        PtpMessageWriter.PatchCorrectionField(buf.AsSpan(0, n), TimeInterval.FromScaled(0x18000));
        Assert.Equal(Wire.ToHex(MessageGoldenTests.SyncVector()), Wire.ToHex(buf.AsSpan(0, n)));
        PtpMessageWriter.PatchSequenceId(buf, 0xBEEF);
        Assert.True(PtpMessage.TryRead(buf.AsSpan(0, n), out var m, out _));
        Assert.Equal(0xBEEF, m.Header.SequenceId);
    }

    [Fact]
    public void WriterSetsTypeLengthAndVersionRegardlessOfTheHeader()
    {
        var buf = new byte[64];
        int n = PtpMessageWriter.WriteDelayReq(buf, Header with { MessageType = MessageType.Announce, MessageLength = 999, VersionPtp = 7 }, new DelayReqBody(PtpTimestamp.Zero));
        Assert.Equal(44, n);
        Assert.True(PtpMessage.TryRead(buf.AsSpan(0, n), out var m, out _));
        Assert.Equal(MessageType.DelayReq, m.MessageType);
        Assert.Equal(44, m.Header.MessageLength);
        Assert.Equal(2, m.Header.VersionPtp);
        Assert.Equal(1, m.Header.MinorVersionPtp);
        Assert.Equal(1, m.Header.MajorSdoId);
    }

    [Fact]
    public void TooSmallDestinationThrowsAtTheCallSite()
    {
        var buf = new byte[43];
        Assert.Throws<ArgumentException>(() => PtpMessageWriter.WriteSync(buf, Header, new SyncBody(PtpTimestamp.Zero)));
        var big = new byte[50];
        int n = PtpMessageWriter.WriteSync(big, Header, new SyncBody(PtpTimestamp.Zero));
        Assert.Throws<ArgumentException>(() => PtpMessageWriter.AppendTlv(big, n, TlvType.Pad, new byte[8]));
    }

    [Fact]
    public void AppendedTlvsUpdateMessageLengthAndParse()
    {
        var buf = new byte[256];
        int n = PtpMessageWriter.WriteManagement(buf, Header with { ControlField = 4 }, new ManagementBody(PortIdentity.Wildcard, 1, 1, ManagementAction.Response));
        n = PtpMessageWriter.AppendManagementTlv(buf, n, new PortPropertiesNp(Header.SourcePortIdentity, 9, 1, "eno1"u8));
        Assert.Equal(48 + 4 + 2 + 17 + 1, n); // header+body, TLV header, id, data, pad
        Assert.True(PtpMessage.TryRead(buf.AsSpan(0, n), out var m, out var e), e.ToString());
        Assert.Equal(n, m.Header.MessageLength);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
        Assert.True(mt.TryGet<PortPropertiesNp>(out var pp, out _));
        Assert.True(pp.InterfaceName.SequenceEqual("eno1"u8));
    }

    [Theory]
    [InlineData(MessageType.Sync, 0)]
    [InlineData(MessageType.DelayReq, 1)]
    [InlineData(MessageType.FollowUp, 2)]
    [InlineData(MessageType.DelayResp, 3)]
    [InlineData(MessageType.Management, 4)]
    [InlineData(MessageType.Announce, 5)]
    [InlineData(MessageType.PdelayReq, 5)]
    [InlineData(MessageType.Signaling, 5)]
    public void ControlFieldFollowsTable23(MessageType t, byte control) => Assert.Equal(control, PtpHeader.ControlFieldFor(t));

    [Fact]
    public void HeaderOnlyReadChecksLengthAndVersion()
    {
        Assert.True(PtpHeader.TryRead(MessageGoldenTests.SyncVector(), out var h, out _));
        Assert.Equal(0x1234, h.SequenceId);
        Assert.False(PtpHeader.TryRead(new byte[33], out _, out var e));
        Assert.Equal(ParseError.HeaderTooShort, e);
        Assert.False(PtpHeader.TryRead(new byte[34], out _, out e));
        Assert.Equal(ParseError.UnsupportedVersion, e);
    }

    [Fact]
    public void WritingAllocatesNothing()
    {
        var buf = new byte[256];
        var body = new AnnounceBody { GrandmasterIdentity = new ClockIdentity(1), GrandmasterClockQuality = ClockQuality.Default };
        var cds = new ManagementCurrentDataSet(1, TimeInterval.FromNanoseconds(5), TimeInterval.FromNanoseconds(6));
        void Run()
        {
            for (int i = 0; i < 1000; i++)
            {
                PtpMessageWriter.WriteSync(buf, Header, new SyncBody(PtpTimestamp.Zero));
                PtpMessageWriter.WriteAnnounce(buf, Header, body);
                int n = PtpMessageWriter.WriteManagement(buf, Header, new ManagementBody(PortIdentity.Wildcard, 1, 1, ManagementAction.Response));
                PtpMessageWriter.AppendManagementTlv(buf, n, cds);
            }
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
