using Ptp4Net.Configuration;

namespace Ptp4Net.Tests.Configuration;

public class ConfigTableTests
{
    /// <summary>The names of config.c's config_tab[] (commit f722bda9), in its order.</summary>
    private const string ConfigCNames = """
        active_key_id allow_unauth allowedLostResponses announceReceiptTimeout asCapable assume_two_step
        boundary_clock_jbod BMCA check_fup_sync clientOnly clockAccuracy clockClass clockIdentity
        clock_class_threshold clock_servo clock_type cmlds.client_address cmlds.domainNumber
        cmlds.majorSdoId cmlds.port cmlds.server_address dataset_comparison delayAsymmetry delay_filter
        delay_filter_length delay_mechanism delay_response_timeout dscp_event dscp_general domainNumber
        egressLatency fault_badpeernet_interval fault_reset_interval first_step_threshold follow_up_info
        free_running freq_est_interval G.8275.defaultDS.localPriority G.8275.portDS.localPriority gmCapable
        hwts_filter hybrid_e2e ignore_source_id ignore_transport_specific ingressLatency inhibit_announce
        inhibit_delay_req inhibit_multicast_service initial_delay interface_rate_tlv kernel_leap leapfile
        logAnnounceInterval logMinDelayReqInterval logMinPdelayReqInterval logSyncInterval logging_level
        masterOnly maxStepsRemoved message_tag manufacturerIdentity max_frequency min_neighbor_prop_delay
        msg_interval_request neighborPropDelayThresh net_sync_monitor network_transport ntpshm_segment
        offsetScaledLogVariance operLogPdelayReqInterval operLogSyncInterval p2p_dst_ipv4 p2p_dst_ipv6
        p2p_dst_mac path_trace_enabled phc_index pi_integral_const pi_integral_exponent pi_integral_norm_max
        pi_integral_scale pi_proportional_const pi_proportional_exponent pi_proportional_norm_max
        pi_proportional_scale power_profile.version power_profile.2011.grandmasterTimeInaccuracy
        power_profile.2011.networkTimeInaccuracy power_profile.2017.totalTimeInaccuracy
        power_profile.grandmasterID priority1 priority2 productDescription ptp_dst_ipv4 ptp_dst_ipv6
        ptp_dst_mac ptp_minor_version refclock_sock_address revisionData sa_file sanity_freq_limit
        serverOnly servo_num_offset_values servo_offset_threshold slave_event_monitor slaveOnly
        socket_priority spp step_threshold step_window summary_interval syncReceiptTimeout tc_spanning_tree
        timeSource time_stamping transportSpecific ts2phc.channel ts2phc.extts_correction
        ts2phc.extts_polarity ts2phc.holdover ts2phc.master ts2phc.nmea_baudrate ts2phc.nmea_delay
        ts2phc.nmea_remote_host ts2phc.nmea_remote_port ts2phc.nmea_serialport ts2phc.perout_phase
        ts2phc.pin_index ts2phc.pulsewidth ts2phc.tod_source tsproc_mode twoStepFlag tx_timestamp_timeout
        udp_ttl udp6_scope uds_address uds_file_mode uds_ro_address uds_ro_file_mode unicast_listen
        unicast_master_table unicast_req_duration use_syslog userDescription utc_offset verbose
        write_phase_mode
        """;

    [Fact]
    public void Holds_every_linuxptp_key_once_and_marks_ours()
    {
        var expected = ConfigCNames.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal(146, expected.Count);
        var linuxptp = ConfigTable.Items.Where(i => !i.IsExtension).Select(i => i.Name).ToList();
        Assert.Equal(linuxptp.Count, linuxptp.Distinct(StringComparer.Ordinal).Count());
        // Same keys in the same order, plus delay_request_variability from a newer linuxptp (default.cfg, G.8275.1.cfg).
        Assert.Equal(expected, linuxptp.Where(n => n != "delay_request_variability"));
        Assert.Contains("delay_request_variability", linuxptp);
        var ours = ConfigTable.Items.Where(i => i.IsExtension).Select(i => i.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["emulated_clock", "emulated_clock_freq_ppb", "emulated_clock_offset_ns", "hwts_provider", "hwts_qualifier"], ours);
    }

