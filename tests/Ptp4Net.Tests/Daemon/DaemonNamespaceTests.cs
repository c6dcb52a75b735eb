using System.Net.Sockets;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Daemon;

/// <summary>
/// ptp4net against ptp4net in two network namespaces joined by a veth pair: a free-running grandmaster on
/// CLOCK_REALTIME and a client on the emulated clock (1 ms off, 20 ppm fast), software stamps, UDPv4 E2E, both
/// under setpriv without CAP_SYS_TIME. Needs root, iproute2 and setpriv; the pmc part needs linuxptp's pmc.
/// </summary>
[Collection("namespaces")]
public class DaemonNamespaceTests
{
    private readonly ITestOutputHelper _out;

    public DaemonNamespaceTests(ITestOutputHelper output) => _out = output;

    // Bound on the emulated client's true offset once locked. Measured on this kind of veth link (software stamps,
    // 1 Sync/s): 60 s runs settle to RMS 268 ns, max 579 ns over their last 30 s; in this test's shorter window (the
    // 10 s that start ~15 s after the step) the PI is still pulling in: RMS 0.9 µs, max 1.5-2.2 µs in three runs.
    // 5 µs leaves a 2-3× margin for a busy 2-core CI machine, and one line beyond it is tolerated for veth's rare
    // delayed stamp, while a wrong sign, a missed stamp mapping or a servo that does not lock (a 20 ppm error left
    // alone drifts 20 µs every second) still fails.
    private const long SettledBoundNs = 5_000;

