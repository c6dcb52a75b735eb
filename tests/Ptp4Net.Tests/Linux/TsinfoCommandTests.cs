using Ptp4Net.Host;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Linux;

[Trait("Category", "Linux")]
public class TsinfoCommandTests
{
    private readonly ITestOutputHelper _out;

    public TsinfoCommandTests(ITestOutputHelper output) => _out = output;

    private void CompareWithEthtool(Func<NetNs, string> ifname)
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip", "ethtool")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        string iface = ifname(ns);
        var (code, ethtool, err) = ns.Exec(ns.NameA, "ethtool", "-T", iface);
        Assert.True(code == 0, err);
        var (rc, ours, oursErr) = ns.RunIn(ns.NameA, () =>
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int r = TsinfoCommand.Run([iface], o, e);
            return (r, o.ToString(), e.ToString());
        });
        _out.WriteLine("ethtool -T:\n" + ethtool);
        _out.WriteLine("ptp4net tsinfo:\n" + ours);
        Assert.True(rc == 0, oursErr);
        // ethtool's text, line for line, then our provider section.
        var theirs = ethtool.TrimEnd('\n').Split('\n');
        var mine = ours.Split('\n');
        Assert.True(mine.Length > theirs.Length);
        for (int i = 0; i < theirs.Length; i++)
            Assert.Equal(theirs[i], mine[i]);
        Assert.Contains("Hardware timestamp providers:", ours);
        Assert.Contains("Active configuration:", ours);
    }

    [Fact]
    public void Veth_output_matches_ethtool_then_lists_providers() => CompareWithEthtool(ns => ns.IfA);

    [Fact]
    public void Loopback_output_matches_ethtool() => CompareWithEthtool(_ => "lo");

    [Fact]
    public void Unknown_interface_and_bad_usage_fail_with_a_message()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(1, TsinfoCommand.Run(["nosuchif0"], o, e));
        Assert.Contains("interface nosuchif0", e.ToString());
        Assert.Equal(2, TsinfoCommand.Run([], o, e));
        Assert.Contains("usage: ptp4net tsinfo IFACE", e.ToString());
    }
}
