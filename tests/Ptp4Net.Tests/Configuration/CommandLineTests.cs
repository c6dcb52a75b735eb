using Ptp4Net.Configuration;

namespace Ptp4Net.Tests.Configuration;

public class CommandLineTests
{
    /// <summary>Parses with in-memory files instead of the file system.</summary>
    private static Ptp4lInvocation Run(string args, Dictionary<string, string>? files = null) =>
        Ptp4lCommandLine.Parse(Split(args), (config, path) =>
        {
            if (files is null || !files.TryGetValue(path, out var text))
                throw new ConfigException($"failed to open configuration file {path}: not found", path, 0);
            config.Read(new StringReader(text), path);
        });

    private static string[] Split(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Interfaces_are_repeatable_and_kept_once_in_order()
    {
        var r = Run("-i eth0 -i eth1 -i eth0");
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["eth0", "eth1"], r.Config.Interfaces);
    }

    [Theory]
    [InlineData("-2", "network_transport", "L2")]
    [InlineData("-4", "network_transport", "UDPv4")]
    [InlineData("-6", "network_transport", "UDPv6")]
    [InlineData("-E", "delay_mechanism", "E2E")]
    [InlineData("-P", "delay_mechanism", "P2P")]
    [InlineData("-A", "delay_mechanism", "Auto")]
    [InlineData("-H", "time_stamping", "hardware")]
    [InlineData("-S", "time_stamping", "software")]
    [InlineData("-L", "time_stamping", "legacy")]
    public void Short_flags_set_their_options(string flag, string key, string label)
    {
        var r = Run("-6 -P -S " + flag + " -i eth0"); // the last flag of a kind wins
        Assert.Equal(label, r.Config.GetEnumLabel(null, key));
        Assert.True(r.Config.GetOrigin(null, key)!.Value.IsCommandLine);
    }

    [Fact]
    public void Logging_flags()
    {
        var r = Run("-i eth0 -m -q -l 7 -s");
        Assert.True(r.PrintToStdout);
        Assert.False(r.UseSyslog);
        Assert.Equal(7, r.LoggingLevel);
        Assert.True(r.Config.GetBool("clientOnly"));

        var d = Run("-i eth0");
        Assert.False(d.PrintToStdout);
        Assert.True(d.UseSyslog);
        Assert.Equal(6, d.LoggingLevel);
        Assert.False(d.Config.GetBool("clientOnly"));
    }

    [Theory]
    [InlineData("-l 8", "-l: 8 is out of range. Must be in the range 0 to 7")]
    [InlineData("-l x", "-l: x is a malformed value")]
    [InlineData("-x", "invalid option -- 'x'")]
    [InlineData("-i", "option requires an argument -- 'i'")]
    [InlineData("--foo 1", "unrecognized option '--foo'")]
    [InlineData("--priority1", "option '--priority1' requires an argument")]
    [InlineData("--priority1 300", "300 is an out of range value for option priority1 on the command line (expected an integer in the range 0 to 255)")]
    [InlineData("--network_transport=IPX", "IPX is a bad value for option network_transport on the command line (expected one of: L2, UDPv4, UDPv6)")]
    public void Errors_are_reported_with_ptp4l_wording(string args, string message)
    {
        var r = Run("-i eth0 " + args);
        Assert.Equal(Ptp4lAction.Error, r.Action);
        Assert.Equal(message, r.ErrorMessage);
        Assert.Equal(255, r.ExitCode);
    }

    [Fact]
    public void Usage_errors_ask_for_the_usage_text()
    {
        Assert.True(Run("-x").ShowUsage);
        var none = Run("-m");
        Assert.Equal(Ptp4lAction.Error, none.Action);
        Assert.Equal("no interface specified", none.ErrorMessage);
        Assert.True(none.ShowUsage);
        Assert.Contains("-i [dev]  interface device to use", Ptp4lCommandLine.FormatUsage("ptp4net"));
        Assert.Contains("usage: ptp4net [options]", Ptp4lCommandLine.FormatUsage("ptp4net"));
    }

    [Fact]
    public void Help_and_version_stop_parsing_where_they_appear()
    {
        Assert.Equal(Ptp4lAction.ShowHelp, Run("-h").Action);
        Assert.Equal(Ptp4lAction.ShowVersion, Run("-v").Action);
        Assert.Equal(Ptp4lAction.ShowHelp, Run("-h -x").Action);  // getopt stops at -h
        Assert.Equal(Ptp4lAction.Error, Run("-x -h").Action);     // but an earlier error wins
        Assert.Equal(Ptp4lAction.ShowVersion, Run("-mv").Action); // no interface needed
        Assert.Equal(0, Run("-v").ExitCode);
    }

    [Fact]
    public void Short_options_cluster_and_take_attached_arguments()
    {
        var r = Run("-mqieth0 -l3 -ieth1 -2S");
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(["eth0", "eth1"], r.Config.Interfaces);
        Assert.True(r.PrintToStdout);
        Assert.False(r.UseSyslog);
        Assert.Equal(3, r.LoggingLevel);
        Assert.Equal(NetworkTransportOption.L2, r.Config.GetEnum<NetworkTransportOption>("network_transport"));
        Assert.Equal(TimeStampingOption.Software, r.Config.GetEnum<TimeStampingOption>("time_stamping"));
    }

