using System.Globalization;

namespace Ptp4Net.Configuration;

/// <summary>
/// The option table: every key linuxptp's config.c knows (its config_tab[], with the same scope, type,
/// default and range; enum labels from its *_enu tables), then the keys Ptp4Net adds. The first column is
/// our support of the option, the one place to change when the engine learns a feature:
/// <list type="bullet">
/// <item><c>Impl</c>: implemented (or planned by the engine, servo and Linux issues and wired by the daemon).</item>
/// <item><c>Todo</c>: accepted; a non-default value gets one warning naming the key.</item>
/// <item><c>Refuse...</c>: a feature we do not have; the daemon refuses to start with a message naming it.</item>
/// </list>
/// Source: richardcochran/linuxptp config.c (commit f722bda9); where a later linuxptp differs, the row says so.
/// </summary>
public static class ConfigTable
{
    // Feature names used in refusal messages.
    public const string TransparentClock = "transparent clock";
    public const string Unicast = "unicast";
    public const string Authentication = "authentication (AUTHENTICATION TLV, security associations)";
    public const string Cmlds = "CMLDS (common mean link delay service)";
    public const string Ts2phc = "ts2phc (external timestamp and PPS input)";
    public const string ServoWithoutSteering = "a servo that does not steer the clock (ntpshm, nullf, refclock_sock)";
    public const string LegacyTimestamping = "legacy hardware time stamping";

    private static readonly ConfigItem[] AllItems = Build();
    private static readonly Dictionary<string, ConfigItem> ByName = Index(AllItems);

    /// <summary>All items: linuxptp's in config.c order, then ours.</summary>
    public static IReadOnlyList<ConfigItem> Items => AllItems;

