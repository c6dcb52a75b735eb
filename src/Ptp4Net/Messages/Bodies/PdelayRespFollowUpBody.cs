using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Pdelay_Resp_Follow_Up body (IEEE 1588-2019 13.11, Table 49): responseOriginTimestamp (10), requestingPortIdentity (10).</summary>
public readonly record struct PdelayRespFollowUpBody(PtpTimestamp ResponseOriginTimestamp, PortIdentity RequestingPortIdentity)
{
    public const int Length = 20;

    internal static bool TryRead(ReadOnlySpan<byte> body, out PdelayRespFollowUpBody value, out ParseError error)
    {
        if (!PtpTimestamp.TryRead(body, out var ts))
        {
            value = default;
            error = ParseError.InvalidTimestamp;
            return false;
        }
        value = new PdelayRespFollowUpBody(ts, PortIdentity.Read(body[PtpTimestamp.WireSize..]));
        error = ParseError.None;
        return true;
    }

    internal void Write(Span<byte> body)
    {
        ResponseOriginTimestamp.Write(body);
        RequestingPortIdentity.Write(body[PtpTimestamp.WireSize..]);
    }
}