    [Fact]
    public void Emulated_client_locks_to_grandmaster_and_answers_management()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "setpriv"))) return;
        string uds = DaemonLab.NewUdsDirectory();
        using var ns = NetNs.Create(_out.WriteLine);
        try
        {
            using var gm = DaemonProcess.StartPtp4Net(ns.NameA, DaemonLab.GrandmasterArgs(ns.IfA, uds), "gm");
            using var client = DaemonProcess.StartPtp4Net(ns.NameB, DaemonLab.ClientArgs(ns.IfB, uds), "client");

            // BMCA takes about announceReceiptTimeout × 2 s; the PI servo steps at its second sample.
            bool slave = client.WaitForLine(l => l.Contains("UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED", StringComparison.Ordinal),
                TimeSpan.FromSeconds(25));
            Assert.True(slave, "client never reached SLAVE:\n" + string.Join("\n", client.Lines));
            Assert.Contains(gm.Lines, l => l.Contains("assuming the grand master role", StringComparison.Ordinal));

            QueryWithOwnClient(ns, uds);
            QueryWithLinuxptpPmc(ns, uds);

            // Let it settle, then judge the last 10 ground-truth lines.
            Thread.Sleep(TimeSpan.FromSeconds(14));
            int? gmExit = gm.Terminate(TimeSpan.FromSeconds(10));
            int? clExit = client.Terminate(TimeSpan.FromSeconds(10));
            foreach (var l in client.Lines) _out.WriteLine("[client] " + l);
            Assert.Equal(0, gmExit);
            Assert.Equal(0, clExit);
            Assert.False(File.Exists(Path.Combine(uds, "client")), "SIGTERM must remove the UDS file");
            Assert.False(File.Exists(Path.Combine(uds, "gm")), "SIGTERM must remove the UDS file");

            // Steady state allocates nothing: the exit line reports the run loop's allocations over its last 10 s.
            Assert.Contains(client.Lines, l => l.Contains("bytes allocated by the run loop in its last 10 s: 0)", StringComparison.Ordinal));
            Assert.Contains(gm.Lines, l => l.Contains("bytes allocated by the run loop in its last 10 s: 0)", StringComparison.Ordinal));

            var offsets = client.MasterOffsets();
            Assert.Contains(offsets, o => o.Line.ServoState == 2);
            var truth = client.EmulatedOffsets();
            Assert.True(truth.Count >= 25, $"expected a ground-truth line per second, got {truth.Count}");
            Assert.True(Math.Abs(truth[0].OffsetNs - DaemonLab.InitialOffsetNs) < 100_000, $"first true offset {truth[0].OffsetNs}");
            var last = truth.Skip(truth.Count - 10).Select(t => t.OffsetNs).ToArray();
            double rms = Math.Sqrt(last.Average(v => (double)v * v));
            _out.WriteLine($"true offset over the last 10 s: rms {rms:F0} ns, max {last.Max(Math.Abs)} ns: {string.Join(' ', last)}");
            // veth occasionally delays one stamp by tens of µs: allow one such line, judge the rest.
            Assert.True(last.Count(v => Math.Abs(v) > SettledBoundNs) <= 1, $"true offsets not settled within {SettledBoundNs} ns: {string.Join(' ', last)}");
        }
        finally
        {
            Directory.Delete(uds, recursive: true);
        }
    }

    /// <summary>Our own UDS client (a plain AF_UNIX datagram socket in the test): linuxptp pmc's captured
    /// GET CURRENT_DATA_SET request, then the RESPONSE must come back to our bound address.</summary>
    private void QueryWithOwnClient(NetNs ns, string uds)
    {
        // pmc 3.1.1 bytes: GET CURRENT_DATA_SET, boundary hops 0, wildcard target (see Messages/LinuxptpPmcVectorTests).
        byte[] request = Convert.FromHexString(
            "0d0200480000000000000000000000000000000000000000000000003b190000047fffffffffffffffffffff00000000000100142001000000000000000000000000000000000000");
        string me = Path.Combine(uds, "own-client");
        // UDS sockets live in the file system, not in the network namespace: no setns needed.
        using var s = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        s.Bind(new UnixDomainSocketEndPoint(me));
        s.ReceiveTimeout = 3000;
        s.SendTo(request, new UnixDomainSocketEndPoint(Path.Combine(uds, "clientro")));
        var buf = new byte[1500];
        int n = s.Receive(buf);
        Assert.True(n >= 54, $"reply of {n} bytes");
        Assert.Equal(0x0D, buf[0] & 0x0F);          // messageType MANAGEMENT
        Assert.Equal(2, buf[46] & 0x0F);            // actionField RESPONSE
        Assert.Equal(0x0001, buf[48] << 8 | buf[49]); // tlvType MANAGEMENT
        Assert.Equal(0x2001, buf[52] << 8 | buf[53]); // CURRENT_DATA_SET
        // CURRENT_DATA_SET: stepsRemoved (2), offsetFromMaster (8), meanPathDelay (8): a locked client is 1 step away.
        Assert.Equal(1, buf[54] << 8 | buf[55]);
        File.Delete(me);
    }

    /// <summary>linuxptp's pmc, unchanged, against our daemon (it binds /var/run/pmc.PID and expects the reply there).</summary>
    private void QueryWithLinuxptpPmc(NetNs ns, string uds)
    {
        if (Requirements.FindTool("pmc") is null)
        {
            _out.WriteLine("pmc part SKIPPED: needs linuxptp's pmc on PATH");
            return;
        }
        var (code, o, e) = NetNs.Run("ip", ["netns", "exec", ns.NameB, "setpriv", "--bounding-set=-sys_time", "--inh-caps=-sys_time",
            Requirements.FindTool("pmc")!, "-u", "-b", "0", "-s", Path.Combine(uds, "client"), "GET CURRENT_DATA_SET", "GET PORT_DATA_SET"], 20_000);
        _out.WriteLine($"pmc exit {code}:\n{o}{e}");
        Assert.Equal(0, code);
        Assert.Contains("RESPONSE MANAGEMENT CURRENT_DATA_SET", o, StringComparison.Ordinal);
        Assert.Matches(@"stepsRemoved\s+1", o);
        Assert.Contains("RESPONSE MANAGEMENT PORT_DATA_SET", o, StringComparison.Ordinal);
        Assert.Matches(@"portState\s+SLAVE", o);

        // SET only from the read-write socket (uds_address); the read-only one (uds_ro_address) answers an error status.
        (int, string) Pmc(string socket, params string[] commands)
        {
            var (c, so, se) = NetNs.Run("ip", ["netns", "exec", ns.NameB, "setpriv", "--bounding-set=-sys_time", "--inh-caps=-sys_time",
                Requirements.FindTool("pmc")!, "-u", "-b", "0", "-s", Path.Combine(uds, socket), .. commands], 20_000);
            _out.WriteLine($"pmc -s {socket} exit {c}:\n{so}{se}");
            return (c, so);
        }
        var (roCode, ro) = Pmc("clientro", "SET PRIORITY2 77", "GET PRIORITY2");
        Assert.Equal(0, roCode);
        Assert.Contains("MANAGEMENT_ERROR_STATUS", ro, StringComparison.Ordinal);
        Assert.Matches(@"priority2\s+128", ro);
        var (rwCode, rw) = Pmc("client", "SET PRIORITY2 77", "GET PRIORITY2");
        Assert.Equal(0, rwCode);
        Assert.DoesNotContain("MANAGEMENT_ERROR_STATUS", rw, StringComparison.Ordinal);
        Assert.Matches(@"priority2\s+77", rw);
    }
}

/// <summary>Link down/up: the port goes FAULTY and comes back to SLAVE (root, iproute2, setpriv).</summary>
[Collection("namespaces")]
public class DaemonLinkTests
{
    private readonly ITestOutputHelper _out;

