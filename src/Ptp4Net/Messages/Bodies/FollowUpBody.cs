using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Follow_Up body (IEEE 1588-2019 13.7, Table 45): preciseOriginTimestamp (10). 802.1AS appends the Follow_Up information TLV.</summary>
public readonly record struct FollowUpBody(PtpTimestamp PreciseOriginTimestamp)
{
    public const int Length = 10;

    internal void Write(Span<byte> body) => PreciseOriginTimestamp.Write(body);
}
