using System.Text.RegularExpressions;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>
/// Checks a capture of an interop run: Wireshark's dissectors find nothing malformed and raise no expert warning
/// or error, the capture holds PTP traffic from both ends, and our own <c>ptp4net dump</c> parses every PTP message
/// in it (exit 0, as many messages as tshark counts).
/// </summary>
internal static class CaptureChecks
{
    public static void AssertWellFormed(InteropLab lab, string capture, ITestOutputHelper output)
    {
        Assert.True(InteropLab.WaitUntil(() => File.Exists(capture) && new FileInfo(capture).Length > 0, TimeSpan.FromSeconds(10)),
            $"no capture at {capture}");
        string tshark = Requirements.FindTool("tshark")!;
        var (code, bad, err) = NetNs.Run(tshark, ["-n", "-r", capture, "-Y", "_ws.malformed || _ws.expert.severity >= warning"], 60_000);
        Assert.True(code == 0, $"tshark failed ({code}): {err}");
        Assert.True(bad.Trim().Length == 0, "tshark flags frames as malformed or with expert warnings:\n" + bad);

        (code, var ptp, err) = NetNs.Run(tshark, ["-n", "-r", capture, "-Y", "ptp", "-T", "fields", "-e", "ptp.v2.messagetype", "-e", "ptp.v2.clockidentity"], 60_000);
        Assert.True(code == 0, $"tshark failed ({code}): {err}");
        var rows = ptp.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"capture: {rows.Length} PTP messages, types: " +
            string.Join(", ", rows.GroupBy(r => r.Split('\t')[0]).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.True(rows.Length > 50, $"only {rows.Length} PTP messages captured");
        Assert.True(rows.Select(r => r.Split('\t').ElementAtOrDefault(1)).Distinct().Count() >= 2, "PTP traffic from only one clock");

        (code, var dump, err) = NetNs.Run(DaemonProcess.Ptp4NetExecutable, ["dump", capture], 60_000);
        output.WriteLine("ptp4net dump: " + dump.Split('\n').LastOrDefault(l => l.StartsWith("summary:", StringComparison.Ordinal)));
        Assert.True(code == 0, $"ptp4net dump exit {code} (1: malformed messages):\n{err}\n{string.Join('\n', dump.Split('\n').TakeLast(20))}");
        int ours = dump.Split('\n').Count(l => Regex.IsMatch(l, @"\b(Sync|Follow_Up|Delay_Req|Delay_Resp|Pdelay_Req|Pdelay_Resp|Pdelay_Resp_Follow_Up|Announce|Signaling|Management)\b"));
        Assert.True(ours >= rows.Length, $"ptp4net dump printed {ours} message lines, tshark found {rows.Length} PTP messages");
    }
}
