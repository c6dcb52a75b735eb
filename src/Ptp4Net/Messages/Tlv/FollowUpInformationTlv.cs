using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// 802.1AS Follow_Up information TLV (IEEE 802.1AS-2020 11.4.4.3): ORGANIZATION_EXTENSION, OUI 00-80-C2,
/// subtype 1; cumulativeScaledRateOffset (4), gmTimeBaseIndicator (2), lastGmPhaseChange (12, ScaledNs),
/// scaledLastGmFreqChange (4). lengthField is 28.
/// </summary>
public readonly record struct FollowUpInformationTlv(
    int CumulativeScaledRateOffset, ushort GmTimeBaseIndicator, ScaledNs LastGmPhaseChange, int ScaledLastGmFreqChange)
    : ITlvValue
{
    public const uint Subtype = 1;
    public const int ValueLengthConst = 28;

    public TlvType Type => TlvType.OrganizationExtension;
    public int ValueLength => ValueLengthConst;

    public static bool TryRead(Tlv tlv, out FollowUpInformationTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.OrganizationExtension || tlv.Value.Length < OrganizationExtensionTlv.MinimumValueLength
            || !OrganizationExtensionTlv.IsIeee8021(tlv.Value) || OrganizationExtensionTlv.ReadSubtype(tlv.Value) != Subtype)
        {
            error = ParseError.TlvTypeMismatch;
            return false;
        }
        var v = tlv.Value;
        if (v.Length != ValueLengthConst) { error = ParseError.TlvLengthInvalid; return false; }
        value = new FollowUpInformationTlv(BinaryPrimitives.ReadInt32BigEndian(v[6..]), BinaryPrimitives.ReadUInt16BigEndian(v[10..]),
            ScaledNs.Read(v[12..]), BinaryPrimitives.ReadInt32BigEndian(v[24..]));
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        OrganizationExtensionTlv.WriteIds(d, OrganizationExtensionTlv.Ieee8021Oui, Subtype);
        BinaryPrimitives.WriteInt32BigEndian(d[6..], CumulativeScaledRateOffset);
        BinaryPrimitives.WriteUInt16BigEndian(d[10..], GmTimeBaseIndicator);
        LastGmPhaseChange.Write(d[12..]);
        BinaryPrimitives.WriteInt32BigEndian(d[24..], ScaledLastGmFreqChange);
    }
}
