namespace Ptp4Net.Engine;

/// <summary>Why a port went FAULTY.</summary>
public enum FaultReason : byte
{
    None,
    /// <summary>The host reported that a TX timestamp never came (ptp4l "timed out while polling for tx timestamp").</summary>
    TxTimestampLost,
    /// <summary>The link went down.</summary>
    LinkDown,
    /// <summary>The host reported a send failure.</summary>
    SendFailed,
    /// <summary>Not a fault: the link came back (logged with <see cref="LogKind.Fault"/> as ptp4l's "link up").</summary>
    LinkUp,
}
