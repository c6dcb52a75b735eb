using Ptp4Net.Engine;
using Ptp4Net.Identity;

namespace Ptp4Net.Simulation;

/// <summary>
/// Builds topologies of <see cref="SimNode"/>s: nodes with their clocks, point-to-point links between ports
/// (a node with several ports is a boundary clock) and shared segments (multicast LANs).
/// Clock identities are assigned in creation order (node n gets 02:00:00:ff:fe:00:00:n+1 unless given).
/// </summary>
public sealed class SimNetwork
{
    private readonly List<SimNode> _nodes = new();

    public SimNetwork(ulong seed) => World = new SimWorld(seed);

    public SimWorld World { get; }
    public IReadOnlyList<SimNode> Nodes => _nodes;
    public long Now => World.Now;

    public static ClockIdentity IdentityFor(int n) => new(0x020000FFFE000000UL + (ulong)n);

    /// <summary>
    /// Adds a node. <paramref name="clock"/>'s identity is replaced by <see cref="IdentityFor"/> when it is zero.
    /// </summary>
    public SimNode AddNode(string name, OscillatorParameters oscillator, ClockOptions clock, params PortOptions[] ports)
    {
        if (clock.ClockIdentity == ClockIdentity.Zero) clock = clock with { ClockIdentity = IdentityFor(_nodes.Count + 1) };
        var named = new PortOptions[ports.Length];
        for (int i = 0; i < ports.Length; i++)
            named[i] = ports[i].Name == new PortOptions().Name ? ports[i] with { Name = $"{name}p{i + 1}" } : ports[i];
        var node = new SimNode(World, name, World.CreateClock(name, oscillator), clock, named);
        _nodes.Add(node);
        return node;
    }

    /// <summary>A full-duplex link between two ports; <paramref name="bToA"/> defaults to <paramref name="aToB"/>.</summary>
    public Segment Link(SimNode a, int portA, SimNode b, int portB, LinkParameters aToB, LinkParameters? bToA = null)
    {
        var s = World.CreateSegment($"{a.Name}-{b.Name}", aToB);
        var pa = a.Attach(portA, s);
        var pb = b.Attach(portB, s);
        s.SetDirection(pa, pb, aToB);
        s.SetDirection(pb, pa, bToA ?? aToB);
        return s;
    }

    /// <summary>A shared segment (multicast LAN) joining the given ports; every direction uses <paramref name="link"/>.</summary>
    public Segment Lan(string name, LinkParameters link, params (SimNode Node, int Port)[] members)
    {
        var s = World.CreateSegment(name, link);
        foreach (var (node, port) in members) node.Attach(port, s);
        return s;
    }

    /// <summary>Starts every node's engine at <paramref name="at"/> (in creation order).</summary>
    public void StartAll(long at = 0)
    {
        foreach (var n in _nodes) n.StartAt(at);
    }

    public long RunUntil(long trueTimeNs) => World.RunUntil(trueTimeNs);

    /// <summary>Sends every node's log lines to <paramref name="sink"/>, prefixed with the node's name.</summary>
    public void LogTo(Action<string> sink)
    {
        foreach (var n in _nodes) n.LogSink = (node, line) => sink($"{node.Name,-4} {line}");
    }
}
