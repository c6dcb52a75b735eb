using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// GRANT_UNICAST_TRANSMISSION TLV (IEEE 1588-2019 16.1.4.2, Table 112): messageType (high 4 bits of octet 0),
/// logInterMessagePeriod (1), durationField (4), reserved (1), flags (1: bit 0 renewalInvited). lengthField is 8.
/// </summary>
public readonly record struct GrantUnicastTransmissionTlv(
    MessageType MessageType, sbyte LogInterMessagePeriod, uint DurationField, bool RenewalInvited) : ITlvValue
{
    public const int ValueLengthConst = 8;

    public TlvType Type => TlvType.GrantUnicastTransmission;
    public int ValueLength => ValueLengthConst;

    public static bool TryRead(Tlv tlv, out GrantUnicastTransmissionTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.GrantUnicastTransmission) { error = ParseError.TlvTypeMismatch; return false; }
        var v = tlv.Value;
        if (v.Length < ValueLengthConst) { error = ParseError.TlvLengthInvalid; return false; }
        value = new GrantUnicastTransmissionTlv((MessageType)(v[0] >> 4), (sbyte)v[1],
            BinaryPrimitives.ReadUInt32BigEndian(v[2..]), (v[7] & 1) != 0);
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        d[0] = (byte)((byte)MessageType << 4);
        d[1] = (byte)LogInterMessagePeriod;
        BinaryPrimitives.WriteUInt32BigEndian(d[2..], DurationField);
        d[6] = 0;
        d[7] = RenewalInvited ? (byte)1 : (byte)0;
    }
}
