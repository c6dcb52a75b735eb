using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Engine;

/// <summary>
/// linuxptp's own pmc talks to the engine over a Unix datagram socket in a temporary directory (no root, no
/// network): the replies must parse and print in pmc as they do for ptp4l. Needs /usr/sbin/pmc (linuxptp); says so
/// and returns when it is missing.
/// </summary>
public class PmcInteropTests(ITestOutputHelper output)
{

    private string? RunPmc(PtpClockEngine engine, params string[] commands)
    {
        var pmc = Requirements.FindTool("pmc");
        if (pmc == null || !OperatingSystem.IsLinux())
        {
            output.WriteLine("SKIPPED: linuxptp's pmc is not installed (apt-get install linuxptp) or not on Linux");
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("ptp4net-pmc-");
        try
        {
            var serverPath = Path.Combine(dir.FullName, "ptp4l");
            using var server = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            server.Bind(new UnixDomainSocketEndPoint(serverPath));
            server.ReceiveTimeout = 200;

            var psi = new ProcessStartInfo(pmc) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-u", "-b", "0", "-t", "1", "-s", serverPath, "-i", Path.Combine(dir.FullName, "pmc") }) psi.ArgumentList.Add(a);
            foreach (var c in commands) psi.ArgumentList.Add(c);
            using var proc = Process.Start(psi)!;
            var stdout = proc.StandardOutput.ReadToEndAsync();
            var stderr = proc.StandardError.ReadToEndAsync();

            var buffer = new byte[1500];
            var deadline = Stopwatch.StartNew();
            int answered = 0;
            try
            {
                while (!proc.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(20))
                {
                    EndPoint from = new UnixDomainSocketEndPoint("/");
                    int n;
                    try { n = server.ReceiveFrom(buffer, ref from); }
                    catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock) { continue; }
                    foreach (var a in engine.OnManagement(buffer.AsSpan(0, n), 1, readWrite: true, 0).ToArray())
                    {
                        if (a.Kind != ActionKind.ManagementResponse) continue;
                        server.SendTo(a.Message.Span, from);
                        answered++;
                    }
                }
            }
            finally
            {
                // Also when the loop throws: pmc is never left running.
                if (!proc.HasExited) proc.Kill();
                proc.WaitForExit(5000);
            }
            proc.WaitForExit();
            output.WriteLine(stdout.Result);
            output.WriteLine(stderr.Result);
            Assert.True(answered > 0, "pmc sent no request that the engine answered");
            return stdout.Result;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static PtpClockEngine Engine()
    {
        var e = new PtpClockEngine(new ClockOptions { ClockIdentity = new ClockIdentity(0x001122FFFE334455), Priority1 = 77 },
            [new PortOptions { Name = "veth-test" }], new SeededRandomSource(1));
        e.Start(0);
        return e;
    }

    [Fact]
    public void Pmc_reads_the_data_sets()
    {
        var e = Engine();
        var text = RunPmc(e, "GET DEFAULT_DATA_SET", "GET PORT_DATA_SET", "GET TIME_STATUS_NP", "GET PORT_PROPERTIES_NP");
        if (text == null) return;
        Assert.Contains("RESPONSE MANAGEMENT DEFAULT_DATA_SET", text);
        Assert.Matches(@"priority1\s+77", text);
        Assert.Matches(@"clockIdentity\s+001122\.fffe\.334455", text);
        Assert.Contains("RESPONSE MANAGEMENT PORT_DATA_SET", text);
        Assert.Matches(@"portIdentity\s+001122\.fffe\.334455-1", text);
        Assert.Matches(@"portState\s+LISTENING", text);
        Assert.Contains("RESPONSE MANAGEMENT TIME_STATUS_NP", text);
        Assert.Matches(@"gmIdentity\s+001122\.fffe\.334455", text);
        Assert.Contains("RESPONSE MANAGEMENT PORT_PROPERTIES_NP", text);
        Assert.Matches(@"interface\s+veth-test", text);
    }

    [Fact]
    public void Pmc_sets_priority1_and_sees_errors_for_unsupported_ids()
    {
        var e = Engine();
        var text = RunPmc(e, "SET PRIORITY1 5", "GET USER_DESCRIPTION");
        if (text == null) return;
        Assert.Equal(5, e.DefaultDataSet.Priority1);
        Assert.Contains("RESPONSE MANAGEMENT PRIORITY1", text);
        Assert.Matches(@"priority1\s+5", text);
        Assert.Contains("RESPONSE MANAGEMENT_ERROR_STATUS", text); // pmc 3.1 prints no error name
    }
}
