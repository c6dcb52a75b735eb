using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>linuxptp SUBSCRIBE_EVENTS_NP dataField (struct subscribe_events_np), 66 octets: duration (2, s), bitmask (64).</summary>
public readonly struct SubscribeEventsNp : IManagementData<SubscribeEventsNp>
{
    public const int WireSize = 66;

    public SubscribeEventsNp(ushort duration, EventBitmask bitmask)
    {
        Duration = duration;
        Bitmask = bitmask;
    }

    public ushort Duration { get; }
    public EventBitmask Bitmask { get; }

    public ManagementId Id => ManagementId.SubscribeEventsNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.SubscribeEventsNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out SubscribeEventsNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        var mask = new EventBitmask();
        d.Slice(2, 64).CopyTo(mask);
        value = new SubscribeEventsNp(BinaryPrimitives.ReadUInt16BigEndian(d), mask);
        return true;
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteUInt16BigEndian(d, Duration);
        var mask = Bitmask;
        ((ReadOnlySpan<byte>)mask).CopyTo(d[2..]);
    }
}
