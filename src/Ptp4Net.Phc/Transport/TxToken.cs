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
