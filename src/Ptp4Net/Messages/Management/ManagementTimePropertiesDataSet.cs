using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// TIME_PROPERTIES_DATA_SET dataField (IEEE 1588-2019 15.5.3.6.1), 4 octets: currentUtcOffset (2), flags (1: bit 0
/// LI-61, 1 LI-59, 2 UTCV, 3 PTP, 4 TTRA, 5 FTRA), timeSource (1). The flag bits match the low octet of
/// <see cref="PtpFlags"/>.
/// </summary>
public readonly record struct ManagementTimePropertiesDataSet(short CurrentUtcOffset, PtpFlags Flags, TimeSource TimeSource)
    : IManagementData<ManagementTimePropertiesDataSet>
{
    public const int WireSize = 4;

    public ManagementId Id => ManagementId.TimePropertiesDataSet;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.TimePropertiesDataSet;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementTimePropertiesDataSet value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new ManagementTimePropertiesDataSet(BinaryPrimitives.ReadInt16BigEndian(d), (PtpFlags)d[2], (TimeSource)d[3]);
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteInt16BigEndian(d, CurrentUtcOffset);
        d[2] = (byte)Flags;
        d[3] = (byte)TimeSource;
    }
}
