namespace Ptp4Net.Simulation;

/// <summary>
/// A shared Ethernet segment (multicast: every frame reaches every other attached port) or, with two
/// ports, a full-duplex point-to-point link. Each ordered pair of ports (a direction) has its own
/// <see cref="LinkParameters"/> and its own random stream, so e.g. raising the loss in one direction does
/// not change the delays drawn in another.
/// </summary>
public sealed class Segment
{
    private readonly SimWorld _world;
    private readonly ulong _seed;
    private readonly List<SimPort> _ports = new();
    private Direction[,] _directions = new Direction[0, 0];

    internal Segment(SimWorld world, string name, LinkParameters defaults, ulong seed)
    {
        _world = world;
        Name = name;
        Defaults = defaults;
        _seed = seed;
    }

    public string Name { get; }
    public LinkParameters Defaults { get; }
    public IReadOnlyList<SimPort> Ports => _ports;

    public long FramesLost { get; private set; }
    public long FramesDelivered { get; private set; }

    /// <summary>Attaches a new port delivering to <paramref name="receiver"/>.</summary>
    public SimPort Attach(string name, IPacketReceiver receiver)
    {
        var port = new SimPort(_world, this, _ports.Count, name, receiver);
        _ports.Add(port);
        int n = _ports.Count;
        var d = new Direction[n, n];
        for (int i = 0; i < n - 1; i++)
            for (int j = 0; j < n - 1; j++)
                d[i, j] = _directions[i, j];
        for (int i = 0; i < n; i++)
        {
            d[i, n - 1] ??= new Direction(Defaults, new SimRandom(SimRandom.DeriveSeed(_seed, (ulong)(i * 1000 + n - 1))));
            d[n - 1, i] ??= new Direction(Defaults, new SimRandom(SimRandom.DeriveSeed(_seed, (ulong)((n - 1) * 1000 + i))));
        }
        _directions = d;
        return port;
    }

    /// <summary>Sets the behaviour of the direction <paramref name="from"/> → <paramref name="to"/>.</summary>
    public void SetDirection(SimPort from, SimPort to, LinkParameters parameters)
    {
        if (from.Segment != this || to.Segment != this) throw new ArgumentException("port not on this segment");
        _directions[from.Index, to.Index].Parameters = parameters;
    }

    public LinkParameters GetDirection(SimPort from, SimPort to) => _directions[from.Index, to.Index].Parameters;

    /// <summary>Draws the fate of one frame in one direction: its delay, or -1 if it is lost.</summary>
    public long DrawDelay(SimPort from, SimPort to) => _directions[from.Index, to.Index].Draw(out _);

    internal void Transmit(SimPort from, ReadOnlySpan<byte> frame, ITransmitStamper? stamper, SimPort? destination, long now)
    {
        int stampedSlot = -1;
        if (stamper != null)
        {
            stampedSlot = _world.Packets.Rent(frame);
            stamper.OnTransmit(_world.Packets.Get(stampedSlot), now);
        }
        try
        {
            for (int i = 0; i < _ports.Count; i++)
            {
                var to = _ports[i];
                if (to == from || (destination != null && to != destination)) continue;
                long delay = _directions[from.Index, i].Draw(out long stampShift);
                if (delay < 0)
                {
                    FramesLost++;
                    continue;
                }
                FramesDelivered++;
                int slot = _world.Packets.Rent(stampedSlot >= 0 ? _world.Packets.Get(stampedSlot) : frame);
                _world.Packets.SetStampShift(slot, stampShift);
                _world.Scheduler.ScheduleAt(now + delay, to, SimPort.KindDeliver, slot, from.Index);
            }
        }
        finally
        {
            if (stampedSlot >= 0) _world.Packets.Return(stampedSlot);
        }
    }

    private sealed class Direction
    {
        private readonly SimRandom _random;

        public Direction(LinkParameters parameters, SimRandom random)
        {
            Parameters = parameters;
            _random = random;
        }

        public LinkParameters Parameters { get; set; }

        /// <param name="stampShift">How much earlier than the delivery the receive timestamp is taken (≤ 0;
        /// non-zero only with <see cref="LinkParameters.AcausalStamps"/>).</param>
        public long Draw(out long stampShift)
        {
            stampShift = 0;
            var p = Parameters;
            // Draw every random number in a fixed order whatever the outcome, so the stream stays aligned
            // from one message to the next (a lost frame does not shift the next frame's jitter).
            double lossU = _random.NextDouble();
            double jitter = p.JitterSigmaNs > 0 ? p.JitterSigmaNs * _random.NextGaussian() : 0;
            double tailU = _random.NextDouble();
            double tailExp = p.TailExponentialMeanNs > 0 ? _random.NextExponential(p.TailExponentialMeanNs) : 0;
            double reorderU = _random.NextDouble();
            if (lossU < p.LossProbability) return -1;
            double d = p.DelayNs + jitter;
            if (tailU < p.TailProbability) d += p.TailFixedNs + tailExp;
            if (reorderU < p.ReorderProbability) d += p.ReorderExtraNs;
            long delay = (long)Math.Round(d);
            if (delay >= p.MinDelayNs) return delay;
            if (p.AcausalStamps) stampShift = delay - p.MinDelayNs;
            return p.MinDelayNs;
        }
    }
}
