namespace Ptp4Net.Messages;

/// <summary>
/// CANCEL_UNICAST_TRANSMISSION TLV (IEEE 1588-2019 16.1.4.3, Table 113): messageType (high 4 bits of octet 0) with linuxptp's maintain flags in the low bits
/// (bit 0 maintain request, bit 1 maintain grant), reserved (1). lengthField is 2.
/// </summary>
public readonly record struct CancelUnicastTransmissionTlv(MessageType MessageType, byte Flags = 0) : ITlvValue
{
    public const int ValueLengthConst = 2;

    public TlvType Type => TlvType.CancelUnicastTransmission;
    public int ValueLength => ValueLengthConst;

    public static bool TryRead(Tlv tlv, out CancelUnicastTransmissionTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.CancelUnicastTransmission) { error = ParseError.TlvTypeMismatch; return false; }
        if (tlv.Value.Length < ValueLengthConst) { error = ParseError.TlvLengthInvalid; return false; }
        value = new CancelUnicastTransmissionTlv((MessageType)(tlv.Value[0] >> 4), (byte)(tlv.Value[0] & 0x0F));
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        d[0] = (byte)(((byte)MessageType << 4) | (Flags & 0x0F));
        d[1] = 0;
    }
}