    [Theory]
    [InlineData("logAnnounceInterval", ConfigScope.Port, 1, -128, 127)]
    [InlineData("logSyncInterval", ConfigScope.Port, 0, -128, 127)]
    [InlineData("logMinDelayReqInterval", ConfigScope.Port, 0, -128, 127)]
    [InlineData("logMinPdelayReqInterval", ConfigScope.Port, 0, -128, 127)]
    [InlineData("announceReceiptTimeout", ConfigScope.Port, 3, 2, 255)]
    [InlineData("syncReceiptTimeout", ConfigScope.Port, 0, 0, 255)]
    [InlineData("priority1", ConfigScope.Global, 128, 0, 255)]
    [InlineData("priority2", ConfigScope.Global, 128, 0, 255)]
    [InlineData("domainNumber", ConfigScope.Global, 0, 0, 255)]
    [InlineData("clockClass", ConfigScope.Global, 248, 0, 255)]
    [InlineData("clockAccuracy", ConfigScope.Global, 0xFE, 0, 255)]
    [InlineData("offsetScaledLogVariance", ConfigScope.Global, 0xFFFF, 0, 65535)]
    [InlineData("tx_timestamp_timeout", ConfigScope.Global, 10, 1, int.MaxValue)]
    [InlineData("summary_interval", ConfigScope.Global, 0, int.MinValue, int.MaxValue)]
    [InlineData("delay_filter_length", ConfigScope.Port, 10, 1, int.MaxValue)]
    [InlineData("delayAsymmetry", ConfigScope.Port, 0, int.MinValue, int.MaxValue)]
    [InlineData("neighborPropDelayThresh", ConfigScope.Port, 20000000, 0, int.MaxValue)]
    [InlineData("min_neighbor_prop_delay", ConfigScope.Port, -20000000, int.MinValue, -1)]
    [InlineData("max_frequency", ConfigScope.Global, 900000000, 0, int.MaxValue)]
    [InlineData("sanity_freq_limit", ConfigScope.Global, 200000000, 0, int.MaxValue)]
    [InlineData("fault_reset_interval", ConfigScope.Port, 4, -128, 127)]
    [InlineData("freq_est_interval", ConfigScope.Port, 1, int.MinValue, int.MaxValue)]
    [InlineData("logging_level", ConfigScope.Global, 6, 0, 7)]
    [InlineData("use_syslog", ConfigScope.Global, 1, 0, 1)]
    [InlineData("verbose", ConfigScope.Global, 0, 0, 1)]
    [InlineData("twoStepFlag", ConfigScope.Global, 1, 0, 1)]
    [InlineData("free_running", ConfigScope.Global, 0, 0, 1)]
    [InlineData("udp_ttl", ConfigScope.Port, 1, 1, 255)]
    [InlineData("udp6_scope", ConfigScope.Port, 0x0E, 0, 0x0F)]
    [InlineData("transportSpecific", ConfigScope.Port, 0, 0, 0x0F)]
    [InlineData("maxStepsRemoved", ConfigScope.Global, 255, 2, 255)]
    [InlineData("G.8275.defaultDS.localPriority", ConfigScope.Global, 128, 1, 255)]
    [InlineData("G.8275.portDS.localPriority", ConfigScope.Port, 128, 1, 255)]
    [InlineData("phc_index", ConfigScope.Port, -1, -1, int.MaxValue)]
    [InlineData("spp", ConfigScope.Port, -1, -1, 255)]
    [InlineData("uds_file_mode", ConfigScope.Port, 432, 0, 511)] // 0660, 0777
    [InlineData("timeSource", ConfigScope.Global, 0xA0, 0x10, 0xFE)]
    [InlineData("utc_offset", ConfigScope.Global, 37, 0, int.MaxValue)]
    [InlineData("unicast_req_duration", ConfigScope.Port, 3600, 10, int.MaxValue)]
    public void Integer_items_match_linuxptp(string key, ConfigScope scope, long def, long min, long max)
    {
        var item = ConfigTable.Get(key);
        Assert.Equal(ConfigValueType.Int, item.Type);
        Assert.Equal(scope, item.Scope);
        Assert.Equal(def, item.Default.Integer);
        Assert.Equal(min, item.MinInteger);
        Assert.Equal(max, item.MaxInteger);
        Assert.False(item.IsExtension);
    }

