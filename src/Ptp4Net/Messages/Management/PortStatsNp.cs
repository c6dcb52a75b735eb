using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp PORT_STATS_NP dataField (struct port_stats_np), 266 octets: portIdentity (10, big-endian), then
/// rxMsgType[16] and txMsgType[16] as 64-bit counters. linuxptp sends the counters little-endian (tlv.c converts
/// them with __cpu_to_le64 / __le64_to_cpu), unlike every other field, and so do we.
/// </summary>
public readonly struct PortStatsNp : IManagementData<PortStatsNp>
{
    public const int WireSize = 10 + 2 * 16 * 8;

    public PortStatsNp(PortIdentity portIdentity, MessageCounters rxMsgType, MessageCounters txMsgType)
    {
        PortIdentity = portIdentity;
        RxMsgType = rxMsgType;
        TxMsgType = txMsgType;
    }

    public PortIdentity PortIdentity { get; }
    /// <summary>Received messages per messageType.</summary>
    public MessageCounters RxMsgType { get; }
    /// <summary>Sent messages per messageType.</summary>
    public MessageCounters TxMsgType { get; }

    public ManagementId Id => ManagementId.PortStatsNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.PortStatsNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out PortStatsNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        var rx = new MessageCounters();
        var tx = new MessageCounters();
        for (int i = 0; i < 16; i++)
        {
            rx[i] = BinaryPrimitives.ReadUInt64LittleEndian(d[(10 + 8 * i)..]);
            tx[i] = BinaryPrimitives.ReadUInt64LittleEndian(d[(138 + 8 * i)..]);
        }
        value = new PortStatsNp(PortIdentity.Read(d), rx, tx);
        return true;
    }

    public void Write(Span<byte> d)
    {
        PortIdentity.Write(d);
        var rx = RxMsgType;
        var tx = TxMsgType;
        for (int i = 0; i < 16; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(d[(10 + 8 * i)..], rx[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(d[(138 + 8 * i)..], tx[i]);
        }
    }
}
