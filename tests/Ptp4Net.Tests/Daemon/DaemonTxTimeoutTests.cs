using Ptp4Net.Configuration;
using Ptp4Net.Host.Daemon;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Transport;
using Ptp4Net.StateMachine;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Daemon;

/// <summary>
/// A TX time stamp that never comes: the run loop gives up after tx_timestamp_timeout and reports it lost, the port
/// goes FAULTY ("timed out while polling for tx timestamp"), and after fault_reset_interval it recovers to SLAVE.
/// The client runs in-process (its run loop on a thread inside namespace B) so that the test can switch TX stamp
/// generation off and on in the Linux layer; it uses the emulated clock, so no real clock can be touched. The
/// grandmaster is a ptp4net process under setpriv. Needs root, iproute2 and setpriv.
/// </summary>
[Collection("namespaces")]
public class DaemonTxTimeoutTests
{
    private readonly ITestOutputHelper _out;

    public DaemonTxTimeoutTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Lost_tx_stamp_faults_the_port_and_it_recovers_after_fault_reset_interval()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "setpriv"))) return;
        string uds = DaemonLab.NewUdsDirectory();
        using var ns = NetNs.Create(_out.WriteLine);
        var log = new StringWriter();
        try
        {
            using var gm = DaemonProcess.StartPtp4Net(ns.NameA, DaemonLab.GrandmasterArgs(ns.IfA, uds), "gm");
            // fault_reset_interval 1 = 2 s; Delay_Req every 0.25 s so that a lost stamp shows up quickly.
            var inv = Ptp4lCommandLine.Parse(DaemonLab.ClientArgs(ns.IfB, uds, "--fault_reset_interval", "1", "--logMinDelayReqInterval", "-2"));
            var settings = DaemonConfigMapper.Map(inv, out var errors);
            Assert.True(settings is not null, string.Join("\n", errors));

            var seen = new List<PortState>();
            bool faultedAndRecovered = ns.RunIn(ns.NameB, () =>
            {
                using var dlog = new DaemonLog(log, verbose: true, useSyslog: false, level: DaemonLog.Info);
                using var daemon = new PtpDaemon(settings!, dlog);
                var t = daemon.GetTransport(0);
                bool ok = false;
                var watcher = new Thread(() =>
                {
                    try
                    {
                        ok = Watch(daemon, t, seen);
                    }
                    finally
                    {
                        daemon.Stop();
                    }
                });
                watcher.Start();
                daemon.Run();
                watcher.Join(TimeSpan.FromSeconds(5));
                return ok;
            });
            string text = log.ToString();
            _out.WriteLine(text);
            Assert.True(faultedAndRecovered, "states seen: " + string.Join(", ", seen));
            Assert.Contains("timed out while polling for tx timestamp", text, StringComparison.Ordinal);
            Assert.Contains("to FAULTY on FAULT_DETECTED", text, StringComparison.Ordinal);
            Assert.Contains("FAULTY to", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(uds, recursive: true);
        }
    }

    /// <summary>SLAVE, stamps off until FAULTY, stamps on, back to SLAVE; every wait bounded.</summary>
    private static bool Watch(PtpDaemon daemon, PtpTransport t, List<PortState> seen)
    {
        bool WaitFor(PortState s, TimeSpan limit)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (sw.Elapsed < limit)
            {
                var st = daemon.Engine.GetPortState(0);
                if (seen.Count == 0 || seen[^1] != st) seen.Add(st);
                if (st == s) return true;
                Thread.Sleep(20);
            }
            return false;
        }
        if (!WaitFor(PortState.Slave, TimeSpan.FromSeconds(25))) return false;
        if (t.DisableTxStampGenerationForTest() != Errno.None) return false;
        bool faulty = WaitFor(PortState.Faulty, TimeSpan.FromSeconds(5));
        var on = Ptp4Net.Phc.Interop.Libc.SetInt(t.EventSocket, Ptp4Net.Phc.Interop.Libc.SOL_SOCKET, Ptp4Net.Phc.Interop.Libc.SO_TIMESTAMPING,
            (int)PtpTransport.EventFlags(t.Options.TimeStamping));
        if (!faulty || on != Errno.None) return false;
        // fault_reset_interval 2 s, then LISTENING, the next Announce, UNCALIBRATED and the servo's lock.
        return WaitFor(PortState.Slave, TimeSpan.FromSeconds(20));
    }
}
