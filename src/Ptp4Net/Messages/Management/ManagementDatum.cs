namespace Ptp4Net.Messages;

/// <summary>
/// The one-octet dataField shared by many management ids (linuxptp struct management_tlv_datum): value (1),
/// reserved (1). PRIORITY1/2, DOMAIN, ANNOUNCE_RECEIPT_TIMEOUT, CLOCK_ACCURACY, DELAY_MECHANISM: unsigned value;
/// LOG_ANNOUNCE_INTERVAL, LOG_SYNC_INTERVAL, LOG_MIN_PDELAY_REQ_INTERVAL: signed (<see cref="SignedValue"/>);
/// SLAVE_ONLY: the standard says bit 0, but linuxptp's ptp4l answers with its DDS_SLAVE_ONLY bit (0x02, seen
/// from ptp4l 3.1.1) and its pmc tests that bit, so use <see cref="SlaveOnly"/> / <see cref="IsSlaveOnly"/>;
/// MASTER_ONLY: bit 0; VERSION_NUMBER: versionPTP in the low nibble; TRACEABILITY_PROPERTIES:
/// bit 4 TTRA, bit 5 FTRA; TIMESCALE_PROPERTIES: bit 3 PTP; SYNCHRONIZATION_UNCERTAIN_NP: 0 false, 1 true,
/// 0xFF don't care.
/// </summary>
public readonly record struct ManagementDatum(ManagementId Id, byte Value) : IManagementData<ManagementDatum>
{
    public const int WireSize = 2;

    public sbyte SignedValue => (sbyte)Value;
    public int DataLength => WireSize;

    public static bool Accepts(ManagementId id) => id is ManagementId.Priority1 or ManagementId.Priority2 or ManagementId.Domain
        or ManagementId.SlaveOnly or ManagementId.LogAnnounceInterval or ManagementId.AnnounceReceiptTimeout
        or ManagementId.LogSyncInterval or ManagementId.VersionNumber or ManagementId.ClockAccuracy
        or ManagementId.TraceabilityProperties or ManagementId.TimescaleProperties or ManagementId.DelayMechanism
        or ManagementId.LogMinPdelayReqInterval or ManagementId.SynchronizationUncertainNp or ManagementId.MasterOnly;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementDatum value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new ManagementDatum(id, d[0]);
        return true;
    }

    public static ManagementDatum FromSigned(ManagementId id, sbyte value) => new(id, (byte)value);

    /// <summary>linuxptp's DDS_SLAVE_ONLY bit, which ptp4l sends in SLAVE_ONLY and pmc tests.</summary>
    public const byte LinuxptpSlaveOnlyBit = 0x02;

    /// <summary>A SLAVE_ONLY datum as ptp4l sends it (0x02 when set), which both the standard's reading (any
    /// non-zero) and pmc's (bit 1) understand.</summary>
    public static ManagementDatum SlaveOnly(bool slaveOnly) =>
        new(ManagementId.SlaveOnly, slaveOnly ? LinuxptpSlaveOnlyBit : (byte)0);

    /// <summary>SLAVE_ONLY read leniently: bit 0 (the standard) or bit 1 (linuxptp).</summary>
    public bool IsSlaveOnly => (Value & 0x03) != 0;

    public void Write(Span<byte> d)
    {
        d[0] = Value;
        d[1] = 0;
    }
}
