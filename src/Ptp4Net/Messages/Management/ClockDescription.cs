using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// CLOCK_DESCRIPTION dataField (IEEE 1588-2019 15.5.3.1.2, Table 61), variable length, padded to even:
/// <code>
/// clockType (2)  physicalLayerProtocol (PTPText)  physicalAddressLength (2) physicalAddress (n)
/// protocolAddress: networkProtocol (2) addressLength (2) addressField (n)
/// manufacturerIdentity (3) reserved (1)  productDescription (PTPText)  revisionData (PTPText)
/// userDescription (PTPText)  profileIdentity (6)
/// </code>
/// Texts and addresses stay in the buffer.
/// </summary>
public readonly ref struct ClockDescription : IManagementData<ClockDescription>
{
    public ClockDescription(ushort clockType, ReadOnlySpan<byte> physicalLayerProtocol, ReadOnlySpan<byte> physicalAddress,
        ushort networkProtocol, ReadOnlySpan<byte> protocolAddress, uint manufacturerIdentity,
        ReadOnlySpan<byte> productDescription, ReadOnlySpan<byte> revisionData, ReadOnlySpan<byte> userDescription,
        ReadOnlySpan<byte> profileIdentity)
    {
        ClockType = clockType;
        PhysicalLayerProtocol = physicalLayerProtocol;
        PhysicalAddress = physicalAddress;
        NetworkProtocol = networkProtocol;
        ProtocolAddress = protocolAddress;
        ManufacturerIdentity = manufacturerIdentity & 0xFFFFFF;
        ProductDescription = productDescription;
        RevisionData = revisionData;
        UserDescription = userDescription;
        ProfileIdentity = profileIdentity;
    }

    /// <summary>clockType bits (Table 62): 0x8000 ordinary, 0x4000 boundary, 0x2000 P2P TC, 0x1000 E2E TC, 0x0800 management.</summary>
    public ushort ClockType { get; }
    public ReadOnlySpan<byte> PhysicalLayerProtocol { get; }
    public ReadOnlySpan<byte> PhysicalAddress { get; }
    /// <summary>networkProtocol (Table 4: 1 UDP/IPv4, 2 UDP/IPv6, 3 IEEE 802.3, ...).</summary>
    public ushort NetworkProtocol { get; }
    public ReadOnlySpan<byte> ProtocolAddress { get; }
    /// <summary>24-bit OUI.</summary>
    public uint ManufacturerIdentity { get; }
    public ReadOnlySpan<byte> ProductDescription { get; }
    public ReadOnlySpan<byte> RevisionData { get; }
    public ReadOnlySpan<byte> UserDescription { get; }
    /// <summary>6 octets.</summary>
    public ReadOnlySpan<byte> ProfileIdentity { get; }

    public ManagementId Id => ManagementId.ClockDescription;
    public int DataLength => 2 + 1 + PhysicalLayerProtocol.Length + 2 + PhysicalAddress.Length + 4 + ProtocolAddress.Length + 4
        + 1 + ProductDescription.Length + 1 + RevisionData.Length + 1 + UserDescription.Length + 6;
    public static bool Accepts(ManagementId id) => id == ManagementId.ClockDescription;

    /// <summary>False when any length runs past the data.</summary>
    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ClockDescription value)
    {
        value = default;
        int p = 0;
        if (d.Length < 2) return false;
        ushort clockType = BinaryPrimitives.ReadUInt16BigEndian(d);
        p += 2;
        if (!PtpText.TryRead(d[p..], out var phy)) return false;
        p += 1 + phy.Length;
        if (!TryReadCounted(d, ref p, out var physicalAddress)) return false;
        if (d.Length - p < 2) return false;
        ushort networkProtocol = BinaryPrimitives.ReadUInt16BigEndian(d[p..]);
        p += 2;
        if (!TryReadCounted(d, ref p, out var protocolAddress)) return false;
        if (d.Length - p < 4) return false;
        uint oui = (uint)(d[p] << 16 | d[p + 1] << 8 | d[p + 2]);
        p += 4;
        if (!PtpText.TryRead(d[p..], out var product)) return false;
        p += 1 + product.Length;
        if (!PtpText.TryRead(d[p..], out var revision)) return false;
        p += 1 + revision.Length;
        if (!PtpText.TryRead(d[p..], out var user)) return false;
        p += 1 + user.Length;
        if (d.Length - p < 6) return false;
        value = new ClockDescription(clockType, phy, physicalAddress, networkProtocol, protocolAddress, oui, product, revision, user, d.Slice(p, 6));
        return true;
    }

    private static bool TryReadCounted(ReadOnlySpan<byte> d, scoped ref int p, out ReadOnlySpan<byte> field)
    {
        field = default;
        if (d.Length - p < 2) return false;
        int n = BinaryPrimitives.ReadUInt16BigEndian(d[p..]);
        if (n > d.Length - p - 2) return false;
        field = d.Slice(p + 2, n);
        p += 2 + n;
        return true;
    }

    public void Write(Span<byte> d)
    {
        if (ProfileIdentity.Length != 6) throw new InvalidOperationException("profileIdentity has 6 octets");
        int p = 0;
        BinaryPrimitives.WriteUInt16BigEndian(d, ClockType);
        p += 2;
        p += PtpText.Write(d[p..], PhysicalLayerProtocol);
        BinaryPrimitives.WriteUInt16BigEndian(d[p..], (ushort)PhysicalAddress.Length);
        PhysicalAddress.CopyTo(d[(p + 2)..]);
        p += 2 + PhysicalAddress.Length;
        BinaryPrimitives.WriteUInt16BigEndian(d[p..], NetworkProtocol);
        BinaryPrimitives.WriteUInt16BigEndian(d[(p + 2)..], (ushort)ProtocolAddress.Length);
        ProtocolAddress.CopyTo(d[(p + 4)..]);
        p += 4 + ProtocolAddress.Length;
        d[p] = (byte)(ManufacturerIdentity >> 16);
        d[p + 1] = (byte)(ManufacturerIdentity >> 8);
        d[p + 2] = (byte)ManufacturerIdentity;
        d[p + 3] = 0;
        p += 4;
        p += PtpText.Write(d[p..], ProductDescription);
        p += PtpText.Write(d[p..], RevisionData);
        p += PtpText.Write(d[p..], UserDescription);
        ProfileIdentity.CopyTo(d[p..]);
    }
}
