using System.Text.Json;

namespace Ptp4Net.Tests.Dump;

/// <summary>
/// The capture of real linuxptp traffic (samples/capture-ptp4l.sh: ptp4l master and slave on a veth pair
/// in two namespaces, UDPv4 E2E with a pmc GET, L2 P2P, UDPv6 E2E; written by dumpcap, joined by mergecap).
/// </summary>
public class Ptp4lCaptureTests
{
    private static string CapturePath => DumpTestSupport.TestData("ptp4l-veth.pcapng");

    [Fact]
    public void Real_ptp4l_capture_dumps_without_a_malformed_message()
    {
        var (exit, stdout, stderr) = DumpTestSupport.Run(CapturePath);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("MALFORMED", stdout);
        var summary = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("summary: 102 frames: 102 PTP messages (", summary);
        Assert.EndsWith(", 0 malformed, 0 non-PTP skipped", summary);
        foreach (var type in new[] { "Sync", "Follow_Up", "Delay_Req", "Delay_Resp", "Pdelay_Req", "Pdelay_Resp",
                     "Pdelay_Resp_Follow_Up", "Announce", "Management" })
            Assert.Matches($@"[ (]{type} [1-9]\d*[,)]", summary);
    }

    [Fact]
    public void Real_ptp4l_capture_in_linux_cooked_mode_dumps_without_a_malformed_message()
    {
        // The same script with CAPTURE_IFACE=any: dumpcap writes LINKTYPE_LINUX_SLL frames.
        var (exit, stdout, stderr) = DumpTestSupport.Run("--json", DumpTestSupport.TestData("ptp4l-any-sll.pcapng"));
        Assert.Equal(0, exit);
        Assert.StartsWith("summary: 91 frames: 91 PTP messages (", stderr);
        Assert.EndsWith(", 0 malformed, 0 non-PTP skipped\n", stderr);
        var sources = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()!).Distinct().Order().ToArray();
        Assert.Equal(["02:00:5e:00:77:01", "02:00:5e:00:77:02", "10.255.77.1", "10.255.77.2", "fd00:77::1", "fd00:77::2"], sources);
    }

    [Fact]
    public void Real_ptp4l_capture_covers_three_transports_and_pairs_delay_requests_with_responses()
    {
        var (exit, stdout, _) = DumpTestSupport.Run("--json", CapturePath);
        Assert.Equal(0, exit);
        var docs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(102, docs.Count);
        Assert.Equal(["L2", "UDPv4", "UDPv6"], docs.Select(d => d.GetProperty("transport").GetString()!).Distinct().Order().ToArray());
        Assert.All(docs, d => Assert.False(d.TryGetProperty("error", out _)));

        // Every Delay_Resp answers a Delay_Req seen earlier: same sequenceId, requestingPortIdentity = its source,
        // and (software timestamps on a veth) receiveTimestamp at or after that request's capture second.
        var requests = docs.Where(d => d.GetProperty("type").GetString() == "Delay_Req").ToList();
        var responses = docs.Where(d => d.GetProperty("type").GetString() == "Delay_Resp").ToList();
        Assert.NotEmpty(responses);
        foreach (var r in responses)
        {
            var req = requests.Last(q => q.GetProperty("sequenceId").GetInt32() == r.GetProperty("sequenceId").GetInt32()
                && q.GetProperty("frame").GetInt64() < r.GetProperty("frame").GetInt64());
            Assert.Equal(req.GetProperty("sourcePortIdentity").GetString(), r.GetProperty("requestingPortIdentity").GetString());
        }

        // The pmc requests: GET over UDPv4 to the all-ports wildcard.
        var mgmt = docs.Where(d => d.GetProperty("type").GetString() == "Management").ToList();
        Assert.Equal(["CURRENT_DATA_SET", "PORT_DATA_SET"], mgmt.Select(m => m.GetProperty("managementId").GetString()!).ToArray());
        Assert.All(mgmt, m => Assert.Equal("GET", m.GetProperty("actionField").GetString()));
        Assert.All(mgmt, m => Assert.Equal("ffffff.ffff.ffffff-65535", m.GetProperty("targetPortIdentity").GetString()));
    }
}
