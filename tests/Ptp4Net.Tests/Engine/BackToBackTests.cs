using Ptp4Net.Engine;
using Ptp4Net.StateMachine;

namespace Ptp4Net.Tests.Engine;

public class BackToBackTests
{
    private static PortOptions Port(string name, sbyte logSync = -3) => new()
    {
        Name = name, LogSyncInterval = logSync, LogMinDelayReqInterval = logSync, LogAnnounceInterval = 0,
    };

    [Fact]
    public void Two_ordinary_clocks_reach_master_and_slave_and_lock()
    {
        var net = new TestNetwork();
        int gm = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(1), Priority1 = 100 }, [Port("gm0")], 0, 0, 1);
        int sl = net.Add(new ClockOptions { ClockIdentity = TestNetwork.Id(2) }, [Port("sl0")], 50_000, 1_000_000, 2);
        net.Connect(gm, 0, sl, 0, 1_000, 1_000);
        net.StartAll();
        net.RunUntil(60_000_000_000);

        Assert.Equal(PortState.Master, net.Nodes[gm].Engine.GetPortState(0));
        Assert.Equal(PortState.Slave, net.Nodes[sl].Engine.GetPortState(0));
        Assert.Contains(net.Nodes[sl].Log, l => l == "selected best master clock 001122.fffe.334401");
        Assert.Contains(net.Nodes[sl].Log, l => l.StartsWith("port 1 (sl0): new foreign master 001122.fffe.334401-1", StringComparison.Ordinal));
        Assert.Contains(net.Nodes[sl].Log, l => l == "port 1 (sl0): LISTENING to UNCALIBRATED on RS_SLAVE" || l == "port 1 (sl0): MASTER to UNCALIBRATED on RS_SLAVE");
        Assert.Contains(net.Nodes[sl].Log, l => l == "port 1 (sl0): UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED");
        Assert.True(net.Nodes[sl].Steps == 1, string.Join("\n", net.Nodes[sl].Log.Take(40)));
        Assert.NotEmpty(net.Nodes[sl].Samples);
        Assert.InRange(Math.Abs(net.TrueOffset(gm, sl)), 0, 100);
        Assert.InRange(net.Nodes[sl].Engine.GetPathDelayNs(0), 900, 1_100);
    }
}
