namespace Ptp4Net.Phc.Transport;

/// <summary>What one receive call delivered into the caller's buffer.</summary>
public readonly struct ReceivedMessage
{
    public ReceivedMessage(int length, PacketTimestamp timestamp, PeerAddress source, bool truncated)
    {
        Length = length;
        Timestamp = timestamp;
        Source = source;
        Truncated = truncated;
    }

    /// <summary>Bytes of the PTP message written to the buffer (L2: after the Ethernet header).</summary>
    public int Length { get; }
    /// <summary>The RX stamp; may be absent (the first packet after enabling software stamping often is).</summary>
    public PacketTimestamp Timestamp { get; }
    public PeerAddress Source { get; }
    public bool Truncated { get; }
}
