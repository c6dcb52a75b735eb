using System.Buffers.Binary;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// CURRENT_DATA_SET dataField (IEEE 1588-2019 15.5.3.4.1), 18 octets: stepsRemoved (2), offsetFromMaster (8,
/// TimeInterval), meanPathDelay (8, TimeInterval).
/// </summary>
public readonly record struct ManagementCurrentDataSet(ushort StepsRemoved, TimeInterval OffsetFromMaster, TimeInterval MeanPathDelay)
    : IManagementData<ManagementCurrentDataSet>
{
    public const int WireSize = 18;

    public ManagementId Id => ManagementId.CurrentDataSet;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.CurrentDataSet;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementCurrentDataSet value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new ManagementCurrentDataSet(BinaryPrimitives.ReadUInt16BigEndian(d),
            TimeInterval.FromScaled(BinaryPrimitives.ReadInt64BigEndian(d[2..])),
            TimeInterval.FromScaled(BinaryPrimitives.ReadInt64BigEndian(d[10..])));
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteUInt16BigEndian(d, StepsRemoved);
        BinaryPrimitives.WriteInt64BigEndian(d[2..], OffsetFromMaster.ScaledNanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(d[10..], MeanPathDelay.ScaledNanoseconds);
    }
}
