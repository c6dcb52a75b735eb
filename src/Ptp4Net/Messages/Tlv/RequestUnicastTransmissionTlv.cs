using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// REQUEST_UNICAST_TRANSMISSION TLV (IEEE 1588-2019 16.1.4.1, Table 111): messageType (high 4 bits of octet 0),
/// logInterMessagePeriod (1), durationField (4, seconds). lengthField is 6.
/// </summary>
public readonly record struct RequestUnicastTransmissionTlv(MessageType MessageType, sbyte LogInterMessagePeriod, uint DurationField)
    : ITlvValue
{
    public const int ValueLengthConst = 6;

    public TlvType Type => TlvType.RequestUnicastTransmission;
    public int ValueLength => ValueLengthConst;

    public static bool TryRead(Tlv tlv, out RequestUnicastTransmissionTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.RequestUnicastTransmission) { error = ParseError.TlvTypeMismatch; return false; }
        var v = tlv.Value;
        if (v.Length < ValueLengthConst) { error = ParseError.TlvLengthInvalid; return false; }
        value = new RequestUnicastTransmissionTlv((MessageType)(v[0] >> 4), (sbyte)v[1], BinaryPrimitives.ReadUInt32BigEndian(v[2..]));
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        d[0] = (byte)((byte)MessageType << 4);
        d[1] = (byte)LogInterMessagePeriod;
        BinaryPrimitives.WriteUInt32BigEndian(d[2..], DurationField);
    }
}
