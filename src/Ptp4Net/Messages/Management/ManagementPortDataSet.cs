using System.Buffers.Binary;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// PORT_DATA_SET dataField (IEEE 1588-2019 15.5.3.7.1; linuxptp struct portDS), 26 octets: portIdentity (10),
/// portState (1, Table 20), logMinDelayReqInterval (1), peerMeanPathDelay (8, TimeInterval), logAnnounceInterval,
/// announceReceiptTimeout, logSyncInterval, delayMechanism, logMinPdelayReqInterval, versionNumber (1 each;
/// versionNumber: minorVersionPTP in the high nibble, versionPTP in the low nibble).
/// </summary>
public readonly record struct ManagementPortDataSet : IManagementData<ManagementPortDataSet>
{
    public const int WireSize = 26;

    public PortIdentity PortIdentity { get; init; }
    /// <summary>portState (Table 20: 1 INITIALIZING ... 6 MASTER, 7 PASSIVE, 8 UNCALIBRATED, 9 SLAVE).</summary>
    public byte PortState { get; init; }
    public sbyte LogMinDelayReqInterval { get; init; }
    public TimeInterval PeerMeanPathDelay { get; init; }
    public sbyte LogAnnounceInterval { get; init; }
    public byte AnnounceReceiptTimeout { get; init; }
    public sbyte LogSyncInterval { get; init; }
    /// <summary>delayMechanism (Table 21: 1 E2E, 2 P2P, 3 COMMON_P2P, 4 SPECIAL, 0xFE NO_MECHANISM).</summary>
    public byte DelayMechanism { get; init; }
    public sbyte LogMinPdelayReqInterval { get; init; }
    public byte VersionNumber { get; init; }

    public ManagementId Id => ManagementId.PortDataSet;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.PortDataSet;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementPortDataSet value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new ManagementPortDataSet
        {
            PortIdentity = PortIdentity.Read(d),
            PortState = d[10],
            LogMinDelayReqInterval = (sbyte)d[11],
            PeerMeanPathDelay = TimeInterval.FromScaled(BinaryPrimitives.ReadInt64BigEndian(d[12..])),
            LogAnnounceInterval = (sbyte)d[20],
            AnnounceReceiptTimeout = d[21],
            LogSyncInterval = (sbyte)d[22],
            DelayMechanism = d[23],
            LogMinPdelayReqInterval = (sbyte)d[24],
            VersionNumber = d[25],
        };
        return true;
    }

    public void Write(Span<byte> d)
    {
        PortIdentity.Write(d);
        d[10] = PortState;
        d[11] = (byte)LogMinDelayReqInterval;
        BinaryPrimitives.WriteInt64BigEndian(d[12..], PeerMeanPathDelay.ScaledNanoseconds);
        d[20] = (byte)LogAnnounceInterval;
        d[21] = AnnounceReceiptTimeout;
        d[22] = (byte)LogSyncInterval;
        d[23] = DelayMechanism;
        d[24] = (byte)LogMinPdelayReqInterval;
        d[25] = VersionNumber;
    }
}
