using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Dump;

/// <summary>
/// Captures written by Wireshark's own writers (editcap: classic microsecond, nanosecond, "modified" pcap and
/// pcapng) dump exactly like our pcap of the same frames. Needs editcap (installed with tshark); without it the
/// test says so and returns.
/// </summary>
public class EditcapInteropTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("pcap")]
    [InlineData("nsecpcap")]
    [InlineData("modpcap")]
    [InlineData("pcapng")]
    public void Wireshark_written_captures_dump_like_ours(string format)
    {
        string? editcap = Requirements.FindTool("editcap");
        if (editcap is null)
        {
            output.WriteLine("SKIPPED: editcap is not installed (it comes with tshark / wireshark-common)");
            return;
        }
        string source = DumpTestSupport.TestData(PtpSampleCapture.FileName);
        string converted = Path.Combine(Path.GetTempPath(), "ptp4net-editcap-" + Guid.NewGuid().ToString("N") + "." + format);
        try
        {
            var (exit, _, stderr) = NetNs.Run(editcap, ["-F", format, source, converted], 60_000);
            Assert.True(exit == 0, $"editcap failed ({exit}): {stderr}");
            // Our PcapWriter writes what Wireshark writes for nanosecond pcap, octet for octet; the others differ.
            bool same = File.ReadAllBytes(converted).AsSpan().SequenceEqual(File.ReadAllBytes(source));
            Assert.Equal(format == "nsecpcap", same);
            var ours = DumpTestSupport.Run(source);
            var theirs = DumpTestSupport.Run(converted);
            // The sample's timestamps are whole milliseconds, so even microsecond files carry them exactly.
            Assert.Equal(ours.Exit, theirs.Exit);
            Assert.Equal(ours.Out, theirs.Out);
            Assert.Equal(ours.Err.Replace(source, converted, StringComparison.Ordinal), theirs.Err);
        }
        finally
        {
            File.Delete(converted);
        }
    }
}