    /// <summary>The item called <paramref name="name"/> (case-sensitive, as linuxptp), or null.</summary>
    public static ConfigItem? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The item called <paramref name="name"/>; a missing key is a programming error.</summary>
    public static ConfigItem Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"bug: config option {name} is not in the option table");

    /// <summary>Old names ptp4l still accepts, mapped to their replacements (config.c check_deprecated_options).</summary>
    public static IReadOnlyDictionary<string, string> DeprecatedNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pi_offset_const"] = "step_threshold",
        ["pi_f_offset_const"] = "first_step_threshold",
        ["pi_max_frequency"] = "max_frequency",
        ["masterOnly"] = "serverOnly",
        ["slaveOnly"] = "clientOnly",
    };

    /// <summary>fault_reset_interval ASAP (linuxptp fault.h FRI_ASAP).</summary>
    public const int FaultResetIntervalAsap = sbyte.MinValue;

    private const long I8Min = sbyte.MinValue, I8Max = sbyte.MaxValue, U8Max = byte.MaxValue, U16Max = ushort.MaxValue;
    private const long IntMin = int.MinValue, IntMax = int.MaxValue, U32Max = uint.MaxValue;
    private const double DblMax = double.MaxValue;
    /// <summary>C's DBL_MIN: the smallest positive normal double (not .NET's double.MinValue).</summary>
    private const double DblMin = 2.2250738585072014E-308;
    private const int LogInfo = 6, PrintLevelMin = 0, PrintLevelMax = 7; // syslog LOG_EMERG..LOG_DEBUG
    private const int ClockClassThresholdDefault = 248;
    private const int InternalOscillator = 0xA0; // timeSource, IEEE 1588-2019 Table 6
    private const int CurrentUtcOffset = 37;
    private const int UdsFileMode = 0x1B0; // 0660
    private const int UdsRoFileMode = 0x1B6; // 0666

    // Properties, not fields: Build() runs from a static initializer declared above them.
    private static SupportRule Impl => SupportRule.Implemented;
    private static SupportRule Todo => SupportRule.NotYetImplemented;
    private static SupportRule RefuseIfSet(string feature) => SupportRule.RefusedIfNotDefault(feature);
    private static SupportRule RefuseIfOne(string feature) => SupportRule.RefusedWhen(feature, "set to 1", v => v.Integer == 1);

    private const FeatureSupport NotYet = FeatureSupport.NotYetImplemented;
    private const FeatureSupport Refused = FeatureSupport.Refused;

    private static ConfigItem[] Build()
    {
        ConfigEnumValue[] clockServo =
        [
            E("pi", ClockServoOption.Pi),
            E("linreg", ClockServoOption.Linreg),
            // Running PI instead of these would steer a clock the user asked us not to steer: refuse.
            E("ntpshm", ClockServoOption.Ntpshm, Refused, ServoWithoutSteering),
            E("nullf", ClockServoOption.Nullf, Refused, ServoWithoutSteering),
            E("refclock_sock", ClockServoOption.RefclockSock, Refused, ServoWithoutSteering),
        ];
        ConfigEnumValue[] clockType =
        [
            E("OC", ClockTypeOption.Ordinary),
            E("BC", ClockTypeOption.Boundary),
            E("P2P_TC", ClockTypeOption.P2PTransparent, Refused, TransparentClock),
            E("E2E_TC", ClockTypeOption.E2ETransparent, Refused, TransparentClock),
        ];
        ConfigEnumValue[] datasetComparison =
        [
            E("ieee1588", DatasetComparisonOption.Ieee1588),
            E("G.8275.x", DatasetComparisonOption.G8275),
        ];
        ConfigEnumValue[] delayFilter =
        [
            E("moving_average", DelayFilterOption.MovingAverage),
            E("moving_median", DelayFilterOption.MovingMedian),
        ];
        ConfigEnumValue[] delayMechanism =
        [
            E("Auto", DelayMechanismOption.Auto, NotYet, "automatic delay mechanism (E2E switching to P2P)"),
            E("COMMON_P2P", DelayMechanismOption.CommonP2P, Refused, Cmlds),
            E("E2E", DelayMechanismOption.E2E),
            E("P2P", DelayMechanismOption.P2P),
            E("NONE", DelayMechanismOption.None, NotYet, "no delay mechanism"),
        ];
        ConfigEnumValue[] exttsPolarity =
        [
            E("rising", ExttsPolarityOption.Rising),
            E("falling", ExttsPolarityOption.Falling),
            E("both", ExttsPolarityOption.Both),
        ];
        ConfigEnumValue[] hwtsFilter =
        [
            E("normal", HwtsFilterOption.Normal),
            E("check", HwtsFilterOption.Check),
            E("full", HwtsFilterOption.Full),
        ];
        ConfigEnumValue[] powerProfile =
        [
            E("none", PowerProfileVersionOption.None),
            E("2011", PowerProfileVersionOption.V2011, NotYet, "IEEE C37.238 power profile"),
            E("2017", PowerProfileVersionOption.V2017, NotYet, "IEEE C37.238 power profile"),
        ];
        ConfigEnumValue[] networkTransport =
        [
            E("L2", NetworkTransportOption.L2),
            E("UDPv4", NetworkTransportOption.UDPv4),
            E("UDPv6", NetworkTransportOption.UDPv6),
        ];
        ConfigEnumValue[] timeStamping =
        [
            E("hardware", TimeStampingOption.Hardware),
            E("software", TimeStampingOption.Software),
            E("legacy", TimeStampingOption.Legacy, Refused, LegacyTimestamping),
            E("onestep", TimeStampingOption.OneStep),
            E("p2p1step", TimeStampingOption.P2P1Step, NotYet, "one-step peer delay responses"),
        ];
        ConfigEnumValue[] tsproc =
        [
            E("filter", TsprocModeOption.Filter),
            E("raw", TsprocModeOption.Raw, NotYet, "tsproc_mode raw"),
            E("filter_weight", TsprocModeOption.FilterWeight, NotYet, "tsproc_mode filter_weight"),
            E("raw_weight", TsprocModeOption.RawWeight, NotYet, "tsproc_mode raw_weight"),
        ];
        ConfigEnumValue[] asCapable =
        [
            E("true", AsCapableOption.True, NotYet, "asCapable forced true"),
            E("auto", AsCapableOption.Auto),
        ];
        ConfigEnumValue[] bmca =
        [
            E("ptp", BmcaOption.Ptp),
            E("noop", BmcaOption.Noop, NotYet, "BMCA noop (static port roles, automotive profile)"),
        ];
        ConfigEnumValue[] hwtsQualifier =
        [
            E("precise", HwtsQualifierOption.Precise),
            E("approx", HwtsQualifierOption.Approx),
        ];

        return
        [
            PUin(RefuseIfSet(Authentication), "active_key_id", 0, 0, U32Max),
            PInt(RefuseIfSet(Authentication), "allow_unauth", 0, 0, 2),
            PInt(Todo, "allowedLostResponses", 3, 1, 255),
            PInt(Impl, "announceReceiptTimeout", 3, 2, U8Max),
            PEnu(Impl, "asCapable", "auto", asCapable),
            GInt(Todo, "assume_two_step", 0, 0, 1),
            PInt(Todo, "boundary_clock_jbod", 0, 0, 1),
            PEnu(Impl, "BMCA", "ptp", bmca),
            GInt(Todo, "check_fup_sync", 0, 0, 1),
            GInt(Impl, "clientOnly", 0, 0, 1),
            GInt(Impl, "clockAccuracy", 0xfe, 0, U8Max),
            GInt(Impl, "clockClass", 248, 0, U8Max),
            GStr(Todo, "clockIdentity", "000000.0000.000000"),
            GInt(Todo, "clock_class_threshold", ClockClassThresholdDefault, 6, ClockClassThresholdDefault),
            GEnu(Impl, "clock_servo", "pi", clockServo),
            GEnu(Impl, "clock_type", "OC", clockType),
            PStr(Todo, "cmlds.client_address", "/var/run/cmlds_client")
                .WithNote("linuxptp after f722bda moved the default to /var/run/ptp/cmlds_client"),
            PInt(Todo, "cmlds.domainNumber", 0, 0, 255),
            PInt(Todo, "cmlds.majorSdoId", 2, 0, 0x0F),
            PInt(Todo, "cmlds.port", 0, 0, U16Max),
            PStr(Todo, "cmlds.server_address", "/var/run/cmlds_server")
                .WithNote("linuxptp after f722bda moved the default to /var/run/ptp/cmlds_server"),
            GEnu(Impl, "dataset_comparison", "ieee1588", datasetComparison),
            PInt(Impl, "delayAsymmetry", 0, IntMin, IntMax),
            PEnu(Impl, "delay_filter", "moving_median", delayFilter),
            PInt(Impl, "delay_filter_length", 10, 1, IntMax),
            PEnu(Impl, "delay_mechanism", "E2E", delayMechanism),
            PDbl(Todo, "delay_request_variability", 1.0, 0.0, DblMax)
                .WithNote("newer than config.c f722bda; default from linuxptp's default.cfg, range not verified (accepts >= 0)"),
            PInt(Todo, "delay_response_timeout", 0, 0, U8Max),
            GInt(Impl, "dscp_event", 0, 0, 63),
            GInt(Impl, "dscp_general", 0, 0, 63),
            GInt(Impl, "domainNumber", 0, 0, 255),
            PInt(Todo, "egressLatency", 0, IntMin, IntMax),
            PInt(Todo, "fault_badpeernet_interval", 16, IntMin, IntMax),
            PInt(Impl, "fault_reset_interval", 4, I8Min, I8Max),
            GDbl(Impl, "first_step_threshold", 0.00002, 0.0, DblMax),
            PInt(Todo, "follow_up_info", 0, 0, 1),
            GInt(Impl, "free_running", 0, 0, 1),
            PInt(Impl, "freq_est_interval", 1, IntMin, IntMax),
            GInt(Impl, "G.8275.defaultDS.localPriority", 128, 1, U8Max),
            PInt(Impl, "G.8275.portDS.localPriority", 128, 1, U8Max),
            GInt(Todo, "gmCapable", 1, 0, 1),
            GEnu(Impl, "hwts_filter", "normal", hwtsFilter),
            PInt(RefuseIfOne(Unicast), "hybrid_e2e", 0, 0, 1),
            PInt(Todo, "ignore_source_id", 0, 0, 1),
            PInt(Todo, "ignore_transport_specific", 0, 0, 1),
            PInt(Todo, "ingressLatency", 0, IntMin, IntMax),
            PInt(Todo, "inhibit_announce", 0, 0, 1),
            PInt(Todo, "inhibit_delay_req", 0, 0, 1),
            PInt(Todo, "inhibit_multicast_service", 0, 0, 1),
            GInt(Todo, "initial_delay", 0, 0, IntMax),
            PInt(Todo, "interface_rate_tlv", 0, 0, 1),
            GInt(Todo, "kernel_leap", 1, 0, 1),
            GStr(Todo, "leapfile", null),
            PInt(Impl, "logAnnounceInterval", 1, I8Min, I8Max),
            PInt(Impl, "logMinDelayReqInterval", 0, I8Min, I8Max),
            PInt(Impl, "logMinPdelayReqInterval", 0, I8Min, I8Max),
            PInt(Impl, "logSyncInterval", 0, I8Min, I8Max),
            GInt(Impl, "logging_level", LogInfo, PrintLevelMin, PrintLevelMax),
            PInt(Impl, "masterOnly", 0, 0, 1), // deprecated: the parsers map it to serverOnly
            GInt(Impl, "maxStepsRemoved", 255, 2, U8Max),
            GStr(Todo, "message_tag", null),
            GStr(Todo, "manufacturerIdentity", "00:00:00"),
            GInt(Impl, "max_frequency", 900000000, 0, IntMax),
            PInt(Todo, "min_neighbor_prop_delay", -20000000, IntMin, -1),
            PInt(Todo, "msg_interval_request", 0, 0, 1),
            PInt(Impl, "neighborPropDelayThresh", 20000000, 0, IntMax),
            PInt(Todo, "net_sync_monitor", 0, 0, 1),
            PEnu(Impl, "network_transport", "UDPv4", networkTransport),
            GInt(Todo, "ntpshm_segment", 0, IntMin, IntMax),
            GInt(Impl, "offsetScaledLogVariance", 0xffff, 0, U16Max),
            PInt(Todo, "operLogPdelayReqInterval", 0, I8Min, I8Max),
            PInt(Todo, "operLogSyncInterval", 0, I8Min, I8Max),
            PStr(Todo, "p2p_dst_ipv4", "224.0.0.107"),
            PStr(Todo, "p2p_dst_ipv6", "FF02:0:0:0:0:0:0:6B"),
            PStr(Impl, "p2p_dst_mac", "01:80:C2:00:00:0E"),
            PInt(Impl, "path_trace_enabled", 0, 0, 1),
            PInt(Impl, "phc_index", -1, -1, IntMax),
            GDbl(Impl, "pi_integral_const", 0.0, 0.0, DblMax),
            GDbl(Impl, "pi_integral_exponent", 0.4, -DblMax, DblMax),
            GDbl(Impl, "pi_integral_norm_max", 0.3, DblMin, 2.0),
            GDbl(Impl, "pi_integral_scale", 0.0, 0.0, DblMax),
            GDbl(Impl, "pi_proportional_const", 0.0, 0.0, DblMax),
            GDbl(Impl, "pi_proportional_exponent", -0.3, -DblMax, DblMax),
            GDbl(Impl, "pi_proportional_norm_max", 0.7, DblMin, 1.0),
            GDbl(Impl, "pi_proportional_scale", 0.0, 0.0, DblMax),
            PEnu(Impl, "power_profile.version", "none", powerProfile),
            // config.c gives these a default of 0xFFFFFFFF stored in an int: -1.
            PInt(Todo, "power_profile.2011.grandmasterTimeInaccuracy", -1, -1, IntMax),
            PInt(Todo, "power_profile.2011.networkTimeInaccuracy", -1, -1, IntMax),
            PInt(Todo, "power_profile.2017.totalTimeInaccuracy", -1, -1, IntMax),
            PInt(Todo, "power_profile.grandmasterID", 0, 0, 0xFFFF),
            GInt(Impl, "priority1", 128, 0, U8Max),
            GInt(Impl, "priority2", 128, 0, U8Max),
            GStr(Todo, "productDescription", ";;"),
            PStr(Todo, "ptp_dst_ipv4", "224.0.1.129"),
            PStr(Todo, "ptp_dst_ipv6", "FF0E:0:0:0:0:0:0:181"),
            PStr(Impl, "ptp_dst_mac", "01:1B:19:00:00:00"),
            GInt(Todo, "ptp_minor_version", 1, 0, 1),
            GStr(Todo, "refclock_sock_address", "/var/run/refclock.ptp.sock"),
            GStr(Todo, "revisionData", ";;"),
            GStr(RefuseIfSet(Authentication), "sa_file", null),
            GInt(Impl, "sanity_freq_limit", 200000000, 0, IntMax),
            PInt(Impl, "serverOnly", 0, 0, 1),
            GInt(Todo, "servo_num_offset_values", 10, 0, IntMax),
            GInt(Todo, "servo_offset_threshold", 0, 0, IntMax),
            GStr(Todo, "slave_event_monitor", ""),
            GInt(Impl, "slaveOnly", 0, 0, 1), // deprecated: the parsers map it to clientOnly
            GInt(Todo, "socket_priority", 0, 0, 15),
            PInt(SupportRule.RefusedWhen(Authentication, "0 or more", v => v.Integer >= 0), "spp", -1, -1, U8Max),
            GDbl(Impl, "step_threshold", 0.0, 0.0, DblMax),
            GInt(Todo, "step_window", 0, 0, IntMax),
            GInt(Impl, "summary_interval", 0, IntMin, IntMax),
            PInt(Impl, "syncReceiptTimeout", 0, 0, U8Max),
            GInt(RefuseIfOne(TransparentClock), "tc_spanning_tree", 0, 0, 1),
            GInt(Todo, "timeSource", InternalOscillator, 0x10, 0xfe),
            GEnu(Impl, "time_stamping", "hardware", timeStamping),
            PInt(Impl, "transportSpecific", 0, 0, 0x0F),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.channel", 0, 0, IntMax),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.extts_correction", 0, IntMin, IntMax),
            PEnu(RefuseIfSet(Ts2phc), "ts2phc.extts_polarity", "rising", exttsPolarity),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.holdover", 0, 0, IntMax),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.master", 0, 0, 1),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.nmea_baudrate", 9600, 300, IntMax),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.nmea_delay", 0, IntMin, IntMax),
            GStr(RefuseIfSet(Ts2phc), "ts2phc.nmea_remote_host", ""),
            GStr(RefuseIfSet(Ts2phc), "ts2phc.nmea_remote_port", ""),
            GStr(RefuseIfSet(Ts2phc), "ts2phc.nmea_serialport", "/dev/ttyS0"),
            // The default (-1) lies outside the range, as in config.c: it means "not set".
            PInt(RefuseIfSet(Ts2phc), "ts2phc.perout_phase", -1, 0, 999999999),
            PInt(RefuseIfSet(Ts2phc), "ts2phc.pin_index", 0, 0, IntMax),
            GInt(RefuseIfSet(Ts2phc), "ts2phc.pulsewidth", 500000000, 1000000, 999000000),
            GStr(RefuseIfSet(Ts2phc), "ts2phc.tod_source", "generic"),
            PEnu(Impl, "tsproc_mode", "filter", tsproc),
            GInt(Impl, "twoStepFlag", 1, 0, 1),
            GInt(Impl, "tx_timestamp_timeout", 10, 1, IntMax),
            PInt(Impl, "udp_ttl", 1, 1, 255),
            PInt(Impl, "udp6_scope", 0x0E, 0x00, 0x0F),
            GStr(Impl, "uds_address", "/var/run/ptp4l")
                .WithNote("linuxptp after f722bda moved the default to /var/run/ptp/ptp4l; Debian's linuxptp 3.1 pmc uses /var/run/ptp4l"),
            PInt(Todo, "uds_file_mode", UdsFileMode, 0, 0x1FF),
            GStr(Impl, "uds_ro_address", "/var/run/ptp4lro")
                .WithNote("linuxptp after f722bda moved the default to /var/run/ptp/ptp4lro"),
            PInt(Todo, "uds_ro_file_mode", UdsRoFileMode, 0, 0x1FF),
            PInt(RefuseIfOne(Unicast), "unicast_listen", 0, 0, 1),
            PInt(SupportRule.RefusedWhen(Unicast, "not 0", v => v.Integer != 0), "unicast_master_table", 0, 0, IntMax),
            // Only meaningful with a unicast master table, and any table is refused on its own.
            PInt(Todo, "unicast_req_duration", 3600, 10, IntMax),
            GInt(Impl, "use_syslog", 1, 0, 1),
            GStr(Todo, "userDescription", ""),
            GInt(Todo, "utc_offset", CurrentUtcOffset, 0, IntMax),
            GInt(Impl, "verbose", 0, 0, 1),
            GInt(Todo, "write_phase_mode", 0, 0, 1),

            // Ptp4Net's own keys (issue 5): the emulated clock for labs, and the hardware timestamp provider policy.
            GInt(Impl, "emulated_clock", 0, 0, 1).AsExtension(),
            GLong(Impl, "emulated_clock_offset_ns", 0, long.MinValue, long.MaxValue).AsExtension(),
            GDbl(Impl, "emulated_clock_freq_ppb", 0.0, -1e9, 1e9).AsExtension(),
            PStr(Impl, "hwts_provider", "auto").AsExtension(ValidateHwtsProvider),
            PEnu(Impl, "hwts_qualifier", "precise", hwtsQualifier).AsExtension(),
        ];
    }

    private static Dictionary<string, ConfigItem> Index(ConfigItem[] items)
    {
        var byName = new Dictionary<string, ConfigItem>(StringComparer.Ordinal);
        foreach (var item in items)
            byName.Add(item.Name, item); // a duplicate name throws: config.c's "duplicate item" self test
        return byName;
    }

    /// <summary>hwts_provider: auto | mac | phy | phc:N (N a PHC index).</summary>
    internal static string? ValidateHwtsProvider(string value)
    {
        const string expected = "auto, mac, phy or phc:N (N a PHC index)";
        if (value is "auto" or "mac" or "phy") return null;
        if (value.StartsWith("phc:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return null;
        return expected;
    }

    private static ConfigEnumValue E<T>(string label, T value, FeatureSupport support = FeatureSupport.Implemented,
        string? feature = null) where T : struct, Enum =>
        new(label, Convert.ToInt32(value, CultureInfo.InvariantCulture), support, feature);

    private static ConfigItem Int(ConfigScope scope, SupportRule s, string name, long def, long min, long max) =>
        new(name, scope, ConfigValueType.Int, ConfigValue.FromInteger(def), min, max, 0, 0, null, s);

    private static ConfigItem GInt(SupportRule s, string name, long def, long min, long max) => Int(ConfigScope.Global, s, name, def, min, max);
    private static ConfigItem PInt(SupportRule s, string name, long def, long min, long max) => Int(ConfigScope.Port, s, name, def, min, max);

    private static ConfigItem PUin(SupportRule s, string name, long def, long min, long max) =>
        new(name, ConfigScope.Port, ConfigValueType.UInt, ConfigValue.FromInteger(def), min, max, 0, 0, null, s);

    private static ConfigItem GLong(SupportRule s, string name, long def, long min, long max) =>
        new(name, ConfigScope.Global, ConfigValueType.Long, ConfigValue.FromInteger(def), min, max, 0, 0, null, s);

    private static ConfigItem Dbl(ConfigScope scope, SupportRule s, string name, double def, double min, double max) =>
        new(name, scope, ConfigValueType.Double, ConfigValue.FromReal(def), 0, 0, min, max, null, s);

    private static ConfigItem GDbl(SupportRule s, string name, double def, double min, double max) => Dbl(ConfigScope.Global, s, name, def, min, max);
    private static ConfigItem PDbl(SupportRule s, string name, double def, double min, double max) => Dbl(ConfigScope.Port, s, name, def, min, max);

    private static ConfigItem GStr(SupportRule s, string name, string? def) =>
        new(name, ConfigScope.Global, ConfigValueType.String, ConfigValue.FromText(def), 0, 0, 0, 0, null, s);
    private static ConfigItem PStr(SupportRule s, string name, string? def) =>
        new(name, ConfigScope.Port, ConfigValueType.String, ConfigValue.FromText(def), 0, 0, 0, 0, null, s);

    private static ConfigItem Enu(ConfigScope scope, SupportRule s, string name, string def, ConfigEnumValue[] labels)
    {
        var d = Array.Find(labels, e => e.Label == def) ?? throw new InvalidOperationException($"bug: {name} default {def} is not a label");
        return new(name, scope, ConfigValueType.Enum, ConfigValue.FromEnum(d), 0, 0, 0, 0, labels, s);
    }

    private static ConfigItem GEnu(SupportRule s, string name, string def, ConfigEnumValue[] labels) => Enu(ConfigScope.Global, s, name, def, labels);
    private static ConfigItem PEnu(SupportRule s, string name, string def, ConfigEnumValue[] labels) => Enu(ConfigScope.Port, s, name, def, labels);
}
