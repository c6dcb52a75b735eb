using Ptp4Net.Configuration;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Configuration;

/// <summary>
/// Cross-checks our reader and command line against the installed ptp4l (Debian's linuxptp): for each case, ptp4l and
/// PtpConfig must agree on accept or reject. ptp4l reads the file, then fails on an interface that does not
/// exist, before it creates a clock; it runs with CAP_SYS_TIME removed, software stamping and free_running 1,
/// so it can never touch a clock. Needs ptp4l and setpriv; without them the test says so and returns.
/// </summary>
public class LinuxptpOracleTests(ITestOutputHelper output)
{
    // Only options that linuxptp 3.1 already knows, so that the installed version can judge.
    public static TheoryData<string> Snippets() => new()
    {
        "[global]\npriority1 0x10",
        "[global]\npriority1 08",
        "[global]\npriority1 256",
        "[global]\npriority1 128 # comment",
        "[global]\npriority1",
        "[global]\nfoo 1",
        "[global]\nPriority1 1",
        "[global]\nlogSyncInterval -129",
        "[global]\nlogSyncInterval -128",
        "[global]\nnetwork_transport udpv6",
        "[global]\nclock_type XC",
        "[global]\nfault_reset_interval ASAP",
        "[global]\nlogSyncInterval ASAP",
        "[global]\nslaveOnly 1",
        "[global]\nproductDescription a b;c;d",
        "[global]\nstep_threshold 1e400",
        "[global]\nstep_threshold -1",
        "[global]\ndelayAsymmetry 2147483648",
        "[global]\ndelayAsymmetry -2147483648",
        "[global]\ndomainNumber 127", // 3.1 allows 0..127, newer linuxptp 0..255
        "[nonexist9]\npriority1 1",
        "[nonexist9]\nlogSyncInterval 1",
        "priority1 1",
        "[unicast_master_table]\ntable_id 0",
        "[unicast_master_table]\nUDPv4 10.0.0.1",
        "[unicast_master_table]\ntable_id 1\nUDPv4 10.0.0.1\nL2 00:11:22:33:44:55\nlogQueryInterval 2",
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Ptp4l_and_we_agree_on_accept_or_reject(string snippet)
    {
        if (Requirements.Unmet(output, Requirements.Tool("ptp4l") ?? Requirements.Tool("setpriv")))
            return;
        string path = Path.Combine(Path.GetTempPath(), $"ptp4net-oracle-{Environment.ProcessId}-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, snippet + "\n");
        try
        {
            bool ptp4lAccepts = RunPtp4l(path, out string log);
            bool weAccept;
            string ours;
            try
            {
                new PtpConfig().ReadFile(path);
                weAccept = true;
                ours = "accepted";
            }
            catch (ConfigException e)
            {
                weAccept = false;
                ours = e.Message;
            }
            output.WriteLine($"ptp4l: {log.Trim()}\nptp4net: {ours}");
            Assert.Equal(ptp4lAccepts, weAccept);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Command lines both must accept or both reject. Not "--pi_proportional 1": linuxptp 3.1 lets glibc pick
    // the first of several matching long options, newer linuxptp (and we) call the prefix ambiguous.
    public static TheoryData<string> CommandLines() => new()
    {
        "--step_thr 1",
        "--priority1=300",
        "--priority1 300",
        "-l 8",
        "-l 7",
        "-l x",
        "--slaveOnly 1",
        "-x",
        "--foo 1",
        "--network_transport=l2",
        "--network_transport=IPX",
        "--delayAsymmetry -100",
        "stray",
        "-mq -2 -P",
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Ptp4l_and_we_agree_on_command_lines(string args)
    {
        if (Requirements.Unmet(output, Requirements.Tool("ptp4l") ?? Requirements.Tool("setpriv")))
            return;
        var extra = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string log = RunPtp4l(["-S", "-m", "-q", "--free_running", "1", "-i", "nonexist0ptp", .. extra]);
        // Accepted command lines get as far as the missing interface.
        bool ptp4lAccepts = log.Contains("No such device", StringComparison.Ordinal)
            || log.Contains("clock identity", StringComparison.Ordinal);
        var ours = Ptp4lCommandLine.Parse(["-S", "--free_running", "1", "-i", "nonexist0ptp", .. extra], (_, _) => { });
        output.WriteLine($"ptp4l: {log.Trim()}\nptp4net: {ours.Action} {ours.ErrorMessage}");
        Assert.Equal(ptp4lAccepts, ours.Action == Ptp4lAction.Run);
    }

    private static bool RunPtp4l(string configPath, out string log)
    {
        log = RunPtp4l(["-S", "-m", "-q", "--free_running", "1", "-i", "nonexist0ptp", "-f", configPath]);
        // config_read failures print this line; anything later (the missing interface) means the file was accepted.
        return !log.Contains("failed to parse configuration file", StringComparison.Ordinal);
    }

    private static string RunPtp4l(string[] ptp4lArgs)
    {
        var (code, stdout, stderr) = NetNs.Run(Requirements.FindTool("setpriv")!,
            ["--bounding-set=-sys_time", "--inh-caps=-sys_time", Requirements.FindTool("ptp4l")!, .. ptp4lArgs], 10_000);
        Assert.False(code == -1 && stderr.StartsWith("timed out", StringComparison.Ordinal), "ptp4l did not exit within 10 s");
        return stdout + stderr;
    }
}