    [Theory]
    [InlineData("step_threshold", 0.0, 0.0)]
    [InlineData("first_step_threshold", 0.00002, 0.0)]
    [InlineData("pi_proportional_const", 0.0, 0.0)]
    [InlineData("pi_integral_const", 0.0, 0.0)]
    [InlineData("pi_proportional_scale", 0.0, 0.0)]
    [InlineData("pi_integral_scale", 0.0, 0.0)]
    [InlineData("pi_proportional_exponent", -0.3, -double.MaxValue)]
    [InlineData("pi_integral_exponent", 0.4, -double.MaxValue)]
    public void Double_items_match_linuxptp(string key, double def, double min)
    {
        var item = ConfigTable.Get(key);
        Assert.Equal(ConfigValueType.Double, item.Type);
        Assert.Equal(ConfigScope.Global, item.Scope);
        Assert.Equal(def, item.Default.Real);
        Assert.Equal(min, item.MinReal);
    }

    [Fact]
    public void Norm_max_ranges_start_at_the_smallest_positive_double_as_C_DBL_MIN()
    {
        Assert.Equal(0.7, ConfigTable.Get("pi_proportional_norm_max").Default.Real);
        Assert.Equal(1.0, ConfigTable.Get("pi_proportional_norm_max").MaxReal);
        Assert.Equal(0.3, ConfigTable.Get("pi_integral_norm_max").Default.Real);
        Assert.Equal(2.0, ConfigTable.Get("pi_integral_norm_max").MaxReal);
        double dblMin = ConfigTable.Get("pi_integral_norm_max").MinReal;
        Assert.True(dblMin > 0 && dblMin < 1e-300);
    }

    [Theory]
    [InlineData("clock_type", ConfigScope.Global, "OC", "OC,BC,P2P_TC,E2E_TC")]
    [InlineData("clock_servo", ConfigScope.Global, "pi", "pi,linreg,ntpshm,nullf,refclock_sock")]
    [InlineData("dataset_comparison", ConfigScope.Global, "ieee1588", "ieee1588,G.8275.x")]
    [InlineData("delay_filter", ConfigScope.Port, "moving_median", "moving_average,moving_median")]
    [InlineData("delay_mechanism", ConfigScope.Port, "E2E", "Auto,COMMON_P2P,E2E,P2P,NONE")]
    [InlineData("network_transport", ConfigScope.Port, "UDPv4", "L2,UDPv4,UDPv6")]
    [InlineData("time_stamping", ConfigScope.Global, "hardware", "hardware,software,legacy,onestep,p2p1step")]
    [InlineData("tsproc_mode", ConfigScope.Port, "filter", "filter,raw,filter_weight,raw_weight")]
    [InlineData("hwts_filter", ConfigScope.Global, "normal", "normal,check,full")]
    [InlineData("asCapable", ConfigScope.Port, "auto", "true,auto")]
    [InlineData("BMCA", ConfigScope.Port, "ptp", "ptp,noop")]
    [InlineData("power_profile.version", ConfigScope.Port, "none", "none,2011,2017")]
    [InlineData("ts2phc.extts_polarity", ConfigScope.Port, "rising", "rising,falling,both")]
    public void Enum_items_match_linuxptp(string key, ConfigScope scope, string def, string labels)
    {
        var item = ConfigTable.Get(key);
        Assert.Equal(ConfigValueType.Enum, item.Type);
        Assert.Equal(scope, item.Scope);
        Assert.Equal(def, item.Default.Text);
        Assert.Equal(labels, string.Join(",", item.EnumValues.Select(e => e.Label)));
    }

    [Theory]
    [InlineData("ptp_dst_mac", ConfigScope.Port, "01:1B:19:00:00:00")]
    [InlineData("p2p_dst_mac", ConfigScope.Port, "01:80:C2:00:00:0E")]
    [InlineData("ptp_dst_ipv4", ConfigScope.Port, "224.0.1.129")]
    [InlineData("p2p_dst_ipv4", ConfigScope.Port, "224.0.0.107")]
    [InlineData("ptp_dst_ipv6", ConfigScope.Port, "FF0E:0:0:0:0:0:0:181")]
    [InlineData("p2p_dst_ipv6", ConfigScope.Port, "FF02:0:0:0:0:0:0:6B")]
    [InlineData("uds_address", ConfigScope.Global, "/var/run/ptp4l")]
    [InlineData("uds_ro_address", ConfigScope.Global, "/var/run/ptp4lro")]
    [InlineData("clockIdentity", ConfigScope.Global, "000000.0000.000000")]
    [InlineData("productDescription", ConfigScope.Global, ";;")]
    [InlineData("userDescription", ConfigScope.Global, "")]
    [InlineData("sa_file", ConfigScope.Global, null)]
    public void String_items_match_linuxptp(string key, ConfigScope scope, string? def)
    {
        var item = ConfigTable.Get(key);
        Assert.Equal(ConfigValueType.String, item.Type);
        Assert.Equal(scope, item.Scope);
        Assert.Equal(def, item.Default.Text);
    }

