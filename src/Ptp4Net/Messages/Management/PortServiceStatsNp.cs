using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp PORT_SERVICE_STATS_NP dataField (struct port_service_stats_np), 90 octets: portIdentity (10,
/// big-endian) and ten 64-bit counters, little-endian as linuxptp sends them (like PORT_STATS_NP).
/// </summary>
public readonly record struct PortServiceStatsNp : IManagementData<PortServiceStatsNp>
{
    public const int WireSize = 10 + 10 * 8;

    public PortIdentity PortIdentity { get; init; }
    public ulong AnnounceTimeout { get; init; }
    public ulong SyncTimeout { get; init; }
    public ulong DelayTimeout { get; init; }
    public ulong UnicastServiceTimeout { get; init; }
    public ulong UnicastRequestTimeout { get; init; }
    public ulong MasterAnnounceTimeout { get; init; }
    public ulong MasterSyncTimeout { get; init; }
    public ulong QualificationTimeout { get; init; }
    public ulong SyncMismatch { get; init; }
    public ulong FollowupMismatch { get; init; }

    public ManagementId Id => ManagementId.PortServiceStatsNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.PortServiceStatsNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out PortServiceStatsNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new PortServiceStatsNp
        {
            PortIdentity = PortIdentity.Read(d),
            AnnounceTimeout = C(d, 0), SyncTimeout = C(d, 1), DelayTimeout = C(d, 2),
            UnicastServiceTimeout = C(d, 3), UnicastRequestTimeout = C(d, 4), MasterAnnounceTimeout = C(d, 5),
            MasterSyncTimeout = C(d, 6), QualificationTimeout = C(d, 7), SyncMismatch = C(d, 8), FollowupMismatch = C(d, 9),
        };
        return true;
    }

    private static ulong C(ReadOnlySpan<byte> d, int i) => BinaryPrimitives.ReadUInt64LittleEndian(d[(10 + 8 * i)..]);

    public void Write(Span<byte> d)
    {
        PortIdentity.Write(d);
        Span<ulong> c = [AnnounceTimeout, SyncTimeout, DelayTimeout, UnicastServiceTimeout, UnicastRequestTimeout,
            MasterAnnounceTimeout, MasterSyncTimeout, QualificationTimeout, SyncMismatch, FollowupMismatch];
        for (int i = 0; i < c.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(d[(10 + 8 * i)..], c[i]);
    }
}
