namespace Ptp4Net.Phc.Transport;

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
