using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// Pdelay_Req body (IEEE 1588-2019 13.9, Table 47): originTimestamp (10) and 10 reserved octets, so that the
/// request is as long as the response (symmetric residence in transparent clocks). Reserved octets are
/// written as zero.
/// </summary>
public readonly record struct PdelayReqBody(PtpTimestamp OriginTimestamp)
{
    public const int Length = 20;

    internal static bool TryRead(ReadOnlySpan<byte> body, out PdelayReqBody value, out ParseError error)
    {
        if (!PtpTimestamp.TryRead(body, out var ts))
        {
            value = default;
            error = ParseError.InvalidTimestamp;
            return false;
        }
        value = new PdelayReqBody(ts);
        error = ParseError.None;
        return true;
    }

    internal void Write(Span<byte> body)
    {
        OriginTimestamp.Write(body);
        body.Slice(PtpTimestamp.WireSize, 10).Clear();
    }
}
