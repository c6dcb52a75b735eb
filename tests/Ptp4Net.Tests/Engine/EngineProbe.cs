using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Engine;

/// <summary>A servo that records what the engine feeds it and always answers LOCKED with 0 ppb.</summary>
internal sealed class RecordingServo : IClockServo
{
    public readonly List<(long Offset, long Local)> Samples = new();
    public ServoState Answer { get; set; } = ServoState.Locked;
    public (double FrequencyPpb, ServoState State) Sample(long offsetNs, long localTimeNs, double weight)
    {
        Samples.Add((offsetNs, localTimeNs));
        return (0, Answer);
    }
    public void SetSyncInterval(double seconds) => SyncInterval = seconds;
    public double SyncInterval { get; private set; } = 1;
    public void Reset() { }
}

/// <summary>One engine driven by hand: crafted messages in, actions recorded.</summary>
internal sealed class EngineProbe
{
    public static readonly ClockIdentity SelfId = new(0x0000_00FF_FE00_0002);
    public static readonly PortIdentity Master = new(new ClockIdentity(0x0000_00FF_FE00_0001), 1);
    public const long Second = 1_000_000_000;
    /// <summary>Local clock times used by tests are around this (1000 s) so that timestamps stay positive.</summary>
    public const long Base = 1_000 * Second;

    public readonly PtpClockEngine Engine;
    public readonly RecordingServo Servo = new();
    public readonly List<EngineAction> Last = new();
    public readonly List<byte[]> LastBytes = new();
    public long Now;

    public EngineProbe(ClockOptions? clock = null, PortOptions? port = null)
    {
        var co = (clock ?? new ClockOptions()) with { ClockIdentity = SelfId, ServoFactory = () => Servo };
        Engine = new PtpClockEngine(co, [port ?? new PortOptions { LogAnnounceInterval = 0, LogSyncInterval = -3 }], new SeededRandomSource(7));
        Record(Engine.Start(Now));
    }

    public PortIdentity PortId => Engine.GetPortDataSet(0).PortIdentity;

    public void Record(ReadOnlySpan<EngineAction> actions)
    {
        Last.Clear();
        LastBytes.Clear();
        foreach (ref readonly var a in actions)
        {
            Last.Add(a);
            LastBytes.Add(a.Message.ToArray());
        }
    }

    public void Rx(byte[] message, long rxLocalNs = 0, int address = -1)
    {
        Now += 1_000_000;
        Record(Engine.OnMessage(0, message, rxLocalNs == 0 ? default : PtpTimestamp.FromNanoseconds(rxLocalNs), Now, address));
    }

    public void Timer(TimerKind kind)
    {
        Now += 1_000_000;
        Record(Engine.OnTimer(0, kind, Now));
    }

    public void Tx(TxToken token, long txLocalNs)
    {
        Now += 1_000;
        Record(Engine.OnTxTimestamp(token, PtpTimestamp.FromNanoseconds(txLocalNs), Now));
    }

    /// <summary>Two announces from <see cref="Master"/>: qualified, selected, the port goes UNCALIBRATED.</summary>
    public void FollowMaster()
    {
        Rx(Msg.Announce(Master, 1, priority1: 1));
        Now += Second;
        Rx(Msg.Announce(Master, 2, priority1: 1));
        Assert.Equal(PortState.Uncalibrated, Engine.GetPortState(0));
    }

    public IEnumerable<EngineAction> Sends(byte type) =>
        Last.Where(a => a.Kind is ActionKind.SendEvent or ActionKind.SendGeneral && a.MessageType == type);

    public byte[] SentBytes(byte type)
    {
        for (int i = 0; i < Last.Count; i++)
            if (Last[i].Kind is ActionKind.SendEvent or ActionKind.SendGeneral && Last[i].MessageType == type) return LastBytes[i];
        throw new Xunit.Sdk.XunitException($"no message of type {type} sent; actions: {string.Join("; ", Last)}");
    }
}
