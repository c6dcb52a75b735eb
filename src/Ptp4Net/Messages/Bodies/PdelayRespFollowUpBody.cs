using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Pdelay_Resp_Follow_Up body (IEEE 1588-2019 13.11, Table 49): responseOriginTimestamp (10), requestingPortIdentity (10).</summary>
public readonly record struct PdelayRespFollowUpBody(PtpTimestamp ResponseOriginTimestamp, PortIdentity RequestingPortIdentity)
{
    public const int Length = 20;

    internal void Write(Span<byte> body)
    {
        ResponseOriginTimestamp.Write(body);
        RequestingPortIdentity.Write(body[PtpTimestamp.WireSize..]);
    }
}
