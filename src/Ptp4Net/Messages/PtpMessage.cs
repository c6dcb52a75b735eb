using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ptp4Net.Identity;
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
    // The body's first Timestamp (every body but Signaling and Management starts with one), decoded while
    // validating so the body accessors do not decode it again.
    private readonly PtpTimestamp _timestamp;

    private PtpMessage(ReadOnlySpan<byte> bytes, PtpHeader header, int bodyLength, int tlvCount, PtpTimestamp timestamp)
    {
        _bytes = bytes;
        Header = header;
        _bodyLength = bodyLength;
        TlvCount = tlvCount;
        _timestamp = timestamp;
        MessageType = header.MessageType;
    }

    public PtpHeader Header { get; }
    public MessageType MessageType { get; }
    /// <summary>Exactly messageLength octets (trailing padding of the buffer excluded).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;
    /// <summary>The fixed body after the header.</summary>
    public ReadOnlySpan<byte> Body => _bytes.Slice(PtpHeader.Length, _bodyLength);
    /// <summary>The encoded TLVs after the body, as received.</summary>
    public ReadOnlySpan<byte> TlvBytes => _bytes[(PtpHeader.Length + _bodyLength)..];
    public TlvList Tlvs => new(TlvBytes);
    public int TlvCount { get; }

    public SyncBody Sync => new(TimestampOf(MessageType.Sync));
    public DelayReqBody DelayReq => new(TimestampOf(MessageType.DelayReq));
    public PdelayReqBody PdelayReq => new(TimestampOf(MessageType.PdelayReq));
    public PdelayRespBody PdelayResp => new(TimestampOf(MessageType.PdelayResp), RequestingPortIdentity);
    public FollowUpBody FollowUp => new(TimestampOf(MessageType.FollowUp));
    public DelayRespBody DelayResp => new(TimestampOf(MessageType.DelayResp), RequestingPortIdentity);
    public PdelayRespFollowUpBody PdelayRespFollowUp => new(TimestampOf(MessageType.PdelayRespFollowUp), RequestingPortIdentity);
    public AnnounceBody Announce => AnnounceBody.Read(Body, TimestampOf(MessageType.Announce));
    public SignalingBody Signaling => SignalingBody.Read(BodyOf(MessageType.Signaling));
    public ManagementBody Management => ManagementBody.TryRead(BodyOf(MessageType.Management), out var v, out _) ? v : default;

    /// <summary>The first TLV: for a management message its MANAGEMENT or MANAGEMENT_ERROR_STATUS TLV.</summary>
    public bool TryGetFirstTlv(out Tlv tlv) => Tlvs.TryGetFirst(out tlv);

    // requestingPortIdentity follows the Timestamp in Delay_Resp, Pdelay_Resp and Pdelay_Resp_Follow_Up.
    private PortIdentity RequestingPortIdentity
    {
        get
        {
            ref byte r = ref MemoryMarshal.GetReference(_bytes);
            const int at = PtpHeader.Length + PtpTimestamp.WireSize;
            return new PortIdentity(new ClockIdentity(PtpHeader.Be64(ref r, at)), PtpHeader.Be16(ref r, at + 8));
        }
    }

    private PtpTimestamp TimestampOf(MessageType expected)
    {
        if (MessageType != expected) ThrowWrongType(expected);
        return _timestamp;
    }

    private ReadOnlySpan<byte> BodyOf(MessageType expected)
    {
        if (MessageType != expected) ThrowWrongType(expected);
        return Body;
    }

    // Reading another type's body is a programming error in the caller, not a network error.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowWrongType(MessageType expected) =>
        throw new InvalidOperationException($"message is {MessageType}, not {expected}");

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
    /// <list type="number">
    /// <item>header length (34) - <see cref="ParseError.HeaderTooShort"/></item>
    /// <item>versionPTP 2 (any minorVersionPTP) - <see cref="ParseError.UnsupportedVersion"/></item>
    /// <item>messageType and the body length of that type - <see cref="ParseError.UnknownMessageType"/>,
    /// <see cref="ParseError.BodyTooShort"/></item>
    /// <item>body fields: the Timestamp, the management actionField - <see cref="ParseError.InvalidTimestamp"/>,
    /// <see cref="ParseError.InvalidManagementAction"/></item>
    /// <item>TLV walk up to messageLength (or the buffer's end if shorter), with the fixed parts of known TLVs -
    /// the Tlv* reasons and <see cref="ParseError.ManagementDataLengthInvalid"/></item>
    /// <item>total length: messageLength against header + body and against the buffer -
    /// <see cref="ParseError.MessageLengthTooShort"/>, <see cref="ParseError.MessageTruncated"/>; then a management
    /// message must carry a TLV - <see cref="ParseError.ManagementTlvMissing"/></item>
    /// </list>
    /// A buffer longer than messageLength is accepted (Ethernet padding); the extra octets are ignored.
    /// Never throws, whatever the input; allocates nothing.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, out PtpMessage message, out ParseError error)
    {
        error = Validate(buffer, out var header, out int bodyLength, out int tlvCount, out var timestamp);
        if (error != ParseError.None)
        {
            message = default;
            return false;
        }
        message = new PtpMessage(buffer[..header.MessageLength], header, bodyLength, tlvCount, timestamp);
        return true;
    }

    private static ParseError Validate(ReadOnlySpan<byte> buffer, out PtpHeader header, out int bodyLength, out int tlvCount,
        out PtpTimestamp timestamp)
    {
        bodyLength = 0;
        tlvCount = 0;
        timestamp = default;
        if (!PtpHeader.TryRead(buffer, out header, out var error)) return error;

        bodyLength = BodyLength(header.MessageType);
        if (bodyLength < 0) return ParseError.UnknownMessageType;
        int fixedLength = PtpHeader.Length + bodyLength;
        if (buffer.Length < fixedLength) return ParseError.BodyTooShort;

        error = CheckBody(header.MessageType, buffer, out timestamp);
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

    private static ParseError CheckBody(MessageType type, ReadOnlySpan<byte> message, out PtpTimestamp timestamp)
    {
        timestamp = default;
        switch (type)
        {
            case MessageType.Signaling:
                return ParseError.None;
            case MessageType.Management:
                return (message[PtpHeader.Length + 12] & 0x0F) <= (int)ManagementAction.Acknowledge
                    ? ParseError.None
                    : ParseError.InvalidManagementAction;
            default:
                // Every other body starts with a Timestamp (Tables 43-49): 48-bit seconds, 32-bit nanoseconds.
                ref byte r = ref MemoryMarshal.GetReference(message);
                ulong seconds = ((ulong)PtpHeader.Be16(ref r, PtpHeader.Length) << 32) | PtpHeader.Be32(ref r, PtpHeader.Length + 2);
                uint nanoseconds = PtpHeader.Be32(ref r, PtpHeader.Length + 6);
                return PtpTimestamp.TryCreate(seconds, nanoseconds, out timestamp) ? ParseError.None : ParseError.InvalidTimestamp;
        }
    }
}
