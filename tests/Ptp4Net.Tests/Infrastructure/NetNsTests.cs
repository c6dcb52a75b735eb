using Xunit.Abstractions;

namespace Ptp4Net.Tests.Infrastructure;

[Trait("Category", "Linux")]
public class NetNsTests
{
    private readonly ITestOutputHelper _out;

    public NetNsTests(ITestOutputHelper output) => _out = output;

    private static bool Exists(string ns) => NetNs.Run("ip", ["netns", "list"]).Out.Split('\n').Any(l => l.Split(' ')[0] == ns);

    [Fact]
    public void Pair_is_connected_only_inside_and_removed_on_dispose()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        string a, b;
        using (var ns = NetNs.Create(_out.WriteLine))
        {
            a = ns.NameA;
            b = ns.NameB;
            Assert.True(Exists(a) && Exists(b));
            Assert.True(ns.IfA.Length <= 15 && ns.IfB.Length <= 15);
            var (code, o, e) = ns.Exec(ns.NameA, "ip", "-o", "addr", "show", "dev", ns.IfA);
            Assert.True(code == 0, o + e);
            Assert.Contains(ns.Ipv4A + "/24", o);
            Assert.Contains(ns.Ipv6A + "/64", o);
            // a datagram crosses the veth, over IPv4 and IPv6
            foreach (var (from, to) in new[] { (ns.Ipv4A, ns.Ipv4B), (ns.Ipv6A, ns.Ipv6B) })
            {
                using var rx = ns.RunIn(ns.NameB, () => new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(to), 40000)));
                using var tx = ns.RunIn(ns.NameA, () => new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(from), 0)));
                tx.Send([1, 2, 3], 3, new System.Net.IPEndPoint(System.Net.IPAddress.Parse(to), 40000));
                rx.Client.ReceiveTimeout = 2000;
                System.Net.IPEndPoint? src = null;
                Assert.Equal(new byte[] { 1, 2, 3 }, rx.Receive(ref src));
                Assert.Equal(System.Net.IPAddress.Parse(from), src!.Address);
            }
            // the addresses do not exist in the test's own namespace
            var (_, addrs, _) = NetNs.Run("ip", ["-o", "addr"]);
            Assert.DoesNotContain(ns.Ipv4A, addrs);
            // code run inside sees the namespace's interfaces
            Assert.True(ns.RunIn(ns.NameA, () => File.Exists($"/proc/sys/net/ipv4/conf/{ns.IfA}/forwarding")));
            Assert.False(File.Exists($"/proc/sys/net/ipv4/conf/{ns.IfA}/forwarding"));
        }
        Assert.False(Exists(a));
        Assert.False(Exists(b));
    }

    [Fact]
    public void Namespaces_are_removed_even_when_the_test_body_throws()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        string name = "";
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var ns = NetNs.Create(_out.WriteLine);
            name = ns.NameA;
            ns.RunIn(ns.NameA, () => throw new InvalidOperationException("boom"));
        });
        Assert.NotEqual("", name);
        Assert.False(Exists(name));
    }

    [Fact]
    public void Requirements_report_reasons()
    {
        Assert.Null(Requirements.Tool("sh"));
        Assert.Contains("no-such-tool-xyz", Requirements.Tool("no-such-tool-xyz"));
        Assert.Equal(Requirements.IsRoot, Requirements.Root() is null);
    }
}
