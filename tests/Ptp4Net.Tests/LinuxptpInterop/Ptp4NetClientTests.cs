using System.Globalization;
using System.Text.RegularExpressions;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>
/// ptp4net as a client of linuxptp's ptp4l (free_running 1, software stamps) on a veth between two namespaces, for
/// UDPv4 E2E, L2 E2E and UDPv4 P2P. ptp4net steers its emulated clock, which starts 100 µs off CLOCK_REALTIME and
/// runs 20 ppm fast; ptp4l's clock is CLOCK_REALTIME, so the emulated clock's true offset ("emulated clock offset N",
/// logged once a second) is the client's real error. The test asserts the port goes to SLAVE with the servo in s2
/// and that the true offset then stays within the bounds below. The UDPv4 E2E run also checks linuxptp's pmc
/// against ptp4net and the captured traffic with tshark and our dump.
///
/// <para><b>The bounds.</b> On an idle machine, ptp4l's own measured offset against a free-running ptp4l on
/// this kind of veth has sd 0.35-0.6 µs, |mean| ≈ 0.7 µs (software-stamping asymmetry) and max ≈ 2 µs, with rare
/// 30-90 µs stamping outliers. On the shared 2-core machine, with the tests running, ptp4net's own measured
/// offsets in s2 had RMS 0.85-2.3 µs and max 2.6-7.6 µs (the link's stamping noise under load), and the true
/// offset over the window RMS 0.8-1.5 µs, max 1.3-3.0 µs after dropping the largest sample. We allow, after
/// dropping the single largest sample (one veth outlier must not fail the test): RMS ≤ 3 µs, max ≤ 10 µs and
/// |mean| ≤ 2 µs. A clock that does not hold lock (the 20 ppm error alone is 20 µs/s), a frequency left
/// uncorrected, or a delay bias of a few µs (the mean) fails; load-induced stamping noise does not.</para>
///
/// Needs root, iproute2, setpriv and linuxptp (CI has them); says why and returns otherwise. All processes and
/// both namespaces are removed at the end, also on failure. The tests share one collection: they run one after
/// another so that they do not disturb each other's timing on a small machine.
/// </summary>
[Collection(InteropCollection.Name)]
public class Ptp4NetClientTests(ITestOutputHelper output)
{
    internal const double MaxRmsNs = 3000;
    internal const long MaxAbsNs = 10_000;
    internal const double MaxMeanNs = 2000;
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(20);
    /// <summary>Seconds after the SLAVE transition before the window starts (servo transient).</summary>
    private const double SettleS = 3;
    /// <summary>Seconds of true offsets judged.</summary>
    private const double WindowS = 10;

    [Fact]
    public void Client_UDPv4_E2E_locks_answers_linuxptp_pmc_and_its_traffic_is_well_formed() => RunClient(InteropLink.UdpV4E2E, extras: true);

    [Fact]
    public void Client_L2_E2E_locks_to_ptp4l() => RunClient(InteropLink.L2E2E, extras: false);

    [Fact]
    public void Client_UDPv4_P2P_locks_to_ptp4l() => RunClient(InteropLink.UdpV4P2P, extras: false);

