using Ptp4Net.Messages;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// The management ids pmc knows, in pmc_common.c's idtab order (the order matters: an abbreviation resolves to
/// the only entry it prefixes, else it is ambiguous), with what pmc does for each, and the size of the
/// zero-filled dataField pmc puts in a GET (pmc_tlv_datalen; ids not listed there get none).
/// </summary>
public static class PmcIdTable
{
    public readonly record struct Entry(string Name, ManagementId Id, PmcIdHandler Handler);

    /// <summary>PTPText with length 0 plus a pad octet (pmc's EMPTY_PTP_TEXT).</summary>
    private const int EmptyPtpText = 2;
    /// <summary>CLOCK_DESCRIPTION with every text and address empty (pmc's EMPTY_CLOCK_DESCRIPTION).</summary>
    private const int EmptyClockDescription = 22;

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        // Clock management ids
        new("USER_DESCRIPTION", ManagementId.UserDescription, PmcIdHandler.GetOnly),
        new("SAVE_IN_NON_VOLATILE_STORAGE", ManagementId.SaveInNonVolatileStorage, PmcIdHandler.NotSupported),
        new("RESET_NON_VOLATILE_STORAGE", ManagementId.ResetNonVolatileStorage, PmcIdHandler.NotSupported),
        new("INITIALIZE", ManagementId.Initialize, PmcIdHandler.NotSupported),
        new("FAULT_LOG", ManagementId.FaultLog, PmcIdHandler.NotSupported),
        new("FAULT_LOG_RESET", ManagementId.FaultLogReset, PmcIdHandler.NotSupported),
        new("DEFAULT_DATA_SET", ManagementId.DefaultDataSet, PmcIdHandler.GetOnly),
        new("CURRENT_DATA_SET", ManagementId.CurrentDataSet, PmcIdHandler.GetOnly),
        new("PARENT_DATA_SET", ManagementId.ParentDataSet, PmcIdHandler.GetOnly),
        new("TIME_PROPERTIES_DATA_SET", ManagementId.TimePropertiesDataSet, PmcIdHandler.GetOnly),
        new("PRIORITY1", ManagementId.Priority1, PmcIdHandler.GetOrSet),
        new("PRIORITY2", ManagementId.Priority2, PmcIdHandler.GetOrSet),
        new("DOMAIN", ManagementId.Domain, PmcIdHandler.GetOnly),
        new("SLAVE_ONLY", ManagementId.SlaveOnly, PmcIdHandler.GetOnly),
        new("TIME", ManagementId.Time, PmcIdHandler.NotSupported),
        new("CLOCK_ACCURACY", ManagementId.ClockAccuracy, PmcIdHandler.GetOnly),
        new("UTC_PROPERTIES", ManagementId.UtcProperties, PmcIdHandler.NotSupported),
        new("TRACEABILITY_PROPERTIES", ManagementId.TraceabilityProperties, PmcIdHandler.GetOnly),
        new("TIMESCALE_PROPERTIES", ManagementId.TimescaleProperties, PmcIdHandler.GetOnly),
        new("PATH_TRACE_LIST", ManagementId.PathTraceList, PmcIdHandler.NotSupported),
        new("PATH_TRACE_ENABLE", ManagementId.PathTraceEnable, PmcIdHandler.NotSupported),
        new("GRANDMASTER_CLUSTER_TABLE", ManagementId.GrandmasterClusterTable, PmcIdHandler.NotSupported),
        new("ACCEPTABLE_MASTER_TABLE", ManagementId.AcceptableMasterTable, PmcIdHandler.NotSupported),
        new("ACCEPTABLE_MASTER_MAX_TABLE_SIZE", ManagementId.AcceptableMasterMaxTableSize, PmcIdHandler.NotSupported),
        new("ALTERNATE_TIME_OFFSET_ENABLE", ManagementId.AlternateTimeOffsetEnable, PmcIdHandler.NotSupported),
        new("ALTERNATE_TIME_OFFSET_NAME", ManagementId.AlternateTimeOffsetName, PmcIdHandler.NotSupported),
        new("ALTERNATE_TIME_OFFSET_MAX_KEY", ManagementId.AlternateTimeOffsetMaxKey, PmcIdHandler.NotSupported),
        new("ALTERNATE_TIME_OFFSET_PROPERTIES", ManagementId.AlternateTimeOffsetProperties, PmcIdHandler.NotSupported),
        new("MASTER_ONLY", ManagementId.MasterOnly, PmcIdHandler.GetOnly),
        new("TRANSPARENT_CLOCK_DEFAULT_DATA_SET", ManagementId.TransparentClockDefaultDataSet, PmcIdHandler.NotSupported),
        new("PRIMARY_DOMAIN", ManagementId.PrimaryDomain, PmcIdHandler.NotSupported),
        new("TIME_STATUS_NP", ManagementId.TimeStatusNp, PmcIdHandler.GetOnly),
        new("GRANDMASTER_SETTINGS_NP", ManagementId.GrandmasterSettingsNp, PmcIdHandler.GetOrSet),
        new("SUBSCRIBE_EVENTS_NP", ManagementId.SubscribeEventsNp, PmcIdHandler.GetOrSet),
        new("SYNCHRONIZATION_UNCERTAIN_NP", ManagementId.SynchronizationUncertainNp, PmcIdHandler.GetOrSet),
        // Port management ids
        new("NULL_MANAGEMENT", ManagementId.NullManagement, PmcIdHandler.Null),
        new("CLOCK_DESCRIPTION", ManagementId.ClockDescription, PmcIdHandler.GetOnly),
        new("PORT_DATA_SET", ManagementId.PortDataSet, PmcIdHandler.GetOnly),
        new("LOG_ANNOUNCE_INTERVAL", ManagementId.LogAnnounceInterval, PmcIdHandler.GetOnly),
        new("ANNOUNCE_RECEIPT_TIMEOUT", ManagementId.AnnounceReceiptTimeout, PmcIdHandler.GetOnly),
        new("LOG_SYNC_INTERVAL", ManagementId.LogSyncInterval, PmcIdHandler.GetOnly),
        new("VERSION_NUMBER", ManagementId.VersionNumber, PmcIdHandler.GetOnly),
        new("ENABLE_PORT", ManagementId.EnablePort, PmcIdHandler.NotSupported),
        new("DISABLE_PORT", ManagementId.DisablePort, PmcIdHandler.NotSupported),
        new("UNICAST_NEGOTIATION_ENABLE", ManagementId.UnicastNegotiationEnable, PmcIdHandler.NotSupported),
        new("UNICAST_MASTER_TABLE", ManagementId.UnicastMasterTable, PmcIdHandler.NotSupported),
        new("UNICAST_MASTER_MAX_TABLE_SIZE", ManagementId.UnicastMasterMaxTableSize, PmcIdHandler.NotSupported),
        new("ACCEPTABLE_MASTER_TABLE_ENABLED", ManagementId.AcceptableMasterTableEnabled, PmcIdHandler.NotSupported),
        new("ALTERNATE_MASTER", ManagementId.AlternateMaster, PmcIdHandler.NotSupported),
        new("TRANSPARENT_CLOCK_PORT_DATA_SET", ManagementId.TransparentClockPortDataSet, PmcIdHandler.NotSupported),
        new("DELAY_MECHANISM", ManagementId.DelayMechanism, PmcIdHandler.GetOnly),
        new("LOG_MIN_PDELAY_REQ_INTERVAL", ManagementId.LogMinPdelayReqInterval, PmcIdHandler.GetOnly),
        new("PORT_DATA_SET_NP", ManagementId.PortDataSetNp, PmcIdHandler.GetOrSet),
        new("PORT_STATS_NP", ManagementId.PortStatsNp, PmcIdHandler.GetOnly),
        new("PORT_PROPERTIES_NP", ManagementId.PortPropertiesNp, PmcIdHandler.GetOnly),
        // Newer linuxptp pmc ids (GET only); linuxptp 3.1.1's pmc does not know them.
        new("PORT_SERVICE_STATS_NP", ManagementId.PortServiceStatsNp, PmcIdHandler.GetOnly),
        new("UNICAST_MASTER_TABLE_NP", ManagementId.UnicastMasterTableNp, PmcIdHandler.GetOnly),
        new("PORT_HWCLOCK_NP", ManagementId.PortHwclockNp, PmcIdHandler.GetOnly),
    ];

    /// <summary>Result of <see cref="Find"/>: an index into <see cref="Entries"/>, or one of these.</summary>
    public const int BadId = -1;
    public const int AmbiguousId = -2;

    /// <summary>pmc's parse_id: an exact (case-insensitive) name, else the only entry the text prefixes.</summary>
    public static int Find(string text)
    {
        for (int i = 0; i < Entries.Count; i++)
            if (string.Equals(Entries[i].Name, text, StringComparison.OrdinalIgnoreCase))
                return i;
        int found = BadId;
        for (int i = 0; i < Entries.Count; i++)
        {
            if (!Entries[i].Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)) continue;
            if (found != BadId) return AmbiguousId;
            found = i;
        }
        return found;
    }

    /// <summary>The zero-filled dataField length pmc sends with a GET of <paramref name="id"/> (pmc_tlv_datalen).</summary>
    public static int GetDataLength(ManagementId id) => id switch
    {
        ManagementId.UserDescription => EmptyPtpText,
        ManagementId.DefaultDataSet => ManagementDefaultDataSet.WireSize,
        ManagementId.CurrentDataSet => ManagementCurrentDataSet.WireSize,
        ManagementId.ParentDataSet => ManagementParentDataSet.WireSize,
        ManagementId.TimePropertiesDataSet => ManagementTimePropertiesDataSet.WireSize,
        ManagementId.Priority1 or ManagementId.Priority2 or ManagementId.Domain or ManagementId.SlaveOnly
            or ManagementId.ClockAccuracy or ManagementId.TraceabilityProperties or ManagementId.TimescaleProperties
            or ManagementId.MasterOnly => ManagementDatum.WireSize,
        ManagementId.TimeStatusNp => TimeStatusNp.WireSize,
        ManagementId.GrandmasterSettingsNp => GrandmasterSettingsNp.WireSize,
        ManagementId.ClockDescription => EmptyClockDescription,
        ManagementId.PortDataSet => ManagementPortDataSet.WireSize,
        ManagementId.PortDataSetNp => PortDataSetNp.WireSize,
        ManagementId.LogAnnounceInterval or ManagementId.AnnounceReceiptTimeout or ManagementId.LogSyncInterval
            or ManagementId.VersionNumber or ManagementId.DelayMechanism
            or ManagementId.LogMinPdelayReqInterval => ManagementDatum.WireSize,
        _ => 0,
    };
}
