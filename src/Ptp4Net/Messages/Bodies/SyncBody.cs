using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Sync body (IEEE 1588-2019 13.6, Table 44): originTimestamp (10). With twoStep set it is an estimate; one-step senders patch it at transmit time.</summary>
public readonly record struct SyncBody(PtpTimestamp OriginTimestamp)
{
    public const int Length = 10;

    internal void Write(Span<byte> body) => OriginTimestamp.Write(body);
}
