using System.Globalization;
using Ptp4Net.Engine;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Simulation;

/// <summary>
/// A simulated PTP clock: one <see cref="PtpClockEngine"/> (the same code the daemon runs), its
/// <see cref="SimClock"/>, its timers fired in virtual time and its ports attached to segments.
/// <list type="bullet">
/// <item>RX timestamps: the receiving clock's <see cref="SimClock.Timestamp"/> at the true arrival time
/// (granularity and noise included), for event messages only.</item>
/// <item>TX timestamps: taken at the true transmission time and handed back through the engine's TX token
/// after <see cref="TxTimestampLatencyNs"/> (as the kernel's error queue would).</item>
/// <item>One-step: the "NIC" writes the transmission time into originTimestamp on the way out.</item>
/// <item>Clock actions (step, frequency, phase) are applied to the <see cref="SimClock"/> at once.</item>
/// <item>Timers use the engine's monotonic durations in true virtual time (the host's CLOCK_MONOTONIC is
/// taken as ideal).</item>
/// </list>
/// </summary>
public sealed class SimNode : ISimEventTarget, IPacketReceiver, ITransmitStamper
{
    private const int KindStart = 1, KindTimer = 2, KindTxStamp = 3;
    private const int TimerKinds = 8;
    // IEEE 1588-2019 Table 35/44: messageType in the low nibble of octet 0; originTimestamp at octet 34.
    private const int OffOriginTimestamp = 34;

    private readonly SimWorld _world;
    private readonly SimPort?[] _ports;
    private readonly long[] _timerGeneration;
    private readonly List<StateChange> _stateChanges = new();
    private readonly SimRandom _timerRandom;

    public SimNode(SimWorld world, string name, SimClock clock, ClockOptions options, IReadOnlyList<PortOptions> ports)
    {
        _world = world;
        _timerRandom = new SimRandom(world.NextSeed());
        Name = name;
        Clock = clock;
        Engine = new PtpClockEngine(options, ports, new SeededRandomSource(world.NextSeed()));
        _ports = new SimPort?[ports.Count];
        _timerGeneration = new long[ports.Count * TimerKinds];
    }

    public string Name { get; }
    public PtpClockEngine Engine { get; }
    public SimClock Clock { get; }
    public IReadOnlyList<SimPort?> Ports => _ports;

    /// <summary>
    /// Delay between a transmission and the delivery of its TX timestamp to the engine. 0 by default: ptp4l
    /// blocks for the TX timestamp right after sending, so it always has it before any reply can arrive.
    /// Larger values let a reply overtake the timestamp (a harder case for the engine).
    /// </summary>
    public long TxTimestampLatencyNs { get; set; }

    /// <summary>
    /// Wake-up latency of the host's timers: each expiry is late by a uniform draw in [0, this). A real host
    /// never transmits at an exact multiple of the sync interval; without it every Sync would leave at the same
    /// phase of an 8 ns timestamp grid and the flooring error of t1 would be a constant bias instead of noise.
    /// </summary>
    public long TimerJitterNs { get; set; } = 1_000;

    /// <summary>Receives ptp4l-style log lines ("ptp4l[12.345]: ..."), or null for silence (fast runs).</summary>
    public Action<SimNode, string>? LogSink { get; set; }

    /// <summary>Called after every servo sample with (offset ns, state, path delay ns), for tests.</summary>
    public Action<SimNode, LogEvent>? ServoSampleObserver { get; set; }

    /// <summary>Sees every frame the node sends (<c>tx</c> true, with its TX timestamp when one was taken, else 0)
    /// or receives (with its RX timestamp, 0 for general messages), for traces and tests.</summary>
    public FrameObserver? Frames { get; set; }

    public delegate void FrameObserver(SimNode node, int port, bool tx, ReadOnlySpan<byte> frame, long localTimestampNs);

    /// <summary>Every port state change, in order (true time, port index, old, new, event).</summary>
    public IReadOnlyList<StateChange> StateChanges => _stateChanges;

    /// <summary>A powered-off node neither sends, receives nor runs timers.</summary>
    public bool IsPoweredOn { get; private set; } = true;

    /// <summary>False until the engine has been started: frames arriving before are not seen (the node is
    /// not there yet, e.g. a grandmaster that appears later).</summary>
    public bool IsStarted { get; private set; }

    public readonly record struct StateChange(long Time, int Port, PortState Old, PortState New, PortEvent Event);

    /// <summary>Attaches engine port <paramref name="portIndex"/> to <paramref name="segment"/>.</summary>
    public SimPort Attach(int portIndex, Segment segment)
    {
        if (_ports[portIndex] != null) throw new InvalidOperationException($"{Name}: port {portIndex} already attached");
        var p = segment.Attach($"{Name}/p{portIndex + 1}", this);
        _ports[portIndex] = p;
        return p;
    }

    /// <summary>Starts the engine at absolute true time <paramref name="at"/>.</summary>
    public void StartAt(long at) => _world.Scheduler.ScheduleAt(at, this, KindStart);

    /// <summary>Powers the node off now (a grandmaster going silent): links down, timers ignored.</summary>
    public void PowerOff()
    {
        IsPoweredOn = false;
        foreach (var p in _ports) if (p != null) p.IsUp = false;
    }

    /// <summary>Schedules <see cref="PowerOff"/> at true time <paramref name="at"/>.</summary>
    public void PowerOffAt(long at) => _world.Scheduler.ScheduleAt(at, new Deferred(PowerOff), 0);

    private sealed class Deferred(Action action) : ISimEventTarget
    {
        public void OnEvent(in SimEvent e) => action();
    }

