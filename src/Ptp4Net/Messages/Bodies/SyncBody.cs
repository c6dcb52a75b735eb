using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>Sync body (IEEE 1588-2019 13.6, Table 44): originTimestamp (10). With twoStep set it is an estimate; one-step senders patch it at transmit time.</summary>
public readonly record struct SyncBody(PtpTimestamp OriginTimestamp)
{
    public const int Length = 10;

    internal static bool TryRead(ReadOnlySpan<byte> body, out SyncBody value, out ParseError error)
    {
        if (!PtpTimestamp.TryRead(body, out var ts))
        {
            value = default;
            error = ParseError.InvalidTimestamp;
            return false;
        }
        value = new SyncBody(ts);
        error = ParseError.None;
        return true;
    }

    internal void Write(Span<byte> body) => OriginTimestamp.Write(body);
}
