namespace Ptp4Net.Simulation;

/// <summary>
/// The simulated physical world: one scheduler (virtual time), one packet pool, segments and clocks, all
/// seeded from one root seed. Nothing here reads a wall clock; the same seed gives the same run.
/// </summary>
public sealed class SimWorld
{
    private readonly List<Segment> _segments = new();
    private readonly List<SimClock> _clocks = new();
    private ulong _streams;

    public SimWorld(ulong seed)
    {
        Seed = seed;
    }

    public ulong Seed { get; }
    public EventScheduler Scheduler { get; } = new();
    public PacketPool Packets { get; } = new();
    public long Now => Scheduler.Now;
    public IReadOnlyList<Segment> Segments => _segments;
    public IReadOnlyList<SimClock> Clocks => _clocks;

    /// <summary>A fresh independent seed (streams are numbered in creation order, so set-up order matters).</summary>
    public ulong NextSeed() => SimRandom.DeriveSeed(Seed, ++_streams);

    public SimClock CreateClock(string name, OscillatorParameters parameters)
    {
        var c = new SimClock(parameters, NextSeed(), name);
        _clocks.Add(c);
        return c;
    }

    /// <summary>A segment (link) whose every direction starts with <paramref name="defaults"/>.</summary>
    public Segment CreateSegment(string name, LinkParameters defaults)
    {
        var s = new Segment(this, name, defaults, NextSeed());
        _segments.Add(s);
        return s;
    }

    /// <summary>
    /// Connects two receivers with a full-duplex link: <paramref name="aToB"/> one way, <paramref name="bToA"/>
    /// the other (asymmetry = different delays).
    /// </summary>
    public (SimPort A, SimPort B) Connect(string name, IPacketReceiver a, IPacketReceiver b, LinkParameters aToB, LinkParameters? bToA = null)
    {
        var s = CreateSegment(name, aToB);
        var pa = s.Attach(name + ":a", a);
        var pb = s.Attach(name + ":b", b);
        s.SetDirection(pa, pb, aToB);
        s.SetDirection(pb, pa, bToA ?? aToB);
        return (pa, pb);
    }

    public long RunUntil(long endTime) => Scheduler.RunUntil(endTime);
}