    public DaemonLinkTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Link_down_faults_the_port_and_link_up_recovers_it()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "setpriv"))) return;
        string uds = DaemonLab.NewUdsDirectory();
        using var ns = NetNs.Create(_out.WriteLine);
        try
        {
            using var gm = DaemonProcess.StartPtp4Net(ns.NameA, DaemonLab.GrandmasterArgs(ns.IfA, uds), "gm");
            using var client = DaemonProcess.StartPtp4Net(ns.NameB, DaemonLab.ClientArgs(ns.IfB, uds), "client");
            static Func<string, bool> Has(string s) => l => l.Contains(s, StringComparison.Ordinal);
            try
            {
                Assert.True(client.WaitForLine(Has("to SLAVE on MASTER_CLOCK_SELECTED"), TimeSpan.FromSeconds(25)), "no SLAVE");
                var (code, o, e) = ns.Exec(ns.NameB, "ip", "link", "set", ns.IfB, "down");
                Assert.True(code == 0, o + e);
                // operstate is polled once a second.
                Assert.True(client.WaitForLine(Has("to FAULTY on FAULT_DETECTED"), TimeSpan.FromSeconds(5)), "no FAULTY after link down");
                Assert.True(client.WaitForLine(Has("link down"), TimeSpan.FromSeconds(5)), "no link down line");
                (code, o, e) = ns.Exec(ns.NameB, "ip", "link", "set", ns.IfB, "up");
                Assert.True(code == 0, o + e);
                Assert.True(client.WaitForLine(Has("link up"), TimeSpan.FromSeconds(5)), "no link up");
                Assert.True(client.WaitForLine(Has("FAULTY to"), TimeSpan.FromSeconds(5)), "port stayed FAULTY");
                int slaves() => client.Lines.Count(Has("to SLAVE on MASTER_CLOCK_SELECTED"));
                var sw = System.Diagnostics.Stopwatch.StartNew();
                while (slaves() < 2 && sw.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(200);
                Assert.True(slaves() >= 2, "client did not return to SLAVE after the link came back");
                Assert.Equal(0, client.Terminate(TimeSpan.FromSeconds(10)));
                Assert.Equal(0, gm.Terminate(TimeSpan.FromSeconds(10)));
            }
            finally
            {
                foreach (var l in client.Lines) _out.WriteLine("[client] " + l);
            }
        }
        finally
        {
            Directory.Delete(uds, recursive: true);
        }
    }
}

/// <summary>free_running 1 on CLOCK_REALTIME: the client measures without steering. Both ends read the same
/// CLOCK_REALTIME, so the measured offset is the measurement error itself (root, iproute2, setpriv).</summary>
[Collection("namespaces")]
public class DaemonFreeRunningTests
{
    private readonly ITestOutputHelper _out;

    public DaemonFreeRunningTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Free_running_client_measures_the_shared_clock_near_zero_and_never_locks()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "setpriv"))) return;
        string uds = DaemonLab.NewUdsDirectory();
        using var ns = NetNs.Create(_out.WriteLine);
        try
        {
            using var gm = DaemonProcess.StartPtp4Net(ns.NameA, DaemonLab.GrandmasterArgs(ns.IfA, uds), "gm");
            using var client = DaemonProcess.StartPtp4Net(ns.NameB,
                ["-i", ns.IfB, "-S", "-s", "-m", "-q", "--free_running", "1",
                 "--uds_address", Path.Combine(uds, "fr"), "--uds_ro_address", Path.Combine(uds, "frro")], "client");
            Assert.True(client.WaitForLine(l => l.Contains("to UNCALIBRATED on RS_SLAVE", StringComparison.Ordinal), TimeSpan.FromSeconds(20)),
                "client never selected the master");
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (client.MasterOffsets().Count < 8 && sw.Elapsed < TimeSpan.FromSeconds(15)) Thread.Sleep(200);
            Assert.Equal(0, client.Terminate(TimeSpan.FromSeconds(10)));
            foreach (var l in client.Lines) _out.WriteLine("[client] " + l);
            var offsets = client.MasterOffsets();
            Assert.True(offsets.Count >= 8, $"only {offsets.Count} master offset lines");
            // Never steers: the servo stays s0, freq 0, and the port never reaches SLAVE (ptp4l's clock_no_adjust).
            Assert.All(offsets, o => Assert.Equal(0, o.Line.ServoState));
            Assert.DoesNotContain(client.Lines, l => l.Contains("to SLAVE", StringComparison.Ordinal));
            Assert.DoesNotContain(client.Lines, l => l.Contains("failed to adjust", StringComparison.Ordinal));
            // Same CLOCK_REALTIME at both ends: the offset is pure stamping error. ptp4l on such a link: mean -0.76 µs,
            // max 1.8 µs; skip the first samples (the delay filter fills up) and allow veth's rare delayed stamp.
            var later = offsets.Skip(3).Select(o => o.Line.OffsetNs).ToArray();
            _out.WriteLine("offsets: " + string.Join(' ', later));
            Assert.True(later.Count(v => Math.Abs(v) > 10_000) <= 1, "measured offsets of a shared clock: " + string.Join(' ', later));
        }
        finally
        {
            Directory.Delete(uds, recursive: true);
        }
    }
}
