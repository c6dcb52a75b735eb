using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>linuxptp PORT_DATA_SET_NP dataField (struct port_ds_np), 8 octets: neighborPropDelayThresh (4, ns), asCapable (4).</summary>
public readonly record struct PortDataSetNp(uint NeighborPropDelayThresh, int AsCapable) : IManagementData<PortDataSetNp>
{
    public const int WireSize = 8;

    public ManagementId Id => ManagementId.PortDataSetNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.PortDataSetNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out PortDataSetNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new PortDataSetNp(BinaryPrimitives.ReadUInt32BigEndian(d), BinaryPrimitives.ReadInt32BigEndian(d[4..]));
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteUInt32BigEndian(d, NeighborPropDelayThresh);
        BinaryPrimitives.WriteInt32BigEndian(d[4..], AsCapable);
    }
}
