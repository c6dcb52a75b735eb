using Ptp4Net.Configuration;
using static Ptp4Net.Tests.Configuration.ConfigTestFiles;

namespace Ptp4Net.Tests.Configuration;

public class FeatureClassificationTests
{
    public static TheoryData<string, string, string, string> LinuxptpFiles() => new()
    {
        // file, refused features, refused "key[port]" in order, not-implemented keys in table order
        { "default.cfg", "", "", "cmlds.client_address cmlds.server_address userDescription" },
        { "gPTP.cfg", "", "", "assume_two_step follow_up_info" },
        { "automotive-master.cfg", "", "",
            "asCapable assume_two_step BMCA follow_up_info inhibit_announce inhibit_delay_req" },
        { "automotive-slave.cfg", "", "",
            "asCapable assume_two_step BMCA follow_up_info ignore_source_id inhibit_announce msg_interval_request operLogPdelayReqInterval servo_offset_threshold" },
        { "G.8275.1.cfg", "", "", "delay_request_variability" },
        { "G.8275.2.cfg", ConfigTable.Unicast, "hybrid_e2e unicast_listen", "inhibit_multicast_service unicast_req_duration" },
        { "G.8265.1.cfg", ConfigTable.Unicast, "hybrid_e2e unicast_listen", "inhibit_multicast_service unicast_req_duration" },
        { "UNICAST-MASTER.cfg", ConfigTable.Unicast, "hybrid_e2e unicast_listen", "inhibit_multicast_service" },
        { "UNICAST-SLAVE.cfg", ConfigTable.Unicast,
            "unicast_master_table[eth0] unicast_master_table[eth1] [unicast_master_table] [unicast_master_table] [unicast_master_table]",
            "unicast_req_duration" },
        { "E2E-TC.cfg", ConfigTable.TransparentClock, "clock_type tc_spanning_tree", "" },
        { "P2P-TC.cfg", ConfigTable.TransparentClock, "clock_type tc_spanning_tree", "" },
        { "authentication.cfg", ConfigTable.Authentication,
            "active_key_id sa_file spp active_key_id[eth1] spp[eth1] active_key_id[eth0] spp[eth0] active_key_id[eth3]", "" },
        { "CMLDS_client.cfg", ConfigTable.Cmlds, "delay_mechanism[eth1]", "" },
        { "CMLDS_server.cfg", "", "", "clockIdentity ignore_transport_specific" },
        { "gPTP_CMLDS_domain0.cfg", ConfigTable.Cmlds, "delay_mechanism",
            "assume_two_step clockIdentity cmlds.client_address follow_up_info" }, // its server_address is the default
        { "gPTP_CMLDS_domain1.cfg", ConfigTable.Cmlds, "delay_mechanism",
            "assume_two_step clockIdentity cmlds.client_address follow_up_info" }, // its server_address is the default
        { "gPTP_CMLDS_server.cfg", "", "",
            "allowedLostResponses assume_two_step clockIdentity follow_up_info ignore_transport_specific" },
    };

    [Theory]
    [MemberData(nameof(LinuxptpFiles))]
    public void Linuxptp_config_parses_and_is_classified(string file, string features, string refusedKeys, string todoKeys)
    {
        var config = Read(Linuxptp(file));
        var refused = config.GetRefusedFeatures();
        Assert.Equal(features, string.Join("|", refused.Select(r => r.Feature).Distinct()));
        Assert.Equal(refusedKeys, string.Join(" ", refused.Select(r => r.Key + (r.Port is null ? "" : $"[{r.Port}]"))));
        Assert.All(refused, r => Assert.Contains(r.Feature, r.Message));
        Assert.All(refused, r => Assert.Contains(file, r.Message));
        var todo = config.GetNotImplementedSettings();
        Assert.Equal(todoKeys, string.Join(" ", todo.Select(t => t.Key)));
        Assert.All(todo, t => Assert.Contains(t.Key, t.Message));
    }

    [Fact]
    public void Every_linuxptp_config_file_is_covered_and_sa_cfg_is_not_a_ptp4l_config()
    {
        var covered = LinuxptpFiles().Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(LinuxptpConfigs(), "*.cfg").Select(Path.GetFileName).ToList();
        Assert.Equal(files.Where(f => f != "sa.cfg").Order(), covered.Order());

        // sa.cfg is the security association file named by authentication.cfg's sa_file. Read as a ptp4l
        // config its [security_association] section is taken for an interface, and allow_mutable is unknown.
        var path = Linuxptp("sa.cfg");
        int expectedLine = Array.FindIndex(File.ReadAllLines(path), l => l.StartsWith("allow_mutable", StringComparison.Ordinal)) + 1;
        var e = Assert.Throws<ConfigException>(() => Read(path));
        Assert.Equal(expectedLine, e.LineNumber);
        Assert.StartsWith("unknown option allow_mutable", e.Message);
    }

    [Fact]
    public void Transparent_clock_message_names_the_feature_value_and_place()
    {
        var config = Parse("[global]\npriority1 1\nclock_type E2E_TC\n", "tc.cfg");
        var r = Assert.Single(config.GetRefusedFeatures());
        Assert.Equal("transparent clock is not supported by ptp4net: clock_type E2E_TC at line 3 in file tc.cfg", r.Message);
    }

