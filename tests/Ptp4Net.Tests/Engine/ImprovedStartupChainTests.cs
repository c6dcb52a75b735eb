using Ptp4Net.Engine;

namespace Ptp4Net.Tests.Engine;

public class ImprovedStartupChainTests
{
    /// <summary>Upstream clocks step while downstream ones measure delays: the start-up options must not turn those
    /// jumps into bogus delays (a delay exchange straddling an upstream step is dropped).</summary>
    [Fact]
    public void Chain_of_two_boundary_clocks_locks_with_the_start_up_options()
    {
        const long Second = 1_000_000_000;
        var net = new TestNetwork();
        var port = new PortOptions { LogSyncInterval = -4, LogMinDelayReqInterval = -4, LogAnnounceInterval = 0 };
        ClockOptions C(byte id, byte p1 = 128) => new()
        {
            ClockIdentity = TestNetwork.Id(id), Priority1 = p1,
            EstimateRateFromSync = true, FirstSampleAfterDelay = true, ResetDelayFilterOnStep = true,
        };
        int gm = net.Add(C(1, 100), [port with { Name = "g" }], 0, 0, 1);
        int b1 = net.Add(C(2), [port with { Name = "u" }, port with { Name = "d" }], -30_000, -500_000, 2);
        int b2 = net.Add(C(3), [port with { Name = "u" }, port with { Name = "d" }], 20_000, 300_000, 3);
        int sl = net.Add(C(4), [port with { Name = "s" }], 50_000, 1_000_000, 4);
        net.Connect(gm, 0, b1, 0, 1_000, 1_000);
        net.Connect(b1, 1, b2, 0, 1_000, 1_000);
        net.Connect(b2, 1, sl, 0, 1_000, 1_000);
        net.StartAll();
        net.RunUntil(60 * Second);
        foreach (var n in new[] { b1, b2, sl })
        {
            Assert.InRange(net.TrueOffset(gm, n), -100, 100);
            Assert.InRange(net.Nodes[n].Engine.GetPathDelayNs(0), 950, 1_050);
        }
        Assert.Equal(3, net.Nodes[sl].Engine.CurrentDataSet.StepsRemoved);
    }
}
