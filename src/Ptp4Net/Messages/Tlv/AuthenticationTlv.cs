using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// AUTHENTICATION TLV (IEEE 1588-2019 16.14.3, Table 131): securityParameterPointer spp (1), secParamIndicator (1),
/// keyID (4), then disclosedKey (if bit 0 of secParamIndicator), sequenceNo (if bit 1), RES (if bit 2), and the ICV.
/// The lengths of the optional fields and of the ICV are set by the security association, not by the TLV, so
/// <see cref="TryRead(Tlv, int, int, int, out AuthenticationTlv, out ParseError)"/> takes them; the short form
/// accepts only a TLV without optional fields and takes everything after keyID as the ICV.
/// </summary>
public readonly ref struct AuthenticationTlv : ITlvValue
{
    public const int MinimumValueLength = 6;
    public const byte DisclosedKeyPresent = 0x01, SequenceNoPresent = 0x02, ResPresent = 0x04;

    public AuthenticationTlv(byte spp, byte secParamIndicator, uint keyId, ReadOnlySpan<byte> icv,
        ReadOnlySpan<byte> disclosedKey = default, ReadOnlySpan<byte> sequenceNo = default, ReadOnlySpan<byte> res = default)
    {
        Spp = spp;
        SecParamIndicator = secParamIndicator;
        KeyId = keyId;
        Icv = icv;
        DisclosedKey = disclosedKey;
        SequenceNo = sequenceNo;
        Res = res;
    }

    public byte Spp { get; }
    public byte SecParamIndicator { get; }
    public uint KeyId { get; }
    public ReadOnlySpan<byte> DisclosedKey { get; }
    public ReadOnlySpan<byte> SequenceNo { get; }
    public ReadOnlySpan<byte> Res { get; }
    /// <summary>Integrity check value (including any pad octet the sender added to reach an even length).</summary>
    public ReadOnlySpan<byte> Icv { get; }

    public TlvType Type => TlvType.Authentication;
    public int ValueLength => (MinimumValueLength + DisclosedKey.Length + SequenceNo.Length + Res.Length + Icv.Length + 1) & ~1;

    /// <summary>Reads a TLV with no optional fields (secParamIndicator bits 0-2 clear).</summary>
    public static bool TryRead(Tlv tlv, out AuthenticationTlv value, out ParseError error) =>
        TryRead(tlv, 0, 0, 0, out value, out error);

    /// <summary>Reads with the optional field lengths of the security association.</summary>
    public static bool TryRead(Tlv tlv, int disclosedKeyLength, int sequenceNoLength, int resLength,
        out AuthenticationTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.Authentication) { error = ParseError.TlvTypeMismatch; return false; }
        var v = tlv.Value;
        if (v.Length < MinimumValueLength) { error = ParseError.TlvLengthInvalid; return false; }
        byte ind = v[1];
        int dk = (ind & DisclosedKeyPresent) != 0 ? disclosedKeyLength : 0;
        int sn = (ind & SequenceNoPresent) != 0 ? sequenceNoLength : 0;
        int rs = (ind & ResPresent) != 0 ? resLength : 0;
        bool unknownLength = ((ind & DisclosedKeyPresent) != 0 && disclosedKeyLength <= 0)
            || ((ind & SequenceNoPresent) != 0 && sequenceNoLength <= 0) || ((ind & ResPresent) != 0 && resLength <= 0);
        if (unknownLength || dk < 0 || sn < 0 || rs < 0 || (long)dk + sn + rs > v.Length - MinimumValueLength)
        {
            error = ParseError.TlvValueInvalid;
            return false;
        }
        var rest = v[MinimumValueLength..];
        value = new AuthenticationTlv(v[0], ind, BinaryPrimitives.ReadUInt32BigEndian(v[2..]),
            icv: rest[(dk + sn + rs)..], disclosedKey: rest[..dk], sequenceNo: rest.Slice(dk, sn), res: rest.Slice(dk + sn, rs));
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        d[0] = Spp;
        d[1] = SecParamIndicator;
        BinaryPrimitives.WriteUInt32BigEndian(d[2..], KeyId);
        int p = MinimumValueLength;
        DisclosedKey.CopyTo(d[p..]); p += DisclosedKey.Length;
        SequenceNo.CopyTo(d[p..]); p += SequenceNo.Length;
        Res.CopyTo(d[p..]); p += Res.Length;
        Icv.CopyTo(d[p..]); p += Icv.Length;
        if (p < d.Length) d[p] = 0;
    }
}