    [Theory]
    [InlineData("clock_type OC", false)]
    [InlineData("clock_type BC", false)]
    [InlineData("clock_type P2P_TC", true)]
    [InlineData("unicast_listen 0", false)]
    [InlineData("unicast_listen 1", true)]
    [InlineData("unicast_master_table 0", false)]
    [InlineData("unicast_master_table 3", true)]
    [InlineData("spp -1", false)]
    [InlineData("spp 0", true)]
    [InlineData("active_key_id 0", false)]
    [InlineData("active_key_id 1", true)]
    [InlineData("allow_unauth 1", true)]
    [InlineData("sa_file /etc/sa.cfg", true)]
    [InlineData("delay_mechanism COMMON_P2P", true)]
    [InlineData("delay_mechanism P2P", false)]
    [InlineData("time_stamping legacy", true)]
    [InlineData("clock_servo linreg", false)]
    [InlineData("clock_servo ntpshm", true)]
    [InlineData("clock_servo nullf", true)]
    [InlineData("ts2phc.pulsewidth 500000000", false)]
    [InlineData("ts2phc.pulsewidth 100000000", true)]
    [InlineData("ts2phc.nmea_serialport /dev/ttyS1", true)]
    [InlineData("hybrid_e2e 1", true)]
    [InlineData("tc_spanning_tree 1", true)]
    public void Refusal_depends_on_the_value(string setting, bool refused)
    {
        var config = Parse("[global]\n" + setting + "\n");
        Assert.Equal(refused, config.GetRefusedFeatures().Count == 1);
        if (!refused) Assert.Empty(config.GetRefusedFeatures());
    }

    [Fact]
    public void A_unicast_table_is_refused_even_when_no_port_uses_it()
    {
        var config = Parse("[unicast_master_table]\ntable_id 4\nUDPv4 10.1.2.3\n", "u.cfg");
        var r = Assert.Single(config.GetRefusedFeatures());
        Assert.Equal(ConfigTable.Unicast, r.Feature);
        Assert.Equal("unicast is not supported by ptp4net: [unicast_master_table] table_id 4 at line 2 in file u.cfg", r.Message);
    }

    [Fact]
    public void Not_implemented_keys_warn_once_per_key_and_only_for_non_default_values()
    {
        var config = Parse("""
            [global]
            follow_up_info 1
            kernel_leap 1
            priority1 7
            [eth0]
            follow_up_info 1
            [eth1]
            follow_up_info 0
            inhibit_announce 1
            """, "w.cfg");
        var todo = config.GetNotImplementedSettings();
        Assert.Equal(["follow_up_info", "inhibit_announce"], todo.Select(t => t.Key));
        var fui = todo[0];
        Assert.Equal([(null, "1"), ("eth0", "1")], fui.Values.Select(v => (v.Port, v.Value)));
        Assert.Equal(
            "option follow_up_info is not implemented yet; the setting is ignored (1 at line 2 in file w.cfg; 1 in section [eth0] at line 6 in file w.cfg)",
            fui.Message);
    }

    [Fact]
    public void Not_implemented_enum_labels_name_the_feature()
    {
        var config = Parse("[global]\ndelay_mechanism Auto\ntsproc_mode raw\ntime_stamping onestep\n");
        var todo = config.GetNotImplementedSettings();
        Assert.Equal(["delay_mechanism", "tsproc_mode"], todo.Select(t => t.Key));
        Assert.Contains("automatic delay mechanism", todo[0].Message);
        Assert.Empty(config.GetRefusedFeatures());
    }

    [Fact]
    public void Command_line_values_are_classified_too()
    {
        var config = new PtpConfig();
        config.SetFromCommandLine("tc_spanning_tree", "1");
        config.SetFromCommandLine("follow_up_info", "1");
        var r = Assert.Single(config.GetRefusedFeatures());
        Assert.EndsWith("tc_spanning_tree 1 on the command line", r.Message);
        Assert.Equal("follow_up_info", Assert.Single(config.GetNotImplementedSettings()).Key);
    }

    [Fact]
    public void Support_column_marks_the_planned_engine_keys_implemented()
    {
        string[] implemented =
        [
            "priority1", "priority2", "domainNumber", "clockClass", "clockAccuracy", "offsetScaledLogVariance",
            "logAnnounceInterval", "logSyncInterval", "logMinDelayReqInterval", "logMinPdelayReqInterval",
            "announceReceiptTimeout", "syncReceiptTimeout", "delay_mechanism", "network_transport", "time_stamping",
            "twoStepFlag", "slaveOnly", "clientOnly", "serverOnly", "step_threshold", "first_step_threshold",
            "max_frequency", "sanity_freq_limit", "pi_proportional_const", "pi_integral_const", "clock_servo",
            "delay_filter", "delay_filter_length", "delayAsymmetry", "neighborPropDelayThresh", "dataset_comparison",
            "G.8275.defaultDS.localPriority", "G.8275.portDS.localPriority", "path_trace_enabled", "summary_interval",
            "logging_level", "verbose", "use_syslog", "uds_address", "uds_ro_address", "udp_ttl", "dscp_event",
            "dscp_general", "udp6_scope", "ptp_dst_mac", "p2p_dst_mac", "tx_timestamp_timeout", "fault_reset_interval",
            "free_running", "freq_est_interval", "emulated_clock", "emulated_clock_offset_ns", "emulated_clock_freq_ppb",
            "hwts_provider", "hwts_qualifier", "hwts_filter",
        ];
        foreach (var key in implemented)
            Assert.True(ConfigTable.Get(key).Support.Support == FeatureSupport.Implemented, key);
        Assert.Equal(FeatureSupport.NotYetImplemented, ConfigTable.Get("follow_up_info").Support.Support);
        Assert.Equal(FeatureSupport.Refused, ConfigTable.Get("unicast_listen").Support.Support);
    }
}