    [Fact]
    public void Active_key_id_is_the_one_unsigned_item()
    {
        var uints = ConfigTable.Items.Where(i => i.Type == ConfigValueType.UInt).ToList();
        var item = Assert.Single(uints);
        Assert.Equal("active_key_id", item.Name);
        Assert.Equal(uint.MaxValue, item.MaxInteger);
    }

    [Fact]
    public void Every_default_lies_in_its_range_except_ts2phc_perout_phase_as_in_linuxptp()
    {
        var outside = new List<string>();
        foreach (var item in ConfigTable.Items)
        {
            bool inRange = item.Type switch
            {
                ConfigValueType.Int or ConfigValueType.UInt or ConfigValueType.Long =>
                    item.Default.Integer >= item.MinInteger && item.Default.Integer <= item.MaxInteger,
                ConfigValueType.Double => item.Default.Real >= item.MinReal && item.Default.Real <= item.MaxReal,
                _ => true,
            };
            if (!inRange) outside.Add(item.Name);
        }
        Assert.Equal(["ts2phc.perout_phase"], outside);
    }

    [Fact]
    public void Lookup_is_case_sensitive_as_linuxptp()
    {
        Assert.NotNull(ConfigTable.Find("priority1"));
        Assert.Null(ConfigTable.Find("Priority1"));
        Assert.Null(ConfigTable.Find("foo"));
        Assert.Throws<KeyNotFoundException>(() => ConfigTable.Get("foo"));
    }

    [Fact]
    public void Our_keys_have_the_documented_types_and_defaults()
    {
        Assert.Equal(ConfigValueType.Int, ConfigTable.Get("emulated_clock").Type);
        Assert.Equal(0, ConfigTable.Get("emulated_clock").Default.Integer);
        Assert.Equal(ConfigValueType.Long, ConfigTable.Get("emulated_clock_offset_ns").Type);
        Assert.Equal(ConfigValueType.Double, ConfigTable.Get("emulated_clock_freq_ppb").Type);
        Assert.Equal("auto", ConfigTable.Get("hwts_provider").Default.Text);
        Assert.Equal(ConfigScope.Port, ConfigTable.Get("hwts_provider").Scope);
        Assert.Equal("precise", ConfigTable.Get("hwts_qualifier").Default.Text);
        Assert.Equal(ConfigScope.Port, ConfigTable.Get("hwts_qualifier").Scope);
    }

    [Fact]
    public void Default_cfg_states_the_table_defaults_except_where_linuxptp_has_moved_on()
    {
        // linuxptp's own default.cfg lists (nearly) every option with its default value. Where it differs
        // from our table, it is because its commit is newer than config.c f722bda9 (UDS paths moved to
        // /var/run/ptp/) or because default.cfg itself writes a non-default (userDescription ";").
        var text = File.ReadAllLines(ConfigTestFiles.Linuxptp("default.cfg"));
        var config = ConfigTestFiles.Read(ConfigTestFiles.Linuxptp("default.cfg"));
        var differing = new List<string>();
        int checkedKeys = 0;
        foreach (var line in text)
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] is '#' or '[') continue;
            var key = t.Split([' ', '\t'], 2)[0];
            var item = ConfigTable.Get(key);
            checkedKeys++;
            if (!config.GetValue(null, key).SameAs(item.Default, item.Type)) differing.Add(key);
        }
        Assert.True(checkedKeys > 110, $"only {checkedKeys} keys in default.cfg");
        Assert.Equal(
            ["cmlds.client_address", "cmlds.server_address", "uds_address", "uds_ro_address", "userDescription"],
            differing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ConfigKeys_names_every_item_exactly_once()
    {
        var values = typeof(ConfigKeys).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(ConfigTable.Items.Select(i => i.Name).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        Assert.Equal("G.8275.portDS.localPriority", ConfigKeys.G8275PortDSLocalPriority);
        Assert.Equal("logSyncInterval", ConfigKeys.LogSyncInterval);
    }
}
