using Ptp4Net.Phc.Phc2Sys;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>
/// -w against linuxptp's ptp4l (3.1.1 here): ptp4l runs free_running, software stamps, without CAP_SYS_TIME, in a network
/// namespace the test creates, its management socket on a temporary path; our client waits for a MASTER/SLAVE port and
/// reads TIME_PROPERTIES_DATA_SET. Needs root, ip, ptp4l and setpriv (CI has them); says so and returns otherwise.
/// </summary>
[Trait("Category", "Linux")]
public sealed class Ptp4lManagementInteropTests(ITestOutputHelper output)
{
    [Fact]
    public void Waits_for_ptp4l_and_reads_its_utc_offset()
    {
        if (Requirements.Unmet(output, Requirements.RootAnd("ip", "ptp4l", "setpriv")))
            return;
        string dir = Path.Combine(Path.GetTempPath(), $"ptp4net-w-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            using var ns = NetNs.Create(output.WriteLine);
            string uds = Path.Combine(dir, "ptp4l");
            using var ptp4l = DaemonProcess.StartPtp4l(ns.NameB, ns.IfB, "-4",
                "--uds_address", uds, "--logAnnounceInterval", "-3", "--announceReceiptTimeout", "2");
            try
            {
                // The socket appears when ptp4l has started (bounded wait).
                for (int i = 0; i < 100 && !File.Exists(uds); i++)
                    Thread.Sleep(50);
                Assert.True(File.Exists(uds), "ptp4l did not create its management socket");
                using var client = new ManagementUdsClient(uds, Path.Combine(dir, "phc2sys"));
                var status = ManagementQueryStatus.Timeout;
                for (int i = 0; i < 20 && status != ManagementQueryStatus.Ok; i++)
                    status = client.WaitSync(TimeSpan.FromMilliseconds(500));
                Assert.Equal(ManagementQueryStatus.Ok, status);

                Assert.Equal(ManagementQueryStatus.Ok, client.GetTimeProperties(TimeSpan.FromSeconds(2), out var tp));
                output.WriteLine($"ptp4l TIME_PROPERTIES_DATA_SET: {tp}");
                var daemon = new DaemonUtcInfoProvider(client, 60, TimeSpan.FromMilliseconds(200));
                Assert.Equal(ManagementQueryStatus.Ok, daemon.Refresh(TimeSpan.FromSeconds(2)));
                Assert.True(daemon.TryGet(out var info));
                output.WriteLine($"as phc2sys reads it: {info}");
                // ptp4l's default utc_offset is 37. With software stamping it keeps CLOCK_REALTIME and so announces the
                // ARB timescale (ptpTimescale clear): phc2sys then uses no offset.
                Assert.Equal(37, tp.CurrentUtcOffset);
                bool ptpScale = (tp.Flags & Ptp4Net.Messages.PtpFlags.PtpTimescale) != 0;
                Assert.Equal(new UtcInfo(ptpScale ? 37 : 0, 0, true, false, UtcOrigin.Daemon), info);
            }
            finally
            {
                foreach (var l in ptp4l.Lines)
                    output.WriteLine("ptp4l: " + l);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
