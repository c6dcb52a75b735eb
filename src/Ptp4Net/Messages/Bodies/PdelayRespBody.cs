using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Pdelay_Resp body (IEEE 1588-2019 13.10, Table 48): requestReceiptTimestamp (10), requestingPortIdentity (10).</summary>
public readonly record struct PdelayRespBody(PtpTimestamp RequestReceiptTimestamp, PortIdentity RequestingPortIdentity)
{
    public const int Length = 20;

    internal void Write(Span<byte> body)
    {
        RequestReceiptTimestamp.Write(body);
        RequestingPortIdentity.Write(body[PtpTimestamp.WireSize..]);
    }
}
