using Ptp4Net.Host.Pmc;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Tests.Pmc;

/// <summary>pmc's getopt command line ("246ub:d:f:hi:s:t:vz"): defaults, values joined or separate, combined
/// flags, commands anywhere, and the errors.</summary>
public class PmcOptionsTests
{
    [Fact]
    public void Defaults_are_pmcs()
    {
        var o = PmcOptions.Parse([], out var e)!;
        Assert.Null(e);
        Assert.Equal(NetworkTransport.UdpV4, o.Network);
        Assert.Equal(1, o.BoundaryHops);
        Assert.Equal(0, o.DomainNumber);
        Assert.Equal("/var/run/ptp4l", o.ServerPath);
        Assert.Equal("/var/run/pmc.1234", o.LocalUdsPath(1234));
        Assert.False(o.ZeroLengthGets);
        Assert.Empty(o.Commands);
    }

    [Fact]
    public void Typical_uds_line()
    {
        var o = PmcOptions.Parse(["-u", "-b", "0", "-s", "/tmp/x/ptp4l", "GET CURRENT_DATA_SET", "GET TIME_STATUS_NP"], out _)!;
        Assert.True(o.Uds);
        Assert.Equal(0, o.BoundaryHops);
        Assert.Equal("/tmp/x/ptp4l", o.ServerPath);
        Assert.Equal(["GET CURRENT_DATA_SET", "GET TIME_STATUS_NP"], o.Commands);
    }

    [Fact]
    public void Joined_values_combined_flags_and_interleaved_commands()
    {
        var o = PmcOptions.Parse(["-ub0", "GET DOMAIN", "-d3", "-zt", "1", "-i", "/tmp/me", "--", "-not-an-option"], out _)!;
        Assert.True(o.Uds);
        Assert.Equal(0, o.BoundaryHops);
        Assert.Equal(3, o.DomainNumber);
        Assert.True(o.ZeroLengthGets);
        Assert.Equal(1, o.TransportSpecific);
        Assert.Equal("/tmp/me", o.LocalUdsPath(1));
        Assert.Equal(["GET DOMAIN", "-not-an-option"], o.Commands);
    }

    [Theory]
    [InlineData("-2", NetworkTransport.L2)]
    [InlineData("-4", NetworkTransport.UdpV4)]
    [InlineData("-6", NetworkTransport.UdpV6)]
    public void Network_transports(string flag, NetworkTransport expected)
    {
        var o = PmcOptions.Parse(["-u", flag, "-i", "eth1"], out _)!;
        Assert.Equal(expected, o.Network);
        Assert.Equal("eth1", o.Interface);
    }

    [Fact]
    public void Transport_specific_is_hex_and_ignored_when_unparsable_as_pmc_does()
    {
        Assert.Equal(0xA, PmcOptions.Parse(["-t", "a"], out _)!.TransportSpecific);
        Assert.Equal(1, PmcOptions.Parse(["-t", "0x1"], out _)!.TransportSpecific);
        Assert.Equal(0, PmcOptions.Parse(["-t", "zz"], out _)!.TransportSpecific);
    }

    [Theory]
    [InlineData(new[] { "-x" }, "invalid option -- 'x'")]
    [InlineData(new[] { "-b" }, "option requires an argument -- 'b'")]
    [InlineData(new[] { "-d", "256" }, "domainNumber 256 out of range 0..255")]
    [InlineData(new[] { "-t", "10" }, "transportSpecific 10 out of range 0..f")]
    public void Errors_name_the_problem(string[] args, string message)
    {
        Assert.Null(PmcOptions.Parse(args, out var e));
        Assert.Equal(message, e);
    }

    [Fact]
    public void Config_file_supplies_what_the_command_line_did_not_set()
    {
        string path = Path.Combine(Path.GetTempPath(), $"p4n-pmc-{Environment.ProcessId}-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, "[global]\nnetwork_transport L2\ndomainNumber 5\ntransportSpecific 1\nuds_address /tmp/elsewhere/ptp4l\n");
        try
        {
            var o = PmcOptions.Parse(["-f", path, "-d", "3"], out var e)!;
            Assert.Null(e);
            Assert.Equal(path, o.ConfigFile);
            o = PmcConfigFile.Apply(o, path);
            Assert.Equal(NetworkTransport.L2, o.Network);
            Assert.Equal(3, o.DomainNumber); // the command line wins, as in pmc
            Assert.Equal(1, o.TransportSpecific);
            Assert.Equal("/tmp/elsewhere/ptp4l", o.ServerPath);
            o = PmcConfigFile.Apply(PmcOptions.Parse(["-u", "-s", "/tmp/mine", "-f", path], out _)!, path);
            Assert.True(o.Uds);
            Assert.Equal("/tmp/mine", o.ServerPath);
            Assert.Equal(5, o.DomainNumber);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_config_file_is_an_error_naming_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"p4n-pmc-{Environment.ProcessId}-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, "[global]\nno_such_option 1\n");
        try
        {
            var err = new StringWriter();
            Assert.Equal(255, Ptp4Net.Host.PmcCommand.Run(["-f", path, "GET DOMAIN"], TextWriter.Null, err, TextReader.Null));
            Assert.Contains(Path.GetFileName(path), err.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Help_and_version_flags()
    {
        Assert.True(PmcOptions.Parse(["-h"], out _)!.Help);
        Assert.True(PmcOptions.Parse(["-v"], out _)!.Version);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("  7x", 7)]
    [InlineData("-3", -3)]
    [InlineData("abc", 0)]
    public void Atoi_is_cs(string text, int expected) => Assert.Equal(expected, PmcOptions.Atoi(text));
}
