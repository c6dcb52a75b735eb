using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>
/// Our pmc against linuxptp's ptp4l, with linuxptp's pmc as the oracle: the same commands over the same UDS give the
/// same text (line for line, once sorted: pmc prints replies as they arrive, so the interleaving of "sending:" lines
/// and replies varies), for the data sets, the _NP ids, the one-value ids, SET and the commands pmc refuses.
/// Also over the network (-4 and -2 from the other namespace). ptp4l runs with free_running 1, alone, so nothing
/// changes between the two queries.
/// </summary>
[Collection(InteropCollection.Name)]
public class PmcAgainstPtp4lTests(ITestOutputHelper output)
{
    private static readonly string[] Gets =
    [
        "GET DEFAULT_DATA_SET", "GET CURRENT_DATA_SET", "GET PARENT_DATA_SET", "GET TIME_PROPERTIES_DATA_SET", "GET TIME_STATUS_NP",
        "GET PORT_DATA_SET", "GET PORT_DATA_SET_NP", "GET PORT_PROPERTIES_NP", "GET GRANDMASTER_SETTINGS_NP", "GET PRIORITY1",
        "GET PRIORITY2", "GET DOMAIN", "GET SLAVE_ONLY", "GET CLOCK_ACCURACY", "GET TRACEABILITY_PROPERTIES", "GET TIMESCALE_PROPERTIES",
        "GET LOG_ANNOUNCE_INTERVAL", "GET ANNOUNCE_RECEIPT_TIMEOUT", "GET LOG_SYNC_INTERVAL", "GET VERSION_NUMBER", "GET DELAY_MECHANISM",
        "GET LOG_MIN_PDELAY_REQ_INTERVAL", "GET CLOCK_DESCRIPTION", "GET USER_DESCRIPTION", "GET NULL_MANAGEMENT",
        "GET TIME", "GET PORT", "get cur", "SET DOMAIN 3", "SET PRIORITY1 x", "G FOO",
    ];

    [Fact]
    public void Our_pmc_prints_what_linuxptp_pmc_prints()
    {
        if (Requirements.Unmet(output, InteropLab.Unmet())) return;
        using var lab = InteropLab.Create(output.WriteLine);
        var ns = lab.Ns;
        var ptp4l = lab.StartPtp4l(ns.NameA, ns.IfA, "logAnnounceInterval -2\n", "ptp4l");
        // Query once it is grandmaster: taking that role changes its time properties (currentUtcOffsetValid).
        Assert.True(ptp4l.WaitForLine(l => l.Contains("assuming the grand master role", StringComparison.Ordinal), TimeSpan.FromSeconds(15)),
            string.Join('\n', ptp4l.Lines));
        Assert.True(InteropLab.WaitUntil(() => File.Exists(lab.Uds("ptp4l")), TimeSpan.FromSeconds(5)));

        var theirs = lab.Run(ns.NameA, "pmc", ["-u", "-b", "0", "-s", lab.Uds("ptp4l"), "-i", lab.Path("pmc.a"), .. Gets]);
        var ours = lab.Run(ns.NameA, DaemonProcess.Ptp4NetExecutable, ["pmc", "-u", "-b", "0", "-s", lab.Uds("ptp4l"), "-i", lab.Path("pmc.b"), .. Gets]);
        Assert.Contains("RESPONSE MANAGEMENT TIME_STATUS_NP", theirs.Out);
        Assert.Equal(Ptp4NetClientTests.Sorted(theirs.Out), Ptp4NetClientTests.Sorted(ours.Out));
        Assert.Equal(Ptp4NetClientTests.Sorted(theirs.Err), Ptp4NetClientTests.Sorted(ours.Err));

        // SET, then both read the new values back.
        string gmSettings = "SET GRANDMASTER_SETTINGS_NP clockClass 6 clockAccuracy 0x21 offsetScaledLogVariance 0x4e5d currentUtcOffset 37 " +
            "leap61 0 leap59 1 currentUtcOffsetValid 1 ptpTimescale 1 timeTraceable 1 frequencyTraceable 0 timeSource 0x20";
        var set = lab.OurPmc(ns.NameA, "ptp4l", "SET PRIORITY1 99", "SET PRIORITY2 77", gmSettings);
        Assert.Contains("priority1 99", set);
        Assert.Contains("priority2 77", set);
        Assert.Contains("clockAccuracy           0x21", set);
        string[] after = ["GET DEFAULT_DATA_SET", "GET GRANDMASTER_SETTINGS_NP", "GET TIME_PROPERTIES_DATA_SET"];
        var check = lab.LinuxptpPmc(ns.NameA, "ptp4l", after);
        Assert.Contains("priority1               99", check);
        Assert.Contains("leap59                  1", check);
        Assert.Equal(Ptp4NetClientTests.Sorted(check), Ptp4NetClientTests.Sorted(lab.OurPmc(ns.NameA, "ptp4l", after)));

        // Over the network from the other namespace: UDPv4 (ptp4l's transport) answers; L2 reaches nobody, for both.
        foreach (var flag in new[] { "-4", "-2" })
        {
            string[] args = [flag, "-i", ns.IfB, "GET DEFAULT_DATA_SET", "GET PORT_DATA_SET"];
            var t = lab.Run(ns.NameB, "pmc", args);
            var o = lab.Run(ns.NameB, DaemonProcess.Ptp4NetExecutable, ["pmc", .. args]);
            Assert.Equal(Ptp4NetClientTests.Sorted(t.Out), Ptp4NetClientTests.Sorted(o.Out));
            if (flag == "-4") Assert.Contains("RESPONSE MANAGEMENT PORT_DATA_SET", o.Out);
        }
    }
}
