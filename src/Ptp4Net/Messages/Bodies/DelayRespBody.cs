using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Delay_Resp body (IEEE 1588-2019 13.8, Table 46): receiveTimestamp (10), requestingPortIdentity (10).</summary>
public readonly record struct DelayRespBody(PtpTimestamp ReceiveTimestamp, PortIdentity RequestingPortIdentity)
{
    public const int Length = 20;

    internal void Write(Span<byte> body)
    {
        ReceiveTimestamp.Write(body);
        RequestingPortIdentity.Write(body[PtpTimestamp.WireSize..]);
    }
}
