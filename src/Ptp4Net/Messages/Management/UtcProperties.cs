using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// UTC_PROPERTIES dataField (IEEE 1588-2019 15.5.3.3.13), 4 octets: currentUtcOffset (2), flags (bit 0 LI-61,
/// bit 1 LI-59, bit 2 UTCV), reserved.
/// </summary>
public readonly record struct UtcProperties(short CurrentUtcOffset, PtpFlags Flags) : IManagementData<UtcProperties>
{
    public const int WireSize = 4;

    public ManagementId Id => ManagementId.UtcProperties;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.UtcProperties;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out UtcProperties value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new UtcProperties(BinaryPrimitives.ReadInt16BigEndian(d), (PtpFlags)d[2]);
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteInt16BigEndian(d, CurrentUtcOffset);
        d[2] = (byte)Flags;
        d[3] = 0;
    }
}
