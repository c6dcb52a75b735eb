using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// DEFAULT_DATA_SET dataField (IEEE 1588-2019 15.5.3.3.1), 20 octets: flags (bit 0 TSC twoStepFlag, bit 1 SO
/// slaveOnly), reserved, numberPorts (2), priority1, clockQuality (4), priority2, clockIdentity (8), domainNumber,
/// reserved.
/// </summary>
public readonly record struct ManagementDefaultDataSet : IManagementData<ManagementDefaultDataSet>
{
    public const int WireSize = 20;

    public bool TwoStepFlag { get; init; }
    public bool SlaveOnly { get; init; }
    public ushort NumberPorts { get; init; }
    public byte Priority1 { get; init; }
    public ClockQuality ClockQuality { get; init; }
    public byte Priority2 { get; init; }
    public ClockIdentity ClockIdentity { get; init; }
    public byte DomainNumber { get; init; }

    public ManagementId Id => ManagementId.DefaultDataSet;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.DefaultDataSet;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementDefaultDataSet value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new ManagementDefaultDataSet
        {
            TwoStepFlag = (d[0] & 1) != 0,
            SlaveOnly = (d[0] & 2) != 0,
            NumberPorts = BinaryPrimitives.ReadUInt16BigEndian(d[2..]),
            Priority1 = d[4],
            ClockQuality = ClockQuality.Read(d[5..]),
            Priority2 = d[9],
            ClockIdentity = ClockIdentity.Read(d[10..]),
            DomainNumber = d[18],
        };
        return true;
    }

    public void Write(Span<byte> d)
    {
        d[0] = (byte)((TwoStepFlag ? 1 : 0) | (SlaveOnly ? 2 : 0));
        d[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], NumberPorts);
        d[4] = Priority1;
        ClockQuality.Write(d[5..]);
        d[9] = Priority2;
        ClockIdentity.Write(d[10..]);
        d[18] = DomainNumber;
        d[19] = 0;
    }
}
