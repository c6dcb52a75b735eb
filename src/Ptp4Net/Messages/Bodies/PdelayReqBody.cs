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

    internal void Write(Span<byte> body)
    {
        OriginTimestamp.Write(body);
        body.Slice(PtpTimestamp.WireSize, 10).Clear();
    }
}