    [Fact]
    public void Long_options_set_any_key_with_a_separate_or_attached_value()
    {
        var r = Run("-i eth0 --step_threshold 1.0 --logSyncInterval=-3 --delayAsymmetry -100 --productDescription=a;b;c --emulated_clock_offset_ns 5000000000");
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(1.0, r.Config.GetDouble("step_threshold"));
        Assert.Equal(-3, r.Config.GetInt("eth0", "logSyncInterval")); // a port key given globally is the default of every port
        Assert.Equal(-100, r.Config.GetInt("delayAsymmetry"));
        Assert.Equal("a;b;c", r.Config.GetString("productDescription"));
        Assert.Equal(5_000_000_000, r.Config.GetLong("emulated_clock_offset_ns"));
    }

    [Fact]
    public void Long_options_accept_unambiguous_prefixes_as_getopt_long()
    {
        var r = Run("-i eth0 --step_thr 2.5");
        Assert.Equal(2.5, r.Config.GetDouble("step_threshold"));
        var a = Run("-i eth0 --pi_proportional 1");
        Assert.Equal(Ptp4lAction.Error, a.Action);
        Assert.StartsWith("option '--pi_proportional' is ambiguous", a.ErrorMessage);
        Assert.Contains("'--pi_proportional_const'", a.ErrorMessage);
    }

    [Fact]
    public void Deprecated_long_option_maps_to_its_replacement()
    {
        var r = Run("-i eth0 --slaveOnly 1");
        Assert.True(r.Config.GetBool("clientOnly"));
        Assert.Single(r.Config.Notices);
    }

    [Fact]
    public void Command_line_overrides_the_files_global_section_but_not_its_interface_sections()
    {
        var files = new Dictionary<string, string>
        {
            ["a.cfg"] = """
                [global]
                network_transport UDPv6
                priority1 200
                logSyncInterval -4
                [eth0]
                network_transport UDPv4
                """,
        };
        var r = Run("-f a.cfg -2 --priority1 100 -i eth1", files);
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(100, r.Config.GetInt("priority1"));
        Assert.Equal(NetworkTransportOption.L2, r.Config.GetEnum<NetworkTransportOption>("network_transport"));
        Assert.Equal(NetworkTransportOption.L2, r.Config.GetEnum<NetworkTransportOption>("eth1", "network_transport"));
        // ptp4l: a port section still overrides a command-line global for that port.
        Assert.Equal(NetworkTransportOption.UDPv4, r.Config.GetEnum<NetworkTransportOption>("eth0", "network_transport"));
        Assert.Equal(-4, r.Config.GetInt("logSyncInterval")); // not on the command line: the file's value
        // -i interfaces come first (ptp4l creates them while reading options), then the file's sections.
        Assert.Equal(["eth1", "eth0"], r.Config.Interfaces);
        Assert.Equal("a.cfg", r.ConfigFile);
    }

    [Fact]
    public void Interfaces_may_come_from_the_file_alone()
    {
        var r = Run("-f b.cfg", new() { ["b.cfg"] = "[eth3]\n" });
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(["eth3"], r.Config.Interfaces);
    }

    [Fact]
    public void A_file_error_names_file_and_line_and_exits_like_config_read()
    {
        var r = Run("-i eth0 -f c.cfg", new() { ["c.cfg"] = "[global]\n\nbogus 1\n" });
        Assert.Equal(Ptp4lAction.Error, r.Action);
        Assert.Equal(254, r.ExitCode);
        Assert.StartsWith("unknown option bogus at line 3 in file c.cfg", r.ErrorMessage);
        Assert.False(r.ShowUsage);

        var missing = Run("-i eth0 -f nope.cfg");
        Assert.Equal(255, missing.ExitCode);
        Assert.StartsWith("failed to open configuration file nope.cfg", missing.ErrorMessage);
    }

    [Fact]
    public void The_real_file_system_is_used_by_default()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ptp4net-cli-{Environment.ProcessId}-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, "[global]\ndomainNumber 24\n[veth0]\n");
        try
        {
            var r = Ptp4lCommandLine.Parse(["-f", path]);
            Assert.Equal(Ptp4lAction.Run, r.Action);
            Assert.Equal(24, r.Config.GetInt("domainNumber"));
            Assert.Equal(["veth0"], r.Config.Interfaces);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Phc_device_is_kept_and_its_index_parsed_as_ptp4l()
    {
        var r = Run("-i eth0 -p /dev/ptp3");
        Assert.Equal("/dev/ptp3", r.PhcDevice);
        Assert.True(r.TryGetPhcIndex(out int index));
        Assert.Equal(3, index);
        Assert.False(Run("-i eth0 -p ptp3").TryGetPhcIndex(out _));
        Assert.False(Run("-i eth0").TryGetPhcIndex(out _));
    }

    [Fact]
    public void Operands_are_collected_and_double_dash_ends_options()
    {
        var r = Run("stray -i eth0 -- -i eth1");
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(["eth0"], r.Config.Interfaces);
        Assert.Equal(["stray", "-i", "eth1"], r.Operands);
    }

    [Fact]
    public void Refused_features_from_the_command_line_reach_the_daemon()
    {
        var r = Run("-i eth0 --clock_type E2E_TC");
        Assert.Equal(Ptp4lAction.Run, r.Action);
        Assert.Equal(ConfigTable.TransparentClock, Assert.Single(r.Config.GetRefusedFeatures()).Feature);
    }
}
