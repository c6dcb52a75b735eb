using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// A received PTP message, validated, seen in place over the receive buffer (nothing is copied). Switch on
/// <see cref="MessageType"/>, then read the body through the property of that type (e.g. <see cref="Sync"/>)
/// and the TLVs through <see cref="Tlvs"/>.
/// </summary>
public readonly ref struct PtpMessage
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _bodyLength;

    private PtpMessage(ReadOnlySpan<byte> bytes, PtpHeader header, int bodyLength, int tlvCount)
    {
        _bytes = bytes;
        Header = header;
        _bodyLength = bodyLength;
        TlvCount = tlvCount;
    }

    public PtpHeader Header { get; }
    public MessageType MessageType => Header.MessageType;
    /// <summary>Exactly messageLength octets (trailing padding of the buffer excluded).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;
    /// <summary>The fixed body after the header.</summary>
    public ReadOnlySpan<byte> Body => _bytes.Slice(PtpHeader.Length, _bodyLength);
    /// <summary>The encoded TLVs after the body, as received.</summary>
    public ReadOnlySpan<byte> TlvBytes => _bytes[(PtpHeader.Length + _bodyLength)..];
    public TlvList Tlvs => new(TlvBytes);
    public int TlvCount { get; }

    public SyncBody Sync => SyncBody.TryRead(BodyOf(MessageType.Sync), out var v, out _) ? v : default;
    public DelayReqBody DelayReq => DelayReqBody.TryRead(BodyOf(MessageType.DelayReq), out var v, out _) ? v : default;
    public PdelayReqBody PdelayReq => PdelayReqBody.TryRead(BodyOf(MessageType.PdelayReq), out var v, out _) ? v : default;
    public PdelayRespBody PdelayResp => PdelayRespBody.TryRead(BodyOf(MessageType.PdelayResp), out var v, out _) ? v : default;
    public FollowUpBody FollowUp => FollowUpBody.TryRead(BodyOf(MessageType.FollowUp), out var v, out _) ? v : default;
    public DelayRespBody DelayResp => DelayRespBody.TryRead(BodyOf(MessageType.DelayResp), out var v, out _) ? v : default;
    public PdelayRespFollowUpBody PdelayRespFollowUp =>
        PdelayRespFollowUpBody.TryRead(BodyOf(MessageType.PdelayRespFollowUp), out var v, out _) ? v : default;
    public AnnounceBody Announce => AnnounceBody.TryRead(BodyOf(MessageType.Announce), out var v, out _) ? v : default;
    public SignalingBody Signaling => SignalingBody.Read(BodyOf(MessageType.Signaling));
    public ManagementBody Management => ManagementBody.TryRead(BodyOf(MessageType.Management), out var v, out _) ? v : default;

    /// <summary>The first TLV: for a management message its MANAGEMENT or MANAGEMENT_ERROR_STATUS TLV.</summary>
    public bool TryGetFirstTlv(out Tlv tlv) => Tlvs.TryGetFirst(out tlv);

    private ReadOnlySpan<byte> BodyOf(MessageType expected)
    {
        // Reading another type's body is a programming error in the caller, not a network error.
        if (MessageType != expected)
            throw new InvalidOperationException($"message is {MessageType}, not {expected}");
        return Body;
    }

    /// <summary>Length of the fixed body of each message type (clause 13 tables), or -1 for a reserved type.</summary>
    public static int BodyLength(MessageType type) => type switch
    {
        MessageType.Sync => SyncBody.Length,
        MessageType.DelayReq => DelayReqBody.Length,
        MessageType.PdelayReq => PdelayReqBody.Length,
        MessageType.PdelayResp => PdelayRespBody.Length,
        MessageType.FollowUp => FollowUpBody.Length,
        MessageType.DelayResp => DelayRespBody.Length,
        MessageType.PdelayRespFollowUp => PdelayRespFollowUpBody.Length,
        MessageType.Announce => AnnounceBody.Length,
        MessageType.Signaling => SignalingBody.Length,
        MessageType.Management => ManagementBody.Length,
        _ => -1,
    };

    /// <summary>
    /// Parses and validates a received message. The checks run in one fixed order (linuxptp msg_post_recv):
    /// header length, versionPTP, messageType and body length, body fields (timestamps, actionField), TLV walk
    /// within messageLength, then messageLength against header + body and against the buffer. A buffer longer
    /// than messageLength is accepted (Ethernet padding); the extra octets are ignored. Never throws.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, out PtpMessage message, out ParseError error)
    {
        error = Validate(buffer, out var header, out int bodyLength, out int tlvCount);
        if (error != ParseError.None)
        {
            message = default;
            return false;
        }
        message = new PtpMessage(buffer[..header.MessageLength], header, bodyLength, tlvCount);
        return true;
    }

    private static ParseError Validate(ReadOnlySpan<byte> buffer, out PtpHeader header, out int bodyLength, out int tlvCount)
    {
        bodyLength = 0;
        tlvCount = 0;
        if (!PtpHeader.TryRead(buffer, out header, out var error)) return error;

        bodyLength = BodyLength(header.MessageType);
        if (bodyLength < 0) return ParseError.UnknownMessageType;
        int fixedLength = PtpHeader.Length + bodyLength;
        if (buffer.Length < fixedLength) return ParseError.BodyTooShort;

        error = CheckBody(header.MessageType, buffer.Slice(PtpHeader.Length, bodyLength));
        if (error != ParseError.None) return error;

        // The TLV region ends at messageLength, or at the buffer's end if that comes first (reported below).
        int end = Math.Min(header.MessageLength, buffer.Length);
        if (end > fixedLength)
        {
            error = TlvValidator.Walk(buffer[fixedLength..end], out tlvCount);
            if (error != ParseError.None) return error;
        }
        if (header.MessageLength < fixedLength) return ParseError.MessageLengthTooShort;
        if (header.MessageLength > buffer.Length) return ParseError.MessageTruncated;
        if (header.MessageType == MessageType.Management && tlvCount == 0) return ParseError.ManagementTlvMissing;
        return ParseError.None;
    }

    private static ParseError CheckBody(MessageType type, ReadOnlySpan<byte> body)
    {
        switch (type)
        {
            case MessageType.Signaling:
                return ParseError.None;
            case MessageType.Management:
                ManagementBody.TryRead(body, out _, out var e);
                return e;
            default:
                // Every other body starts with a Timestamp (Tables 43-49).
                return PtpTimestamp.TryRead(body, out _) ? ParseError.None : ParseError.InvalidTimestamp;
        }
    }
}
