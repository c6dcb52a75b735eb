using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp PORT_HWCLOCK_NP dataField (struct port_hwclock_np), 16 octets: portIdentity (10), phc_index (4),
/// flags (1, bit 0 virtual clock), reserved (1).
/// </summary>
public readonly record struct PortHwclockNp(PortIdentity PortIdentity, int PhcIndex, byte Flags) : IManagementData<PortHwclockNp>
{
    public const int WireSize = 16;

    public ManagementId Id => ManagementId.PortHwclockNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.PortHwclockNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out PortHwclockNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new PortHwclockNp(PortIdentity.Read(d), BinaryPrimitives.ReadInt32BigEndian(d[10..]), d[14]);
        return true;
    }

    public void Write(Span<byte> d)
    {
        PortIdentity.Write(d);
        BinaryPrimitives.WriteInt32BigEndian(d[10..], PhcIndex);
        d[14] = Flags;
        d[15] = 0;
    }
}