    private void RunClient(InteropLink link, bool extras)
    {
        if (Requirements.Unmet(output, InteropLab.Unmet(extras ? ["dumpcap", "tshark"] : []))) return;
        using var lab = InteropLab.Create(output.WriteLine);
        var ns = lab.Ns;
        string capture = lab.Path("client.pcapng");
        if (extras)
        {
            var dumpcap = lab.StartTool(ns.NameB, "dumpcap", ["-i", ns.IfB, "-w", capture], "dumpcap");
            Assert.True(dumpcap.WaitForLine(l => l.Contains("Capturing on", StringComparison.Ordinal), TimeSpan.FromSeconds(15)),
                "dumpcap did not start:\n" + string.Join('\n', dumpcap.Lines));
        }
        var master = lab.StartPtp4l(ns.NameA, ns.IfA, link.CommonConfig(), "ptp4l-master");
        var client = lab.StartPtp4Net(ns.NameB, ns.IfB, link.CommonConfig() +
            "clientOnly 1\n" +
            "emulated_clock_offset_ns 100000\n" +
            "emulated_clock_freq_ppb 20000\n" +
            // Hardware-like PI gains: ptp4l's software-stamping defaults (kp 0.1, ki 0.001) wait 16+ s before
            // their first frequency estimate and take minutes to settle, too long for a CI test.
            "pi_proportional_const 0.7\n" +
            "pi_integral_const 0.3\n" +
            // One "master offset ... sN" line per sample instead of a per-second summary.
            "summary_interval -3\n", "ptp4net-client");

        Assert.True(client.WaitForLine(l => l.Contains("to SLAVE on MASTER_CLOCK_SELECTED", StringComparison.Ordinal), LockTimeout),
            $"{link}: ptp4net did not reach SLAVE in {LockTimeout.TotalSeconds} s:\n" + string.Join('\n', client.Lines));
        var slaveLine = client.Lines.First(l => l.Contains("to SLAVE on MASTER_CLOCK_SELECTED", StringComparison.Ordinal));
        Assert.True(DaemonProcess.TryParsePrefix(slaveLine, out double slaveAt, out _));
        double end = slaveAt + SettleS + WindowS;
        Assert.True(InteropLab.WaitUntil(() => client.EmulatedOffsets().Any(o => o.Time >= end), TimeSpan.FromSeconds(SettleS + WindowS + 10)),
            "no emulated clock offset lines:\n" + string.Join('\n', client.Lines.TakeLast(40)));

        if (extras)
            CheckManagement(lab, client);

        // The servo reached s2 and stayed there; the port stayed SLAVE.
        var samples = client.MasterOffsets().Where(s => s.Time > slaveAt).ToList();
        Assert.NotEmpty(samples);
        Assert.Contains(samples, s => s.Line.ServoState == 2);
        Assert.All(samples.Where(s => s.Time >= slaveAt + SettleS), s => Assert.Equal(2, s.Line.ServoState));
        Assert.DoesNotContain(client.Lines, l => l.Contains("SLAVE to ", StringComparison.Ordinal));

        var window = client.EmulatedOffsets().Where(o => o.Time >= slaveAt + SettleS && o.Time <= end).Select(o => o.OffsetNs).ToList();
        var all = OffsetStats.Of(window);
        var kept = OffsetStats.Of(OffsetStats.WithoutLargest(window, 1));
        output.WriteLine($"{link}: true offset over {WindowS} s after {SettleS} s settling: {all}; without the largest: {kept}");
        output.WriteLine($"{link}: ptp4net's measured offsets in s2: {OffsetStats.Of(samples.Where(s => s.Time >= slaveAt + SettleS).Select(s => s.Line.OffsetNs).ToList())}");
        Assert.True(window.Count >= WindowS - 1, $"only {window.Count} emulated clock offset lines in {WindowS} s");
        Assert.True(kept.Rms <= MaxRmsNs, $"{link}: RMS true offset {kept.Rms:F0} ns > {MaxRmsNs} ns ({string.Join(' ', window)})");
        Assert.True(Math.Abs(kept.Mean) <= MaxMeanNs, $"{link}: mean true offset {kept.Mean:F0} ns, |mean| > {MaxMeanNs} ns ({string.Join(' ', window)})");
        Assert.True(kept.MaxAbs <= MaxAbsNs, $"{link}: max |true offset| {kept.MaxAbs} ns > {MaxAbsNs} ns ({string.Join(' ', window)})");

        Assert.False(master.HasExited, "ptp4l exited:\n" + string.Join('\n', master.Lines));
        Assert.False(client.HasExited, "ptp4net exited:\n" + string.Join('\n', client.Lines));
        if (extras)
        {
            client.Terminate(TimeSpan.FromSeconds(10));
            master.Terminate(TimeSpan.FromSeconds(10));
            CaptureChecks.AssertWellFormed(lab, capture, output);
        }
    }

