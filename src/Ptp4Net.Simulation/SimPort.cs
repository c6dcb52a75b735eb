namespace Ptp4Net.Simulation;

/// <summary>
/// A network port of a simulated node, attached to one <see cref="Segment"/>. Sending copies the frame to
/// every other port of the segment, each copy with its own delay, loss and reordering draw.
/// </summary>
public sealed class SimPort : ISimEventTarget
{
    internal const int KindDeliver = 1;

    private readonly SimWorld _world;

    internal SimPort(SimWorld world, Segment segment, int index, string name, IPacketReceiver receiver)
    {
        _world = world;
        Segment = segment;
        Index = index;
        Name = name;
        Receiver = receiver;
    }

    public Segment Segment { get; }
    /// <summary>Position on the segment.</summary>
    public int Index { get; }
    public string Name { get; }
    public IPacketReceiver Receiver { get; }

    /// <summary>Link state: a port that is down neither sends nor receives.</summary>
    public bool IsUp { get; set; } = true;

    public long FramesSent { get; private set; }
    public long FramesReceived { get; private set; }

    /// <summary>
    /// Transmits a frame now to every other port of the segment, or only to <paramref name="destination"/>
    /// (unicast) when given; returns the true transmission time. A <paramref name="stamper"/>, if given,
    /// rewrites the frame with the transmission time first (one-step).
    /// </summary>
    public long Send(ReadOnlySpan<byte> frame, ITransmitStamper? stamper = null, SimPort? destination = null)
    {
        long now = _world.Scheduler.Now;
        if (!IsUp) return now;
        FramesSent++;
        Segment.Transmit(this, frame, stamper, destination, now);
        return now;
    }

    void ISimEventTarget.OnEvent(in SimEvent e)
    {
        if (e.Kind != KindDeliver) return;
        int slot = e.Arg;
        try
        {
            if (IsUp)
            {
                FramesReceived++;
                Receiver.OnPacket(this, Segment.Ports[(int)e.Data], _world.Packets.Get(slot), e.Time + _world.Packets.GetStampShift(slot));
            }
        }
        finally
        {
            _world.Packets.Return(slot);
        }
    }

    public override string ToString() => Name;
}
