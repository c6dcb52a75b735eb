using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// ORGANIZATION_EXTENSION TLV (IEEE 1588-2019 14.3, Table 53; also the _PROPAGATE / _DO_NOT_PROPAGATE types):
/// organizationId (3, an OUI), organizationSubType (3), dataField.
/// </summary>
public readonly ref struct OrganizationExtensionTlv : ITlvValue
{
    public const int MinimumValueLength = 6;
    /// <summary>The IEEE 802.1 committee OUI, 00-80-C2 (802.1AS TLVs).</summary>
    public const uint Ieee8021Oui = 0x0080C2;

    public OrganizationExtensionTlv(TlvType type, uint organizationId, uint organizationSubType, ReadOnlySpan<byte> data)
    {
        Type = type;
        OrganizationId = organizationId & 0xFFFFFF;
        OrganizationSubType = organizationSubType & 0xFFFFFF;
        Data = data;
    }

    public TlvType Type { get; }
    /// <summary>24-bit OUI, e.g. 0x0080C2.</summary>
    public uint OrganizationId { get; }
    /// <summary>24-bit organizationSubType.</summary>
    public uint OrganizationSubType { get; }
    public ReadOnlySpan<byte> Data { get; }
    public int ValueLength => MinimumValueLength + ((Data.Length + 1) & ~1);

    public static bool IsOrganizationType(TlvType t) =>
        t is TlvType.OrganizationExtension or TlvType.OrganizationExtensionPropagate or TlvType.OrganizationExtensionDoNotPropagate;

    internal static uint ReadOui(ReadOnlySpan<byte> v) => (uint)(v[0] << 16 | v[1] << 8 | v[2]);
    internal static uint ReadSubtype(ReadOnlySpan<byte> v) => (uint)(v[3] << 16 | v[4] << 8 | v[5]);
    internal static bool IsIeee8021(ReadOnlySpan<byte> v) => ReadOui(v) == Ieee8021Oui;

    internal static void WriteIds(Span<byte> d, uint oui, uint subtype)
    {
        d[0] = (byte)(oui >> 16); d[1] = (byte)(oui >> 8); d[2] = (byte)oui;
        d[3] = (byte)(subtype >> 16); d[4] = (byte)(subtype >> 8); d[5] = (byte)subtype;
    }

    public static bool TryRead(Tlv tlv, out OrganizationExtensionTlv value, out ParseError error)
    {
        value = default;
        if (!IsOrganizationType(tlv.Type)) { error = ParseError.TlvTypeMismatch; return false; }
        if (tlv.Value.Length < MinimumValueLength) { error = ParseError.TlvLengthInvalid; return false; }
        value = new OrganizationExtensionTlv(tlv.Type, ReadOui(tlv.Value), ReadSubtype(tlv.Value), tlv.Value[MinimumValueLength..]);
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        WriteIds(d, OrganizationId, OrganizationSubType);
        Data.CopyTo(d[MinimumValueLength..]);
        if (MinimumValueLength + Data.Length < d.Length) d[^1] = 0;
    }
}
