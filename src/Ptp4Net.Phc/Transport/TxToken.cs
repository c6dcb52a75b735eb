namespace Ptp4Net.Phc.Transport;

/// <summary>
/// Pairs one sent event message with its TX time stamp (statime's idea). Key is the SOF_TIMESTAMPING_OPT_ID
/// value the kernel puts in ee_data for that very packet. The transport accepts each token once: a second
/// collection of the same token is answered with <see cref="TxTimestampStatus.AlreadyCollected"/>.
/// </summary>
public readonly struct TxToken
{
    internal TxToken(int transportId, uint key, byte messageType, ushort sequenceId, bool expectsStamp)
    {
        TransportId = transportId;
        Key = key;
        MessageType = messageType;
        SequenceId = sequenceId;
        ExpectsStamp = expectsStamp;
    }

    internal int TransportId { get; }
    /// <summary>The OPT_ID key of the packet.</summary>
    public uint Key { get; }
    /// <summary>messageType (low nibble of octet 0) of the message sent, for the looped-back payload check.</summary>
    public byte MessageType { get; }
    /// <summary>sequenceId (octets 30-31) of the message sent.</summary>
    public ushort SequenceId { get; }
    /// <summary>False for a one-step Sync: the hardware inserted the time, no TX stamp will come.</summary>
    public bool ExpectsStamp { get; }
    public bool IsValid => TransportId != 0;
}

public enum TxTimestampStatus
{
    Ok,
    /// <summary>No stamp within tx_timestamp_timeout: the port must fault (as ptp4l does).</summary>
    Timeout,
    /// <summary>A stamp carried our key but the looped payload is a different message.</summary>
    PayloadMismatch,
    /// <summary>The token was already collected, or belongs to another transport.</summary>
    AlreadyCollected,
    /// <summary>The message needs no stamp (one-step Sync).</summary>
    NotExpected,
    /// <summary>recvmsg/poll failed; see Errno.</summary>
    Error,
}

/// <summary>The outcome of collecting a TX stamp.</summary>
public readonly struct TxTimestampResult
{
    public TxTimestampResult(TxTimestampStatus status, PacketTimestamp timestamp, Errno errno, int staleDiscarded)
    {
        Status = status;
        Timestamp = timestamp;
        Errno = errno;
        StaleDiscarded = staleDiscarded;
    }

    public TxTimestampStatus Status { get; }
    public PacketTimestamp Timestamp { get; }
    public Errno Errno { get; }
    /// <summary>Error-queue entries with other (older) keys thrown away while looking for this one.</summary>
    public int StaleDiscarded { get; }
    public bool IsOk => Status == TxTimestampStatus.Ok;

    /// <summary>A message for the log (allocates: call it on the fault path only).</summary>
    public string Describe(in TxToken token, int timeoutMs) => Status switch
    {
        TxTimestampStatus.Ok => $"TX timestamp {Timestamp} for key {token.Key}",
        TxTimestampStatus.Timeout =>
            $"timed out while polling for tx timestamp (key {token.Key}, messageType {token.MessageType}, sequenceId {token.SequenceId}, waited {timeoutMs} ms); increasing tx_timestamp_timeout may correct this; it may also be a driver bug",
        TxTimestampStatus.PayloadMismatch => $"TX timestamp with key {token.Key} belongs to another message than messageType {token.MessageType} sequenceId {token.SequenceId}",
        TxTimestampStatus.AlreadyCollected => $"TX token {token.Key} already collected",
        TxTimestampStatus.NotExpected => "one-step message: no TX timestamp",
        _ => $"reading the error queue failed: {Interop.Describe(Errno)}",
    };
}

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
