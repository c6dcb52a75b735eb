using System.Buffers.Binary;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp CMLDS_INFO_NP dataField (struct cmlds_info_np), 16 octets: meanLinkDelay (8, TimeInterval),
/// scaledNeighborRateRatio (4), as_capable (4).
/// </summary>
public readonly record struct CmldsInfoNp(TimeInterval MeanLinkDelay, int ScaledNeighborRateRatio, uint AsCapable)
    : IManagementData<CmldsInfoNp>
{
    public const int WireSize = 16;

    public ManagementId Id => ManagementId.CmldsInfoNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.CmldsInfoNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out CmldsInfoNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new CmldsInfoNp(TimeInterval.FromScaled(BinaryPrimitives.ReadInt64BigEndian(d)),
            BinaryPrimitives.ReadInt32BigEndian(d[8..]), BinaryPrimitives.ReadUInt32BigEndian(d[12..]));
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteInt64BigEndian(d, MeanLinkDelay.ScaledNanoseconds);
        BinaryPrimitives.WriteInt32BigEndian(d[8..], ScaledNeighborRateRatio);
        BinaryPrimitives.WriteUInt32BigEndian(d[12..], AsCapable);
    }
}
