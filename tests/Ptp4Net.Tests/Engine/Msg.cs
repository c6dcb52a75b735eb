using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Engine;

/// <summary>Builds wire messages for engine tests with the codec (independent of the engine's own writer).</summary>
internal static class Msg
{
    public static PtpHeader Header(PortIdentity source, ushort seq, PtpFlags flags = PtpFlags.None, long correctionNs = 0,
        long correctionScaled = 0, sbyte log = 0, byte domain = 0) => new()
    {
        MinorVersionPtp = 1,
        DomainNumber = domain,
        Flags = flags,
        CorrectionField = TimeInterval.FromScaled((correctionNs << 16) + correctionScaled),
        SourcePortIdentity = source,
        SequenceId = seq,
        LogMessageInterval = log,
    };

    private static byte[] Done(Span<byte> b, int n) => b[..n].ToArray();

    public static byte[] Announce(PortIdentity source, ushort seq, byte priority1 = 128, ushort stepsRemoved = 0,
        ClockIdentity? gm = null, byte clockClass = 248, sbyte log = 0, byte domain = 0)
    {
        Span<byte> b = stackalloc byte[256];
        int n = PtpMessageWriter.WriteAnnounce(b, Header(source, seq, PtpFlags.PtpTimescale, log: log, domain: domain), new AnnounceBody
        {
            CurrentUtcOffset = 37,
            GrandmasterPriority1 = priority1,
            GrandmasterClockQuality = new ClockQuality(clockClass, ClockAccuracy.Unknown, 0xFFFF),
            GrandmasterPriority2 = 128,
            GrandmasterIdentity = gm ?? source.ClockIdentity,
            StepsRemoved = stepsRemoved,
            TimeSource = (TimeSource)0xA0,
        });
        return Done(b, n);
    }

    public static byte[] Sync(PortIdentity source, ushort seq, bool twoStep, long originNs = 0, long correctionNs = 0, sbyte log = -3)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WriteSync(b, Header(source, seq, twoStep ? PtpFlags.TwoStep : PtpFlags.None, correctionNs, log: log),
            new SyncBody(PtpTimestamp.FromNanoseconds(originNs)));
        return Done(b, n);
    }

    public static byte[] FollowUp(PortIdentity source, ushort seq, long preciseOriginNs, long correctionNs = 0, long correctionScaled = 0)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WriteFollowUp(b, Header(source, seq, correctionNs: correctionNs, correctionScaled: correctionScaled, log: -3),
            new FollowUpBody(PtpTimestamp.FromNanoseconds(preciseOriginNs)));
        return Done(b, n);
    }

    public static byte[] DelayReq(PortIdentity source, ushort seq, long correctionNs = 0, bool unicast = false)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WriteDelayReq(b, Header(source, seq, unicast ? PtpFlags.Unicast : PtpFlags.None, correctionNs, log: 0x7F),
            new DelayReqBody(PtpTimestamp.Zero));
        return Done(b, n);
    }

    public static byte[] DelayResp(PortIdentity source, ushort seq, PortIdentity requester, long t4Ns, long correctionNs = 0, sbyte log = 0)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WriteDelayResp(b, Header(source, seq, correctionNs: correctionNs, log: log),
            new DelayRespBody(PtpTimestamp.FromNanoseconds(t4Ns), requester));
        return Done(b, n);
    }

    public static byte[] PdelayReq(PortIdentity source, ushort seq, long correctionNs = 0)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WritePdelayReq(b, Header(source, seq, correctionNs: correctionNs, log: 0x7F), new PdelayReqBody(PtpTimestamp.Zero));
        return Done(b, n);
    }

    public static byte[] PdelayResp(PortIdentity source, ushort seq, PortIdentity requester, long t2Ns, bool twoStep = true, long correctionNs = 0)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WritePdelayResp(b, Header(source, seq, twoStep ? PtpFlags.TwoStep : PtpFlags.None, correctionNs, log: 0x7F),
            new PdelayRespBody(PtpTimestamp.FromNanoseconds(t2Ns), requester));
        return Done(b, n);
    }

    public static byte[] PdelayRespFollowUp(PortIdentity source, ushort seq, PortIdentity requester, long t3Ns, long correctionNs = 0)
    {
        Span<byte> b = stackalloc byte[64];
        int n = PtpMessageWriter.WritePdelayRespFollowUp(b, Header(source, seq, correctionNs: correctionNs, log: 0x7F),
            new PdelayRespFollowUpBody(PtpTimestamp.FromNanoseconds(t3Ns), requester));
        return Done(b, n);
    }

    public static PtpMessage Parse(ReadOnlySpan<byte> bytes)
    {
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var err), err.ToString());
        return m;
    }
}
