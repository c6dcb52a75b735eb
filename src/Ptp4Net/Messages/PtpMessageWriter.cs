using System.Buffers.Binary;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// Builds messages into caller-provided buffers (e.g. a port's preallocated transmit buffer). Each Write method
/// writes header + body, sets messageType, messageLength and versionPTP 2, and returns the length; AppendTlv
/// methods add a TLV after the current end and update messageLength. A destination too small is a programming
/// error (buffers are sized once at set-up) and throws <see cref="ArgumentException"/>.
/// </summary>
public static class PtpMessageWriter
{
    /// <summary>Largest message we build; fits any Ethernet or UDP payload we send.</summary>
    public const int MaxMessageLength = 1500;

    public static int WriteSync(Span<byte> destination, in PtpHeader header, in SyncBody body)
    {
        var b = Start(destination, header, MessageType.Sync, SyncBody.Length);
        body.Write(b);
        return PtpHeader.Length + SyncBody.Length;
    }

    public static int WriteDelayReq(Span<byte> destination, in PtpHeader header, in DelayReqBody body)
    {
        var b = Start(destination, header, MessageType.DelayReq, DelayReqBody.Length);
        body.Write(b);
        return PtpHeader.Length + DelayReqBody.Length;
    }

    public static int WritePdelayReq(Span<byte> destination, in PtpHeader header, in PdelayReqBody body)
    {
        var b = Start(destination, header, MessageType.PdelayReq, PdelayReqBody.Length);
        body.Write(b);
        return PtpHeader.Length + PdelayReqBody.Length;
    }

    public static int WritePdelayResp(Span<byte> destination, in PtpHeader header, in PdelayRespBody body)
    {
        var b = Start(destination, header, MessageType.PdelayResp, PdelayRespBody.Length);
        body.Write(b);
        return PtpHeader.Length + PdelayRespBody.Length;
    }

    public static int WriteFollowUp(Span<byte> destination, in PtpHeader header, in FollowUpBody body)
    {
        var b = Start(destination, header, MessageType.FollowUp, FollowUpBody.Length);
        body.Write(b);
        return PtpHeader.Length + FollowUpBody.Length;
    }

    public static int WriteDelayResp(Span<byte> destination, in PtpHeader header, in DelayRespBody body)
    {
        var b = Start(destination, header, MessageType.DelayResp, DelayRespBody.Length);
        body.Write(b);
        return PtpHeader.Length + DelayRespBody.Length;
    }

    public static int WritePdelayRespFollowUp(Span<byte> destination, in PtpHeader header, in PdelayRespFollowUpBody body)
    {
        var b = Start(destination, header, MessageType.PdelayRespFollowUp, PdelayRespFollowUpBody.Length);
        body.Write(b);
        return PtpHeader.Length + PdelayRespFollowUpBody.Length;
    }

    public static int WriteAnnounce(Span<byte> destination, in PtpHeader header, in AnnounceBody body)
    {
        var b = Start(destination, header, MessageType.Announce, AnnounceBody.Length);
        body.Write(b);
        return PtpHeader.Length + AnnounceBody.Length;
    }

    /// <summary>Header + targetPortIdentity; append at least one TLV after it (13.12).</summary>
    public static int WriteSignaling(Span<byte> destination, in PtpHeader header, in SignalingBody body)
    {
        var b = Start(destination, header, MessageType.Signaling, SignalingBody.Length);
        body.Write(b);
        return PtpHeader.Length + SignalingBody.Length;
    }

    /// <summary>Header + management body; append the MANAGEMENT TLV with <see cref="AppendManagementTlv{T}"/>.</summary>
    public static int WriteManagement(Span<byte> destination, in PtpHeader header, in ManagementBody body)
    {
        var b = Start(destination, header, MessageType.Management, ManagementBody.Length);
        body.Write(b);
        return PtpHeader.Length + ManagementBody.Length;
    }

    /// <summary>
    /// Writes a parsed message back: header and body from their fields, TLVs byte for byte. For a message whose
    /// reserved fields were zero the result equals <see cref="PtpMessage.Bytes"/>.
    /// </summary>
    public static int Write(Span<byte> destination, in PtpMessage message)
    {
        var h = message.Header;
        int n = message.MessageType switch
        {
            MessageType.Sync => WriteSync(destination, h, message.Sync),
            MessageType.DelayReq => WriteDelayReq(destination, h, message.DelayReq),
            MessageType.PdelayReq => WritePdelayReq(destination, h, message.PdelayReq),
            MessageType.PdelayResp => WritePdelayResp(destination, h, message.PdelayResp),
            MessageType.FollowUp => WriteFollowUp(destination, h, message.FollowUp),
            MessageType.DelayResp => WriteDelayResp(destination, h, message.DelayResp),
            MessageType.PdelayRespFollowUp => WritePdelayRespFollowUp(destination, h, message.PdelayRespFollowUp),
            MessageType.Announce => WriteAnnounce(destination, h, message.Announce),
            MessageType.Signaling => WriteSignaling(destination, h, message.Signaling),
            MessageType.Management => WriteManagement(destination, h, message.Management),
            _ => throw new InvalidOperationException("not a parsed message"),
        };
        return AppendTlvBytes(destination, n, message.TlvBytes);
    }

