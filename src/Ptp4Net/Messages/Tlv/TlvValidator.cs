using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// The TLV walk of receive validation (linuxptp msg.c suffix_post_recv + tlv.c tlv_post_recv): every TLV header
/// and value inside the region, even lengths, and the fixed parts of the TLV types we know.
/// </summary>
internal static class TlvValidator
{
    internal static ParseError Walk(ReadOnlySpan<byte> region, out int count)
    {
        count = 0;
        while (!region.IsEmpty)
        {
            if (region.Length < Tlv.HeaderLength) return ParseError.TlvHeaderTruncated;
            var type = (TlvType)BinaryPrimitives.ReadUInt16BigEndian(region);
            int length = BinaryPrimitives.ReadUInt16BigEndian(region[2..]);
            if ((length & 1) != 0) return ParseError.TlvLengthOdd;
            if (length > region.Length - Tlv.HeaderLength) return ParseError.TlvOverrun;
            var e = CheckValue(type, region.Slice(Tlv.HeaderLength, length));
            if (e != ParseError.None) return e;
            region = region[(Tlv.HeaderLength + length)..];
            count++;
        }
        return ParseError.None;
    }

    /// <summary>Fixed-part checks of known TLV types; unknown types are accepted as opaque bytes.</summary>
    internal static ParseError CheckValue(TlvType type, ReadOnlySpan<byte> value)
    {
        switch (type)
        {
            case TlvType.Management:
                if (value.Length < ManagementTlv.MinimumValueLength) return ParseError.TlvLengthInvalid;
                var id = (ManagementId)BinaryPrimitives.ReadUInt16BigEndian(value);
                return ManagementDataLayout.LengthOk(id, value.Length - 2)
                    ? ParseError.None
                    : ParseError.ManagementDataLengthInvalid;
            case TlvType.ManagementErrorStatus:
                return value.Length < ManagementErrorStatusTlv.MinimumValueLength ? ParseError.TlvLengthInvalid : ParseError.None;
            case TlvType.OrganizationExtension:
            case TlvType.OrganizationExtensionPropagate:
            case TlvType.OrganizationExtensionDoNotPropagate:
                if (value.Length < OrganizationExtensionTlv.MinimumValueLength) return ParseError.TlvLengthInvalid;
                if (type == TlvType.OrganizationExtension && OrganizationExtensionTlv.IsIeee8021(value))
                {
                    uint subtype = OrganizationExtensionTlv.ReadSubtype(value);
                    if (subtype == FollowUpInformationTlv.Subtype && value.Length != FollowUpInformationTlv.ValueLengthConst)
                        return ParseError.TlvLengthInvalid;
                    if (subtype == MessageIntervalRequestTlv.Subtype && value.Length != MessageIntervalRequestTlv.ValueLengthConst)
                        return ParseError.TlvLengthInvalid;
                }
                return ParseError.None;
            case TlvType.RequestUnicastTransmission:
                return value.Length < RequestUnicastTransmissionTlv.ValueLengthConst ? ParseError.TlvLengthInvalid : ParseError.None;
            case TlvType.GrantUnicastTransmission:
                return value.Length < GrantUnicastTransmissionTlv.ValueLengthConst ? ParseError.TlvLengthInvalid : ParseError.None;
            case TlvType.CancelUnicastTransmission:
            case TlvType.AcknowledgeCancelUnicastTransmission:
                return value.Length < CancelUnicastTransmissionTlv.ValueLengthConst ? ParseError.TlvLengthInvalid : ParseError.None;
            case TlvType.PathTrace:
                return value.Length % 8 != 0 ? ParseError.TlvLengthInvalid : ParseError.None;
            case TlvType.AlternateTimeOffsetIndicator:
                return value.Length < AlternateTimeOffsetIndicatorTlv.MinimumValueLength ? ParseError.TlvLengthInvalid : ParseError.None;
            case TlvType.Authentication:
                return value.Length < AuthenticationTlv.MinimumValueLength ? ParseError.TlvLengthInvalid : ParseError.None;
            default:
                return ParseError.None;
        }
    }
}
