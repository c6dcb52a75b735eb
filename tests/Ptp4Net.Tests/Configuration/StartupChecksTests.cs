using Ptp4Net.Configuration;
using static Ptp4Net.Tests.Configuration.ConfigTestFiles;

namespace Ptp4Net.Tests.Configuration;

public class StartupChecksTests
{
    [Fact]
    public void Defaults_with_one_interface_are_fine()
    {
        var c = Parse("[eth0]\n");
        Assert.Empty(c.GetStartupErrors());
        Assert.Equal(ClockTypeOption.Ordinary, c.GetEffectiveClockType());
        Assert.Equal(TimeStampingOption.Hardware, c.GetEffectiveTimeStamping());
        Assert.True(c.GetEffectiveTwoStepFlag());
        Assert.Equal(248, c.GetEffectiveClockClass());
    }

    [Theory]
    [InlineData("[global]\nproductDescription abc", "invalid productDescription 'abc'")]
    [InlineData("[global]\nrevisionData a;b;c;d", "invalid revisionData 'a;b;c;d'")]
    [InlineData("[global]\nmanufacturerIdentity 00:00", "invalid manufacturerIdentity '00:00'")]
    [InlineData("[global]\nptp_dst_mac 01:1B:19:00:00", "invalid ptp_dst_mac '01:1B:19:00:00'")]
    [InlineData("[eth0]\np2p_dst_mac zz:80:C2:00:00:0E", "invalid p2p_dst_mac 'zz:80:C2:00:00:0E' for eth0")]
    [InlineData("[global]\ntwoStepFlag 0\ntime_stamping software", "one step is only possible with hardware time stamping")]
    [InlineData("[global]\ngmCapable 0\nclientOnly 1", "Cannot mix 1588 clientOnly")]
    [InlineData("[global]\nclock_type BC", "BC needs at least two interfaces")]
    public void Ptp4l_start_up_errors(string text, string expected)
    {
        var c = Parse(text + "\n[eth0]\n");
        var error = Assert.Single(c.GetStartupErrors());
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Ordinary_clock_with_two_ports_runs_as_boundary_clock()
    {
        var c = Parse("[eth0]\n[eth1]\n");
        Assert.Equal(ClockTypeOption.Boundary, c.GetEffectiveClockType());
        Assert.Empty(c.GetStartupErrors());
        var bc = Parse("[global]\nclock_type BC\n[eth0]\n[eth1]\n");
        Assert.Empty(bc.GetStartupErrors());
    }

    [Fact]
    public void One_step_is_derived_as_ptp4l_harmonizes_it()
    {
        var hw = Parse("[global]\ntwoStepFlag 0\n[eth0]\n");
        Assert.Equal(TimeStampingOption.OneStep, hw.GetEffectiveTimeStamping());
        Assert.False(hw.GetEffectiveTwoStepFlag());
        var onestep = Parse("[global]\ntime_stamping onestep\n[eth0]\n");
        Assert.False(onestep.GetEffectiveTwoStepFlag());
        Assert.Empty(onestep.GetStartupErrors());
    }

    [Fact]
    public void Client_only_clock_announces_class_255()
    {
        Assert.Equal(255, Parse("[global]\nclientOnly 1\nclockClass 6\n[eth0]\n").GetEffectiveClockClass());
        Assert.Equal(6, Parse("[global]\nclockClass 6\n[eth0]\n").GetEffectiveClockClass());
    }

    [Fact]
    public void Linuxptp_and_our_configs_pass_the_start_up_checks_given_interfaces()
    {
        foreach (var dir in new[] { LinuxptpConfigs(), OurConfigs() })
        {
            // An empty or moved directory must fail, not pass with nothing checked.
            Assert.True(Directory.GetFiles(dir, "*.cfg").Count(f => Path.GetFileName(f) != "sa.cfg") >= 3, $"no config files to check in {dir}");
            foreach (var file in Directory.GetFiles(dir, "*.cfg"))
            {
                if (Path.GetFileName(file) == "sa.cfg") continue;
                var c = Read(file);
                c.AddInterface("eth0");
                c.AddInterface("eth1"); // TC and BC examples need two ports
                Assert.True(c.GetStartupErrors().Count == 0, $"{file}: {string.Join("; ", c.GetStartupErrors())}");
            }
        }
    }
}