    /// <summary>Appends a typed TLV at <paramref name="length"/>; returns the new message length.</summary>
    public static int AppendTlv<T>(Span<byte> message, int length, in T tlv) where T : ITlvValue, allows ref struct
    {
        int valueLength = tlv.ValueLength;
        var d = Reserve(message, length, Tlv.HeaderLength + valueLength);
        BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)tlv.Type);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], (ushort)valueLength);
        tlv.WriteValue(d.Slice(Tlv.HeaderLength, valueLength));
        return SetLength(message, length + Tlv.HeaderLength + valueLength);
    }

    /// <summary>Appends a TLV of any type from its value octets (padded with a zero octet to even length).</summary>
    public static int AppendTlv(Span<byte> message, int length, TlvType type, ReadOnlySpan<byte> value)
    {
        int valueLength = (value.Length + 1) & ~1;
        var d = Reserve(message, length, Tlv.HeaderLength + valueLength);
        BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], (ushort)valueLength);
        value.CopyTo(d[Tlv.HeaderLength..]);
        if (valueLength != value.Length) d[Tlv.HeaderLength + value.Length] = 0;
        return SetLength(message, length + Tlv.HeaderLength + valueLength);
    }

    /// <summary>Appends already encoded TLVs (e.g. <see cref="Tlv.Raw"/> or <see cref="PtpMessage.TlvBytes"/>) unchanged.</summary>
    public static int AppendTlvBytes(Span<byte> message, int length, ReadOnlySpan<byte> tlvs)
    {
        tlvs.CopyTo(Reserve(message, length, tlvs.Length));
        return SetLength(message, length + tlvs.Length);
    }

    /// <summary>Appends a MANAGEMENT TLV carrying typed data (padded to even length, as linuxptp does).</summary>
    public static int AppendManagementTlv<T>(Span<byte> message, int length, in T data)
        where T : IManagementData<T>, allows ref struct
    {
        int dataLength = data.DataLength;
        int padded = (dataLength + 1) & ~1;
        int valueLength = ManagementTlv.MinimumValueLength + padded;
        var d = Reserve(message, length, Tlv.HeaderLength + valueLength);
        BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)TlvType.Management);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], (ushort)valueLength);
        BinaryPrimitives.WriteUInt16BigEndian(d[4..], (ushort)data.Id);
        data.Write(d.Slice(6, dataLength));
        if (padded != dataLength) d[6 + dataLength] = 0;
        return SetLength(message, length + Tlv.HeaderLength + valueLength);
    }

    /// <summary>Appends a MANAGEMENT TLV with raw data (empty for a GET, or pmc -z style).</summary>
    public static int AppendManagementTlv(Span<byte> message, int length, ManagementId id, ReadOnlySpan<byte> data)
    {
        int padded = (data.Length + 1) & ~1;
        int valueLength = ManagementTlv.MinimumValueLength + padded;
        var d = Reserve(message, length, Tlv.HeaderLength + valueLength);
        BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)TlvType.Management);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], (ushort)valueLength);
        BinaryPrimitives.WriteUInt16BigEndian(d[4..], (ushort)id);
        data.CopyTo(d[6..]);
        if (padded != data.Length) d[6 + data.Length] = 0;
        return SetLength(message, length + Tlv.HeaderLength + valueLength);
    }

    /// <summary>One-step transmit: overwrite correctionField of a built message (Table 35 offset 8).</summary>
    public static void PatchCorrectionField(Span<byte> message, TimeInterval correction) =>
        BinaryPrimitives.WriteInt64BigEndian(message[PtpHeader.OffsetCorrectionField..], correction.ScaledNanoseconds);

    /// <summary>
    /// One-step transmit: overwrite the first body Timestamp (originTimestamp of Sync / Delay_Req / Pdelay_Req,
    /// preciseOriginTimestamp of Follow_Up, ...) at offset 34.
    /// </summary>
    public static void PatchOriginTimestamp(Span<byte> message, PtpTimestamp timestamp) =>
        timestamp.Write(message.Slice(PtpHeader.Length, PtpTimestamp.WireSize));

    public static void PatchSequenceId(Span<byte> message, ushort sequenceId) =>
        BinaryPrimitives.WriteUInt16BigEndian(message[PtpHeader.OffsetSequenceId..], sequenceId);

    private static Span<byte> Start(Span<byte> destination, in PtpHeader header, MessageType type, int bodyLength)
    {
        int total = PtpHeader.Length + bodyLength;
        if (destination.Length < total)
            throw new ArgumentException($"destination has {destination.Length} octets, {type} needs {total}", nameof(destination));
        header.Write(destination, type, total);
        return destination.Slice(PtpHeader.Length, bodyLength);
    }

    private static Span<byte> Reserve(Span<byte> message, int length, int count)
    {
        if (length < PtpHeader.Length || message.Length - length < count || length + count > ushort.MaxValue)
            throw new ArgumentException($"cannot append {count} octets to a {length}-octet message in a {message.Length}-octet buffer", nameof(message));
        return message.Slice(length, count);
    }

    private static int SetLength(Span<byte> message, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message[2..], (ushort)length);
        return length;
    }
}
