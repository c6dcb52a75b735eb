using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Delay_Req body (IEEE 1588-2019 13.6, Table 44): originTimestamp (10), the same layout as Sync.</summary>
public readonly record struct DelayReqBody(PtpTimestamp OriginTimestamp)
{
    public const int Length = 10;

    internal void Write(Span<byte> body) => OriginTimestamp.Write(body);
}
