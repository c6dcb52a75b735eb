namespace Ptp4Net.Messages;

/// <summary>
/// dataField sizes of the management ids whose layout is fixed, as linuxptp checks them in tlv.c mgt_post_recv.
/// An empty dataField is always allowed (a GET may carry none; pmc -z sends none).
/// </summary>
internal static class ManagementDataLayout
{
    /// <summary>Exact data length for fixed layouts, or -minimum for variable ones, or 0 when unchecked.</summary>
    internal static int Expected(ManagementId id) => id switch
    {
        ManagementId.DefaultDataSet => ManagementDefaultDataSet.WireSize,
        ManagementId.CurrentDataSet => ManagementCurrentDataSet.WireSize,
        ManagementId.ParentDataSet => ManagementParentDataSet.WireSize,
        ManagementId.TimePropertiesDataSet => ManagementTimePropertiesDataSet.WireSize,
        ManagementId.PortDataSet => ManagementPortDataSet.WireSize,
        ManagementId.Priority1 or ManagementId.Priority2 or ManagementId.Domain or ManagementId.SlaveOnly
            or ManagementId.LogAnnounceInterval or ManagementId.AnnounceReceiptTimeout or ManagementId.LogSyncInterval
            or ManagementId.VersionNumber or ManagementId.ClockAccuracy or ManagementId.TraceabilityProperties
            or ManagementId.TimescaleProperties or ManagementId.DelayMechanism or ManagementId.LogMinPdelayReqInterval
            or ManagementId.SynchronizationUncertainNp or ManagementId.MasterOnly => ManagementDatum.WireSize,
        ManagementId.Time => ManagementTime.WireSize,
        ManagementId.UtcProperties => UtcProperties.WireSize,
        ManagementId.TimeStatusNp => TimeStatusNp.WireSize,
        ManagementId.GrandmasterSettingsNp => GrandmasterSettingsNp.WireSize,
        ManagementId.PortDataSetNp => PortDataSetNp.WireSize,
        ManagementId.SubscribeEventsNp => SubscribeEventsNp.WireSize,
        ManagementId.PortHwclockNp => PortHwclockNp.WireSize,
        ManagementId.PortPropertiesNp => -PortPropertiesNp.MinimumWireSize,
        ManagementId.PortStatsNp => -PortStatsNp.WireSize,
        ManagementId.PortServiceStatsNp => -PortServiceStatsNp.WireSize,
        _ => 0,
    };

    internal static bool LengthOk(ManagementId id, int dataLength)
    {
        if (dataLength == 0) return true;
        int e = Expected(id);
        return e == 0 || (e > 0 ? dataLength == e : dataLength >= -e);
    }
}
