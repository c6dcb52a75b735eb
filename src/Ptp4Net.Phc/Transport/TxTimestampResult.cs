namespace Ptp4Net.Phc.Transport;

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
