using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// PARENT_DATA_SET dataField (IEEE 1588-2019 15.5.3.5.1), 32 octets: parentPortIdentity (10), flags (bit 0 PS
/// parentStats), reserved, observedParentOffsetScaledLogVariance (2), observedParentClockPhaseChangeRate (4),
/// grandmasterPriority1, grandmasterClockQuality (4), grandmasterPriority2, grandmasterIdentity (8).
/// </summary>
public readonly record struct ManagementParentDataSet : IManagementData<ManagementParentDataSet>
{
    public const int WireSize = 32;

    public PortIdentity ParentPortIdentity { get; init; }
    public bool ParentStats { get; init; }
    public ushort ObservedParentOffsetScaledLogVariance { get; init; }
    public int ObservedParentClockPhaseChangeRate { get; init; }
    public byte GrandmasterPriority1 { get; init; }
    public ClockQuality GrandmasterClockQuality { get; init; }
    public byte GrandmasterPriority2 { get; init; }
    public ClockIdentity GrandmasterIdentity { get; init; }

    public ManagementId Id => ManagementId.ParentDataSet;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.ParentDataSet;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementParentDataSet value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new ManagementParentDataSet
        {
            ParentPortIdentity = PortIdentity.Read(d),
            ParentStats = (d[10] & 1) != 0,
            ObservedParentOffsetScaledLogVariance = BinaryPrimitives.ReadUInt16BigEndian(d[12..]),
            ObservedParentClockPhaseChangeRate = BinaryPrimitives.ReadInt32BigEndian(d[14..]),
            GrandmasterPriority1 = d[18],
            GrandmasterClockQuality = ClockQuality.Read(d[19..]),
            GrandmasterPriority2 = d[23],
            GrandmasterIdentity = ClockIdentity.Read(d[24..]),
        };
        return true;
    }

    public void Write(Span<byte> d)
    {
        ParentPortIdentity.Write(d);
        d[10] = ParentStats ? (byte)1 : (byte)0;
        d[11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(d[12..], ObservedParentOffsetScaledLogVariance);
        BinaryPrimitives.WriteInt32BigEndian(d[14..], ObservedParentClockPhaseChangeRate);
        d[18] = GrandmasterPriority1;
        GrandmasterClockQuality.Write(d[19..]);
        d[23] = GrandmasterPriority2;
        GrandmasterIdentity.Write(d[24..]);
    }
}
