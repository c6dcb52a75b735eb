using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp TIME_STATUS_NP dataField (tlv.h struct time_status_np), 50 octets, big-endian: master_offset (8, ns),
/// ingress_time (8, ns), cumulativeScaledRateOffset (4), scaledLastGmPhaseChange (4), gmTimeBaseIndicator (2),
/// lastGmPhaseChange (12, ScaledNs), gmPresent (4), gmIdentity (8).
/// </summary>
public readonly record struct TimeStatusNp : IManagementData<TimeStatusNp>
{
    public const int WireSize = 50;

    public long MasterOffset { get; init; }
    public long IngressTime { get; init; }
    public int CumulativeScaledRateOffset { get; init; }
    public int ScaledLastGmPhaseChange { get; init; }
    public ushort GmTimeBaseIndicator { get; init; }
    public ScaledNs LastGmPhaseChange { get; init; }
    public int GmPresent { get; init; }
    public ClockIdentity GmIdentity { get; init; }

    public ManagementId Id => ManagementId.TimeStatusNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.TimeStatusNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out TimeStatusNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new TimeStatusNp
        {
            MasterOffset = BinaryPrimitives.ReadInt64BigEndian(d),
            IngressTime = BinaryPrimitives.ReadInt64BigEndian(d[8..]),
            CumulativeScaledRateOffset = BinaryPrimitives.ReadInt32BigEndian(d[16..]),
            ScaledLastGmPhaseChange = BinaryPrimitives.ReadInt32BigEndian(d[20..]),
            GmTimeBaseIndicator = BinaryPrimitives.ReadUInt16BigEndian(d[24..]),
            LastGmPhaseChange = ScaledNs.Read(d[26..]),
            GmPresent = BinaryPrimitives.ReadInt32BigEndian(d[38..]),
            GmIdentity = ClockIdentity.Read(d[42..]),
        };
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteInt64BigEndian(d, MasterOffset);
        BinaryPrimitives.WriteInt64BigEndian(d[8..], IngressTime);
        BinaryPrimitives.WriteInt32BigEndian(d[16..], CumulativeScaledRateOffset);
        BinaryPrimitives.WriteInt32BigEndian(d[20..], ScaledLastGmPhaseChange);
        BinaryPrimitives.WriteUInt16BigEndian(d[24..], GmTimeBaseIndicator);
        LastGmPhaseChange.Write(d[26..]);
        BinaryPrimitives.WriteInt32BigEndian(d[38..], GmPresent);
        GmIdentity.Write(d[42..]);
    }
}
