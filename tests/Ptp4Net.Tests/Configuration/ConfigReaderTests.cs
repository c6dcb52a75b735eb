using Ptp4Net.Configuration;
using static Ptp4Net.Tests.Configuration.ConfigTestFiles;

namespace Ptp4Net.Tests.Configuration;

public class ConfigReaderTests
{
    [Fact]
    public void Unknown_option_is_an_error_naming_option_line_and_file()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[global]\npriority1 100\nfoo 1\n", "x.cfg"));
        Assert.Equal("unknown option foo at line 3 in file x.cfg", e.Message);
        Assert.Equal("x.cfg", e.FileName);
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("foo", e.Key);
    }

    [Fact]
    public void Option_names_are_case_sensitive()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[global]\nPriority1 100\n"));
        Assert.Contains("unknown option Priority1 at line 2", e.Message);
    }

    [Theory]
    [InlineData("priority1 256", "256 is an out of range value for option priority1 at line 2 in file t.cfg (expected an integer in the range 0 to 255)")]
    [InlineData("announceReceiptTimeout 1", "1 is an out of range value for option announceReceiptTimeout at line 2 in file t.cfg (expected an integer in the range 2 to 255)")]
    [InlineData("logSyncInterval -129", "-129 is an out of range value for option logSyncInterval at line 2 in file t.cfg (expected an integer in the range -128 to 127)")]
    [InlineData("priority1 12abc", "12abc is a malformed value for option priority1 at line 2 in file t.cfg (expected an integer in the range 0 to 255)")]
    [InlineData("network_transport UDPv5", "UDPv5 is a bad value for option network_transport at line 2 in file t.cfg (expected one of: L2, UDPv4, UDPv6)")]
    [InlineData("clock_type XC", "XC is a bad value for option clock_type at line 2 in file t.cfg (expected one of: OC, BC, P2P_TC, E2E_TC)")]
    public void Bad_values_are_errors_with_line_and_expected_domain(string line, string message)
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[global]\n" + line + "\n", "t.cfg"));
        Assert.Equal(message, e.Message);
        Assert.Equal(2, e.LineNumber);
    }

    [Theory]
    [InlineData("priority1 128 # a trailing comment")] // linuxptp has no trailing comments
    [InlineData("priority1 0x")]
    [InlineData("priority1 08")] // base 0: a leading 0 means octal
    [InlineData("priority1 1.5")]
    [InlineData("step_threshold abc")]
    [InlineData("step_threshold NaN")]
    [InlineData("step_threshold -0.1")]
    [InlineData("step_threshold 1e400")]
    [InlineData("pi_proportional_norm_max 0")] // range starts at DBL_MIN
    [InlineData("pi_proportional_norm_max 1.5")]
    [InlineData("active_key_id -1")] // strtoul wraps; out of range
    [InlineData("active_key_id 4294967296")]
    [InlineData("delayAsymmetry 2147483648")]
    [InlineData("delayAsymmetry 99999999999999999999999")]
    [InlineData("domainNumber 256")]
    [InlineData("hwts_provider phc:")]
    [InlineData("hwts_provider nic")]
    [InlineData("hwts_qualifier exact")]
    [InlineData("emulated_clock 2")]
    public void Rejects(string line)
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[global]\n" + line + "\n"));
        Assert.Equal(2, e.LineNumber);
        Assert.Equal(line.Split(' ')[0], e.Key);
    }

    [Fact]
    public void Numbers_follow_strtol_base_0_and_strtod()
    {
        var c = Parse("""
            [global]
            clockAccuracy 0x21
            offsetScaledLogVariance 0XFFFE
            priority1 +7
            delayAsymmetry -2147483648
            active_key_id 4294967295
            step_threshold 1e-3
            first_step_threshold .5
            pi_integral_exponent -1E2
            [eth0]
            uds_file_mode 0600
            """);
        Assert.Equal(0x21, c.GetInt("clockAccuracy"));
        Assert.Equal(0xFFFE, c.GetInt("offsetScaledLogVariance"));
        Assert.Equal(7, c.GetInt("priority1"));
        Assert.Equal(int.MinValue, c.GetInt("delayAsymmetry"));
        Assert.Equal(uint.MaxValue, c.GetUInt("active_key_id"));
        Assert.Equal(0.001, c.GetDouble("step_threshold"));
        Assert.Equal(0.5, c.GetDouble("first_step_threshold"));
        Assert.Equal(-100.0, c.GetDouble("pi_integral_exponent"));
        Assert.Equal(384, c.GetInt("eth0", "uds_file_mode")); // octal 0600
    }

    [Fact]
    public void Enum_labels_are_case_insensitive_and_read_back_canonically()
    {
        var c = Parse("[global]\nnetwork_transport udpv6\ndelay_mechanism p2p\ntime_stamping SOFTWARE\ndataset_comparison g.8275.X\n");
        Assert.Equal(NetworkTransportOption.UDPv6, c.GetEnum<NetworkTransportOption>("network_transport"));
        Assert.Equal("UDPv6", c.GetEnumLabel(null, "network_transport"));
        Assert.Equal(DelayMechanismOption.P2P, c.GetEnum<DelayMechanismOption>("delay_mechanism"));
        Assert.Equal(TimeStampingOption.Software, c.GetEnum<TimeStampingOption>("time_stamping"));
        Assert.Equal(DatasetComparisonOption.G8275, c.GetEnum<DatasetComparisonOption>("dataset_comparison"));
    }

    [Fact]
    public void Comments_blank_lines_whitespace_and_crlf_are_accepted()
    {
        var c = Parse("# leading comment\r\n\r\n   [global]   \r\n\t# indented comment\r\n  priority1\t\t 99  \r\n\r\n");
        Assert.Equal(99, c.GetInt("priority1"));
    }

    [Fact]
    public void String_values_keep_inner_spaces()
    {
        var c = Parse("[global]\nproductDescription  My clock; rev 2 ;serial 7\nuserDescription a b  c\n");
        Assert.Equal("My clock; rev 2 ;serial 7", c.GetString("productDescription"));
        Assert.Equal("a b  c", c.GetString("userDescription"));
    }

    [Fact]
    public void A_line_before_any_section_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("# c\npriority1 1\n", "y.cfg"));
        Assert.Equal("line 2 in file y.cfg is not in a section", e.Message);
    }

    [Fact]
    public void An_option_without_value_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[global]\npriority1\n"));
        Assert.Equal(2, e.LineNumber);
        Assert.Contains("could not parse line 2", e.Message);
    }

    [Fact]
    public void Global_option_in_an_interface_section_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[eth0]\npriority1 1\n"));
        Assert.Equal(2, e.LineNumber);
        Assert.Contains("priority1", e.Message);
        Assert.Contains("[eth0]", e.Message);
    }

    [Fact]
    public void Interface_sections_declare_interfaces_in_order_once()
    {
        var c = Parse("[global]\n[eth1]\n[ eth0 ]\n[eth1]\n[GLOBAL]\npriority1 5\n");
        Assert.Equal(["eth1", "eth0"], c.Interfaces);
        Assert.Equal(5, c.GetInt("priority1"));
    }

    [Fact]
    public void Empty_port_name_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[global]\n[ ]\n"));
        Assert.Equal(2, e.LineNumber);
        Assert.Contains("port name", e.Message);
    }

    [Fact]
    public void Interface_sections_override_global_values_per_port()
    {
        var c = Parse("""
            [global]
            logSyncInterval -3
            network_transport L2
            [eth0]
            logSyncInterval 0
            delay_mechanism P2P
            [eth1]
            """);
        Assert.Equal(-3, c.GetInt("logSyncInterval"));
        Assert.Equal(0, c.GetInt("eth0", "logSyncInterval"));
        Assert.Equal(-3, c.GetInt("eth1", "logSyncInterval"));
        Assert.Equal(NetworkTransportOption.L2, c.GetEnum<NetworkTransportOption>("eth0", "network_transport"));
        Assert.Equal(DelayMechanismOption.P2P, c.GetEnum<DelayMechanismOption>("eth0", "delay_mechanism"));
        Assert.Equal(DelayMechanismOption.E2E, c.GetEnum<DelayMechanismOption>("eth1", "delay_mechanism"));
        Assert.True(c.IsSet("eth0", "delay_mechanism"));
        Assert.False(c.IsSet("eth1", "delay_mechanism"));
        Assert.Equal(new SettingOrigin("test.cfg", 5), c.GetOrigin("eth0", "logSyncInterval"));
        Assert.Equal(new SettingOrigin("test.cfg", 2), c.GetOrigin("eth1", "logSyncInterval"));
        Assert.Null(c.GetOrigin("eth1", "delay_mechanism"));
    }

    [Fact]
    public void Unset_values_are_the_table_defaults()
    {
        var c = new PtpConfig();
        Assert.Equal(1, c.GetInt("logAnnounceInterval"));
        Assert.Equal(0, c.GetInt("eth9", "logSyncInterval"));
        Assert.Equal(3, c.GetInt("announceReceiptTimeout"));
        Assert.Equal(0.00002, c.GetDouble("first_step_threshold"));
        Assert.Equal(DelayFilterOption.MovingMedian, c.GetEnum<DelayFilterOption>("delay_filter"));
        Assert.Null(c.GetString("sa_file"));
        Assert.Equal("auto", c.GetString("eth0", "hwts_provider"));
    }

    [Fact]
    public void Accessors_reject_the_wrong_type_as_a_bug()
    {
        var c = new PtpConfig();
        Assert.Throws<InvalidOperationException>(() => c.GetDouble("priority1"));
        Assert.Throws<InvalidOperationException>(() => c.GetInt("step_threshold"));
        Assert.Throws<InvalidOperationException>(() => c.GetString("priority1"));
        Assert.Throws<KeyNotFoundException>(() => c.GetInt("no_such_key"));
    }

    [Fact]
    public void Asap_is_accepted_for_the_fault_intervals()
    {
        var c = Parse("[global]\nfault_reset_interval ASAP\n[eth0]\nfault_badpeernet_interval asap\n");
        Assert.Equal(-128, c.GetInt("fault_reset_interval"));
        Assert.Equal(0, c.GetInt("eth0", "fault_badpeernet_interval"));
        Assert.Throws<ConfigException>(() => Parse("[global]\nlogSyncInterval ASAP\n"));
    }

    [Fact]
    public void Deprecated_names_map_to_their_replacements_with_a_notice()
    {
        var c = Parse("[global]\nslaveOnly 1\npi_offset_const 0.5\n[eth0]\nmasterOnly 1\n");
        Assert.Equal(1, c.GetInt("clientOnly"));
        Assert.Equal(0.5, c.GetDouble("step_threshold"));
        Assert.Equal(1, c.GetInt("eth0", "serverOnly"));
        Assert.Equal(0, c.GetInt("slaveOnly")); // the old item itself is untouched, as in ptp4l
        Assert.Equal(3, c.Notices.Count);
        Assert.Contains("option slaveOnly is deprecated, please use clientOnly instead (at line 2 in file test.cfg)", c.Notices);
    }

    [Fact]
    public void Our_keys_parse()
    {
        var c = Parse("""
            [global]
            emulated_clock 1
            emulated_clock_offset_ns -5000000000
            emulated_clock_freq_ppb 12500.5
            [eth0]
            hwts_provider phc:2
            hwts_qualifier approx
            [eth1]
            hwts_provider phy
            """);
        Assert.True(c.GetBool("emulated_clock"));
        Assert.Equal(-5_000_000_000, c.GetLong("emulated_clock_offset_ns"));
        Assert.Equal(12500.5, c.GetDouble("emulated_clock_freq_ppb"));
        Assert.Equal("phc:2", c.GetString("eth0", "hwts_provider"));
        Assert.Equal(HwtsQualifierOption.Approx, c.GetEnum<HwtsQualifierOption>("eth0", "hwts_qualifier"));
        Assert.Equal("phy", c.GetString("eth1", "hwts_provider"));
        Assert.Equal(HwtsQualifierOption.Precise, c.GetEnum<HwtsQualifierOption>("eth1", "hwts_qualifier"));
    }

    [Fact]
    public void Unicast_master_tables_are_read_as_linuxptp_reads_them()
    {
        var c = Read(Linuxptp("UNICAST-SLAVE.cfg"));
        Assert.Equal(3, c.UnicastMasterTables.Count);
        var t1 = c.UnicastMasterTables[0];
        Assert.Equal(1, t1.TableId);
        Assert.Equal(2, t1.LogQueryInterval);
        Assert.Equal(["192.168.1.11", "192.168.2.22", "192.168.3.33"], t1.Addresses.Select(a => a.Address));
        Assert.All(t1.Addresses, a => Assert.Equal(NetworkTransportOption.UDPv4, a.Transport));
        var t2 = c.UnicastMasterTables[1];
        Assert.Equal(NetworkTransportOption.L2, Assert.Single(t2.Addresses).Transport);
        var t3 = c.UnicastMasterTables[2];
        Assert.Equal("192.168.4.44", t3.PeerAddress);
        Assert.Equal(["eth0", "eth1"], c.Interfaces);
        Assert.Equal(1, c.GetInt("eth0", "unicast_master_table"));
        Assert.Equal(2, c.GetInt("eth1", "unicast_master_table"));
        Assert.Equal(60, c.GetInt("unicast_req_duration"));
    }

    [Theory]
    [InlineData("UDPv4 10.0.0.1", "missing table_id")]
    [InlineData("table_id 0", "out of range")]
    [InlineData("table_id 1\ntable_id 1", "already taken")]
    [InlineData("table_id 1\nUDPv4 10.0.0", "bad address")]
    [InlineData("table_id 1\nUDPv6 10.0.0.1", "bad address")]
    [InlineData("table_id 1\nL2 00:11:22:33:44", "bad address")]
    [InlineData("table_id 1\nIPX 10.0.0.1", "bad master table")]
    [InlineData("table_id 1\nlogQueryInterval 200", "out of range")]
    [InlineData("table_id 1\nUDPv4", "bad master table")]
    public void Bad_unicast_master_tables_are_errors(string body, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[unicast_master_table]\n" + body + "\n"));
        Assert.Contains(expected, e.Message);
        Assert.Equal(body.Split('\n').Length + 1, e.LineNumber);
    }

    [Fact]
    public void Unicast_tables_accept_ipv6_and_mac_addresses()
    {
        var c = Parse("[unicast_master_table]\ntable_id 7\nUDPv6 fe80::1\nl2 AA:bb:cc:dd:ee:ff\nlogQueryInterval -2\n");
        var t = Assert.Single(c.UnicastMasterTables);
        Assert.Equal(7, t.TableId);
        Assert.Equal(-2, t.LogQueryInterval);
        Assert.Equal([NetworkTransportOption.UDPv6, NetworkTransportOption.L2], t.Addresses.Select(a => a.Transport));
    }

    [Fact]
    public void Missing_file_is_a_config_error_not_a_crash()
    {
        var c = new PtpConfig();
        var e = Assert.Throws<ConfigException>(() => c.ReadFile("/nonexistent/ptp4net/x.cfg"));
        Assert.StartsWith("failed to open configuration file /nonexistent/ptp4net/x.cfg", e.Message);
        Assert.Equal(0, e.LineNumber);
    }

    [Fact]
    public void Garbage_input_only_ever_raises_ConfigException()
    {
        // Seeded random files built from config-like fragments and noise: the reader either accepts them or
        // throws ConfigException with a line number; nothing else escapes.
        var rng = new Random(1588);
        string[] words =
        [
            "[global]", "[eth0]", "[unicast_master_table]", "[", "]", "[]", "#", "priority1", "table_id", "UDPv4", "L2",
            "logSyncInterval", "network_transport", "step_threshold", "0x", "-", "1", "-129", "1e999", "ASAP", "\t",
            "hwts_provider", "phc:", "peer_address", "\u00e9", "\0", "99999999999999999999", "slaveOnly", "=",
        ];
        int accepted = 0, rejected = 0;
        for (int file = 0; file < 2000; file++)
        {
            var sb = new System.Text.StringBuilder();
            int lines = rng.Next(1, 8);
            for (int l = 0; l < lines; l++)
            {
                int n = rng.Next(0, 4);
                for (int w = 0; w < n; w++)
                {
                    sb.Append(rng.Next(10) == 0 ? ((char)rng.Next(1, 0x3000)).ToString() : words[rng.Next(words.Length)]);
                    sb.Append(rng.Next(3) == 0 ? "\t" : " ");
                }
                sb.Append('\n');
            }
            try
            {
                Parse(sb.ToString());
                accepted++;
            }
            catch (ConfigException e)
            {
                Assert.InRange(e.LineNumber, 1, lines);
                rejected++;
            }
        }
        Assert.True(accepted > 0 && rejected > 0, $"accepted {accepted}, rejected {rejected}");
    }
}
