namespace Ptp4Net.Simulation;

/// <summary>
/// One scheduled event. A struct holding a reference to an existing target plus small integer arguments,
/// so scheduling allocates nothing; payloads (packets) live in the <see cref="PacketPool"/> and travel as a
/// slot number.
/// </summary>
public readonly struct SimEvent
{
    public SimEvent(long time, long sequence, ISimEventTarget target, int kind, int arg, long data)
    {
        Time = time;
        Sequence = sequence;
        Target = target;
        Kind = kind;
        Arg = arg;
        Data = data;
    }

    /// <summary>Virtual (true) time in nanoseconds at which the event fires.</summary>
    public long Time { get; }
    /// <summary>Insertion order: breaks ties between equal times so runs are deterministic.</summary>
    public long Sequence { get; }
    public ISimEventTarget Target { get; }
    /// <summary>What the target should do; meaning private to the target.</summary>
    public int Kind { get; }
    public int Arg { get; }
    public long Data { get; }

    internal bool Precedes(in SimEvent other) =>
        Time < other.Time || (Time == other.Time && Sequence < other.Sequence);
}

/// <summary>Receives events from the <see cref="EventScheduler"/>.</summary>
public interface ISimEventTarget
{
    void OnEvent(in SimEvent e);
}
