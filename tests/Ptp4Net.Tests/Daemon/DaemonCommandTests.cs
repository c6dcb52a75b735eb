using Ptp4Net.Host;

namespace Ptp4Net.Tests.Daemon;

/// <summary>The daemon's command line run in-process: start-up errors are one clear line and a non-zero exit.</summary>
public class DaemonCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = DaemonCommand.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Version_and_help_exit_zero()
    {
        var (code, o, _) = Run("-v");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", o);
        var (hcode, _, herr) = Run("-h");
        Assert.Equal(0, hcode);
        Assert.Contains("usage: ptp4net", herr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_interface_is_a_usage_error()
    {
        var (code, _, err) = Run("-S");
        Assert.NotEqual(0, code);
        Assert.Contains("no interface specified", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_in_file_names_file_and_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"p4n-unknown-{Environment.ProcessId}.cfg");
        File.WriteAllText(path, "[global]\npriority1 10\nno_such_key 1\n");
        try
        {
            var (code, _, err) = Run("-f", path, "-i", "eth0");
            Assert.Equal(254, code);
            Assert.Contains("no_such_key", err, StringComparison.Ordinal);
            Assert.Contains("line 3", err, StringComparison.Ordinal);
            Assert.Contains(path, err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal); // no stack trace
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refused_feature_exits_non_zero_naming_it()
    {
        var (code, _, err) = Run("-i", "eth0", "-i", "eth1", "--clock_type", "E2E_TC", "-S");
        Assert.NotEqual(0, code);
        Assert.Contains("transparent clock is not supported", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_interface_is_a_clear_error()
    {
        var (code, _, err) = Run("-i", "p4nnosuch0", "-S", "-q", "--emulated_clock", "1");
        Assert.NotEqual(0, code);
        Assert.Contains("interface p4nnosuch0 does not exist", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwritable_management_socket_is_a_clear_error()
    {
        // lo exists everywhere; the UDS directory does not: the daemon must stop with the path named.
        string dir = Path.Combine(Path.GetTempPath(), $"p4n-missing-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var (code, _, err) = Run("-i", "lo", "-S", "-q", "--emulated_clock", "1", "--uds_address", dir + "/ptp4l",
            "--uds_ro_address", dir + "/ptp4lro");
        Assert.NotEqual(0, code);
        // Without root the PTP ports are refused first; either way the message names what failed.
        Assert.True(err.Contains(dir + "/ptp4l", StringComparison.Ordinal) || err.Contains("Permission denied", StringComparison.Ordinal), err);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