    void ISimEventTarget.OnEvent(in SimEvent e)
    {
        if (!IsPoweredOn) return;
        long now = e.Time;
        switch (e.Kind)
        {
            case KindStart:
                IsStarted = true;
                Apply(Engine.Start(now));
                break;
            case KindTimer:
                if (_timerGeneration[e.Arg] != e.Data) return; // re-armed or cancelled since
                Apply(Engine.OnTimer(e.Arg / TimerKinds, (TimerKind)(e.Arg % TimerKinds), now));
                break;
            case KindTxStamp:
                Apply(Engine.OnTxTimestamp(TokenFrom(e.Arg), PtpTimestamp.FromNanoseconds(e.Data), now));
                break;
        }
    }

    void IPacketReceiver.OnPacket(SimPort port, SimPort source, ReadOnlySpan<byte> packet, long trueArrivalTime)
    {
        if (!IsPoweredOn || !IsStarted) return;
        int index = Array.IndexOf(_ports, port);
        bool isEvent = packet.Length > 0 && (packet[0] & 0x0F) < 8;
        var rx = isEvent ? PtpTimestamp.FromNanoseconds(Clock.Timestamp(trueArrivalTime)) : default;
        Frames?.Invoke(this, index, false, packet, isEvent ? rx.ToNanosecondsInt64() : 0);
        Apply(Engine.OnMessage(index, packet, rx, _world.Now, source.Index));
    }

    void ITransmitStamper.OnTransmit(Span<byte> frame, long trueTxTime)
    {
        if (frame.Length >= OffOriginTimestamp + PtpTimestamp.WireSize)
            PtpTimestamp.FromNanoseconds(Clock.Timestamp(trueTxTime)).Write(frame[OffOriginTimestamp..]);
    }

    private void Apply(ReadOnlySpan<EngineAction> actions)
    {
        long now = _world.Now;
        for (int i = 0; i < actions.Length; i++)
        {
            ref readonly var a = ref actions[i];
            switch (a.Kind)
            {
                case ActionKind.SendEvent:
                case ActionKind.SendGeneral:
                {
                    var port = _ports[a.Port];
                    if (port == null) break;
                    SimPort? dest = a.Destination == SendDestination.Unicast && a.Address >= 0 && a.Address < port.Segment.Ports.Count
                        ? port.Segment.Ports[a.Address] : null;
                    long t = port.Send(a.Message.Span, a.OneStep ? this : null, dest);
                    long txStamp = 0;
                    if (a.Kind == ActionKind.SendEvent && a.TxToken.IsValid)
                    {
                        txStamp = Clock.Timestamp(t);
                        _world.Scheduler.ScheduleAt(t + TxTimestampLatencyNs, this, KindTxStamp, TokenArg(a.TxToken), txStamp);
                    }
                    Frames?.Invoke(this, a.Port, true, a.Message.Span, txStamp);
                    break;
                }
                case ActionKind.ArmTimer:
                {
                    int slot = a.Port * TimerKinds + (int)a.Timer;
                    long gen = ++_timerGeneration[slot];
                    long late = TimerJitterNs > 0 ? _timerRandom.NextInt64(TimerJitterNs) : 0;
                    _world.Scheduler.ScheduleAt(now + a.DurationNs + late, this, KindTimer, slot, gen);
                    break;
                }
                case ActionKind.CancelTimer:
                    ++_timerGeneration[a.Port * TimerKinds + (int)a.Timer];
                    break;
                case ActionKind.StepClock:
                    Clock.Step(now, a.StepNs);
                    break;
                case ActionKind.SetFrequency:
                    Clock.AdjustFrequency(now, a.FrequencyPpb);
                    break;
                case ActionKind.AdjustPhase:
                    Clock.AdjustPhase(now, a.StepNs);
                    break;
                case ActionKind.PortStateChanged:
                    _stateChanges.Add(new StateChange(now, a.Port, a.OldState, a.NewState, a.Event));
                    EmitLog(a);
                    break;
                case ActionKind.Log:
                    if (a.Log.Kind == LogKind.ServoSample) ServoSampleObserver?.Invoke(this, a.Log);
                    EmitLog(a);
                    break;
            }
        }
    }

    private void EmitLog(in EngineAction a)
    {
        if (LogSink == null) return;
        var text = LogText.Format(a, Engine);
        if (text == null) return;
        LogSink(this, string.Create(CultureInfo.InvariantCulture, $"ptp4l[{_world.Now / 1e9:0.000}]: {text}"));
    }

    // TX tokens cannot be rebuilt from their value (by design: single use), so the token itself waits in a
    // small table and the event carries its slot.
    private TxToken[] _tokens = new TxToken[16];
    private int[] _freeTokenSlots = Enumerable.Range(0, 16).Reverse().ToArray();
    private int _freeTokens = 16;

    private int TokenArg(TxToken token)
    {
        if (_freeTokens == 0)
        {
            int old = _tokens.Length;
            Array.Resize(ref _tokens, old * 2);
            Array.Resize(ref _freeTokenSlots, old * 2);
            for (int i = old * 2 - 1; i >= old; i--) _freeTokenSlots[_freeTokens++] = i;
        }
        int slot = _freeTokenSlots[--_freeTokens];
        _tokens[slot] = token;
        return slot;
    }

    private TxToken TokenFrom(int slot)
    {
        var t = _tokens[slot];
        _tokens[slot] = default;
        _freeTokenSlots[_freeTokens++] = slot;
        return t;
    }

    /// <summary>Last port state of engine port <paramref name="port"/>.</summary>
    public PortState State(int port = 0) => Engine.GetPortState(port);

    public override string ToString() => Name;
}