    /// <summary>linuxptp's pmc against ptp4net (its UDS, read-write): the data sets say what the run shows, and our
    /// pmc prints the same text for the data sets that do not change between two queries.</summary>
    private void CheckManagement(InteropLab lab, DaemonProcess client)
    {
        var ns = lab.Ns;
        string gm = Field(lab.LinuxptpPmc(ns.NameA, "ptp4l-master", "GET DEFAULT_DATA_SET"), "clockIdentity");
        string text = lab.LinuxptpPmc(ns.NameB, "ptp4net-client", "GET DEFAULT_DATA_SET", "GET CURRENT_DATA_SET", "GET PARENT_DATA_SET",
            "GET TIME_STATUS_NP", "GET PORT_DATA_SET", "GET PORT_PROPERTIES_NP", "GET PORT_STATS_NP", "GET PORT_DATA_SET_NP",
            "GET TIME_PROPERTIES_DATA_SET", "GET DOMAIN", "GET PRIORITY1");
        foreach (var id in new[] { "DEFAULT_DATA_SET", "CURRENT_DATA_SET", "PARENT_DATA_SET", "TIME_STATUS_NP", "PORT_DATA_SET",
                     "PORT_PROPERTIES_NP", "PORT_STATS_NP", "PORT_DATA_SET_NP", "TIME_PROPERTIES_DATA_SET", "DOMAIN", "PRIORITY1" })
            Assert.Contains($"RESPONSE MANAGEMENT {id} ", text);
        string self = Field(text, "clockIdentity");
        Assert.NotEqual(gm, self);
        Assert.Equal("1", Field(text, "slaveOnly"));
        Assert.Equal("255", Field(text, "clockClass"));
        Assert.Equal("1", Field(text, "numberPorts"));
        Assert.Equal("0", Field(text, "domainNumber"));
        Assert.Equal("1", Field(text, "stepsRemoved"));
        Assert.InRange(Math.Abs(double.Parse(Field(text, "offsetFromMaster"), CultureInfo.InvariantCulture)), 0, 20_000);
        Assert.InRange(double.Parse(Field(text, "meanPathDelay"), CultureInfo.InvariantCulture), 1, 100_000);
        Assert.Equal(gm + "-1", Field(text, "parentPortIdentity"));
        Assert.Equal(gm, Field(text, "grandmasterIdentity"));
        Assert.Equal("true", Field(text, "gmPresent"));
        Assert.Equal(gm, Field(text, "gmIdentity"));
        Assert.Equal(self + "-1", Field(text, "portIdentity"));
        Assert.Equal("SLAVE", Field(text, "portState"));
        Assert.Equal("-3", Field(text, "logSyncInterval"));
        Assert.Equal("1", Field(text, "delayMechanism"));
        Assert.Equal("SOFTWARE", Field(text, "timestamping"));
        Assert.Equal(ns.IfB, Field(text, "interface"));
        Assert.True(long.Parse(Field(text, "rx_Sync"), CultureInfo.InvariantCulture) > 8);
        Assert.True(long.Parse(Field(text, "rx_Follow_Up"), CultureInfo.InvariantCulture) > 8);
        Assert.True(long.Parse(Field(text, "tx_Delay_Req"), CultureInfo.InvariantCulture) > 8);
        Assert.True(long.Parse(Field(text, "rx_Delay_Resp"), CultureInfo.InvariantCulture) > 8);
        Assert.Equal("128", Field(text, "priority1"));

        // SET through the read-write socket, then read back (linuxptp's pmc and ours). PRIORITY2: it ranks after
        // clockClass (255 for a client-only clock), so the port stays SLAVE. (A better PRIORITY1 would make the
        // BMCA pick the local clock and a client-only port go to LISTENING, as ptp4l does.)
        Assert.Contains("priority2 200", lab.LinuxptpPmc(ns.NameB, "ptp4net-client", "SET PRIORITY2 200"));
        Assert.Contains("priority2 200", lab.OurPmc(ns.NameB, "ptp4net-client", "GET PRIORITY2"));
        // The read-only socket answers GET but refuses SET with an error status.
        var ro = lab.Run(ns.NameB, "pmc", "-u", "-b", "0", "-s", lab.Path("ptp4net-client.ro"), "-i", lab.Path("pmc.ro"), "SET PRIORITY2 90", "GET PRIORITY2").Out;
        Assert.Contains("MANAGEMENT_ERROR_STATUS", ro);
        Assert.Contains("priority2 200", ro);

        // Our pmc prints what linuxptp's pmc prints, for data sets that are constant during the run.
        string[] stable = ["GET DEFAULT_DATA_SET", "GET PARENT_DATA_SET", "GET PORT_PROPERTIES_NP", "GET PORT_DATA_SET_NP", "GET TIME_PROPERTIES_DATA_SET"];
        var theirs = lab.LinuxptpPmc(ns.NameB, "ptp4net-client", stable);
        var ours = lab.OurPmc(ns.NameB, "ptp4net-client", stable);
        Assert.Equal(Sorted(theirs), Sorted(ours));
        Assert.False(client.HasExited);
    }

    /// <summary>The value printed after a field name in pmc's output (first occurrence).</summary>
    internal static string Field(string pmcText, string name)
    {
        var m = Regex.Match(pmcText, @"^\t\t" + Regex.Escape(name) + @" +(\S+)\s*$", RegexOptions.Multiline);
        Assert.True(m.Success, $"no field {name} in pmc output:\n{pmcText}");
        return m.Groups[1].Value;
    }

    internal static string Sorted(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
