namespace Ptp4Net.Messages;

/// <summary>
/// 802.1AS message interval request TLV (IEEE 802.1AS-2020 10.6.4.3, sent in Signaling): ORGANIZATION_EXTENSION,
/// OUI 00-80-C2, subtype 2; linkDelayInterval, timeSyncInterval, announceInterval (Integer8 each), flags (1:
/// bit 0 computeNeighborRateRatio, bit 1 computeMeanLinkDelay, bit 2 oneStepReceiveCapable), reserved (2).
/// lengthField is 12.
/// </summary>
public readonly record struct MessageIntervalRequestTlv(
    sbyte LinkDelayInterval, sbyte TimeSyncInterval, sbyte AnnounceInterval, byte Flags) : ITlvValue
{
    public const uint Subtype = 2;
    public const int ValueLengthConst = 12;
    /// <summary>Interval value meaning "stop sending" (127) and "back to the initial value" (126).</summary>
    public const sbyte Stop = 127, SetToInitial = 126;

    public TlvType Type => TlvType.OrganizationExtension;
    public int ValueLength => ValueLengthConst;

    public static bool TryRead(Tlv tlv, out MessageIntervalRequestTlv value, out ParseError error)
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
        value = new MessageIntervalRequestTlv((sbyte)v[6], (sbyte)v[7], (sbyte)v[8], v[9]);
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        OrganizationExtensionTlv.WriteIds(d, OrganizationExtensionTlv.Ieee8021Oui, Subtype);
        d[6] = (byte)LinkDelayInterval;
        d[7] = (byte)TimeSyncInterval;
        d[8] = (byte)AnnounceInterval;
        d[9] = Flags;
        d[10] = 0;
        d[11] = 0;
    }
}
