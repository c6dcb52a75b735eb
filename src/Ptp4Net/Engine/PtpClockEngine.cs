using Ptp4Net.Bmca;
using Ptp4Net.DataSets;
using Ptp4Net.Engine.Wire;
using Ptp4Net.Identity;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Engine;

/// <summary>
/// One PTP clock (IEEE 1588-2019) with one port (ordinary clock) or several (boundary clock), sans-IO: it reads no
/// clock, opens no socket and owns no thread. The host feeds it inputs, each carrying its own time, and carries out
/// the actions it returns.
///
/// <para><b>Inputs</b> (each returns the actions it produced; the same span is also <see cref="Actions"/>):
/// <see cref="Start"/> once; <see cref="OnMessage"/> for every received PTP message; <see cref="OnTxTimestamp"/>
/// (or <see cref="OnTxTimestampLost"/>) for every <see cref="ActionKind.SendEvent"/> that carried a valid
/// <see cref="TxToken"/>; <see cref="OnTimer"/> when a timer the engine armed expires; <see cref="OnLinkChanged"/>;
/// <see cref="OnManagement"/> for management requests (pmc over UDS or the network).</para>
///
/// <para><b>Times</b>: <c>monotonicNs</c> is the host's monotonic clock (CLOCK_MONOTONIC or simulated time); it
/// drives timers and foreign-master ageing only. Timestamps (RX/TX) are on the local PTP clock (the PHC or the
/// simulated clock the engine steers), as <see cref="PtpTimestamp"/>.</para>
///
/// <para><b>Actions</b> live in a preallocated buffer and message bytes in per-port preallocated arenas: both are
/// valid until the next input call. Apply clock actions (<see cref="ActionKind.StepClock"/>,
/// <see cref="ActionKind.SetFrequency"/>) before the next input. Not thread-safe: call from one thread.</para>
/// </summary>
public sealed partial class PtpClockEngine
{
    private const int MaxPendingTx = 64;

    private readonly ClockOptions _options;
    private readonly EnginePort[] _ports;
    private readonly ActionBuffer _actions = new();
    private readonly IRandomSource _random;
    private readonly IClockServo _servo;
    private readonly PendingTx[] _pendingTx = new PendingTx[MaxPendingTx];
    private uint _nextToken;
    private long _now;
    private bool _started;
    private bool _statePending;

    /// <summary>Creates the clock. Throws on invalid options (set-up time only).</summary>
    /// <param name="clock">Clock-wide options.</param>
    /// <param name="ports">One entry per port; port numbers are index + 1.</param>
    /// <param name="random">Seeded randomness for timer spreads; null uses <see cref="SeededRandomSource"/> seeded
    /// from the clock identity (deterministic).</param>
    public PtpClockEngine(ClockOptions clock, IReadOnlyList<PortOptions> ports, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(ports);
        if (ports.Count < 1 || ports.Count > 1024) throw new ArgumentException("a clock has 1..1024 ports", nameof(ports));
        _options = clock;
        _random = random ?? new SeededRandomSource(clock.ClockIdentity.Value ^ 0x5DEECE66DUL);
        _servo = clock.ServoFactory?.Invoke() ?? SupervisedServo.Create(clock.Servo ?? new Ptp4Net.Servo.ServoOptions());

        DefaultDataSet = new DefaultDataSet
        {
            ClockIdentity = clock.ClockIdentity,
            NumberPorts = (ushort)ports.Count,
            TwoStepFlag = clock.TwoStepFlag,
            Priority1 = clock.Priority1,
            Priority2 = clock.Priority2,
            DomainNumber = clock.DomainNumber,
            SlaveOnly = clock.SlaveOnly,
            // 9.2.2.2 / ptp4l: a slave-only clock announces class 255.
            ClockQuality = new ClockQuality(clock.SlaveOnly ? (byte)255 : clock.ClockClass, clock.ClockAccuracy, clock.OffsetScaledLogVariance),
            LocalPriority = clock.LocalPriority,
        };
        _ports = new EnginePort[ports.Count];
        for (int i = 0; i < ports.Count; i++)
        {
            var po = ports[i] ?? throw new ArgumentException("null port options", nameof(ports));
            if (po.DelayFilterLength < 1) throw new ArgumentException("delay_filter_length must be at least 1", nameof(ports));
            _ports[i] = new EnginePort(i, po, clock.ClockIdentity, clock.ForeignMasterCapacity, clock.SlaveOnly);
        }
        _gmUtcOffset = clock.UtcOffset;
        _gmTimeSource = clock.TimeSource;
        BecomeGrandmasterDataSets();
        _isGrandmaster = false; // so that the first M1/M2 decision logs "assuming the grand master role"
    }

    /// <summary>The actions produced by the last input.</summary>
    public ActionBuffer Actions => _actions;
    public ClockOptions Options => _options;
    public int PortCount => _ports.Length;
    public DefaultDataSet DefaultDataSet { get; }
    public CurrentDataSet CurrentDataSet { get; } = new();
    public ParentDataSet ParentDataSet { get; } = new();
    public TimePropertiesDataSet TimePropertiesDataSet { get; } = new();
    public EngineCounters Counters { get; } = new();

    /// <summary>The last servo state (s0..s3) and offset, for TIME_STATUS_NP and tests.</summary>
    public ServoState ServoState { get; private set; }
    public long LastOffsetNs { get; private set; }
    public double LastFrequencyPpb { get; private set; }
    /// <summary>Port index of the port in SLAVE/UNCALIBRATED towards the grandmaster, or −1.</summary>
    public int SlavePortIndex { get; private set; } = -1;

    public PortState GetPortState(int port) => _ports[port].State;
    public PortDataSet GetPortDataSet(int port) => _ports[port].Ds;
    public PortCounters GetPortCounters(int port) => _ports[port].Counters;
    public PortOptions GetPortOptions(int port) => _ports[port].Options;
    /// <summary>ptp4l's log prefix of a port: "port 1 (eth0)".</summary>
    public string GetPortLogName(int port) => _ports[port].LogName;
    /// <summary>The current path delay used for offsets on a port: the filtered E2E delay or the peer delay.</summary>
    public long GetPathDelayNs(int port) => _ports[port].IsP2P ? _ports[port].PeerDelayNs : _ports[port].MeanDelayNs;
    public double GetNeighborRateRatio(int port) => _ports[port].NeighborRateRatio;
    public int GetForeignMasterCount(int port) => _ports[port].Foreign.Count;

    // ------------------------------------------------------------------ inputs

    /// <summary>Powers the ports up: INITIALIZING → LISTENING, arms the announce receipt (and Pdelay) timers.</summary>
    public ReadOnlySpan<EngineAction> Start(long monotonicNs)
    {
        Begin(monotonicNs);
        if (!_started)
        {
            _started = true;
            foreach (var p in _ports) Initialize(p, PortEvent.InitComplete, PortState.Initializing);
        }
        return End();
    }

    /// <summary>
    /// A received PTP message. <paramref name="rxTimestamp"/> is the receive timestamp on the local PTP clock (needed
    /// for event messages; pass <c>default</c> for general ones). <paramref name="sourceAddress"/> identifies the
    /// sender's address in the host's terms so that unicast replies can go back (−1: unknown/multicast only).
    /// Malformed or unwanted messages are counted per reason (<see cref="GetPortCounters"/>), never thrown.
    /// </summary>
    public ReadOnlySpan<EngineAction> OnMessage(int port, ReadOnlySpan<byte> message, PtpTimestamp rxTimestamp,
        long monotonicNs, int sourceAddress = -1)
    {
        Begin(monotonicNs);
        if ((uint)port >= (uint)_ports.Length)
        {
            Counters.BadPortIndex++;
            return End();
        }
        var p = _ports[port];
        if (Validate(p, message, out byte type))
        {
            p.Counters.RxByType[type]++;
            long rxNs = rxTimestamp.IsZero ? 0 : EnginePort.Ns(rxTimestamp) - p.Options.IngressLatencyNs;
            if (rxNs != 0 && !_options.FreeRunning && _servo.CheckClockSanity(rxNs, monotonicNs))
            {
                // ptp4l clock_check_ts: the clock ran away from the monotonic clock; the servo starts over.
                ServoState = ServoState.Unlocked;
                Log(-1, new LogEvent(LogKind.ServoReset));
            }
            Receive(p, type, message, rxNs, sourceAddress);
        }
        return End();
    }

    /// <summary>The transmit timestamp (local PTP clock) of the event message sent with <paramref name="token"/>.</summary>
    public ReadOnlySpan<EngineAction> OnTxTimestamp(TxToken token, PtpTimestamp txTimestamp, long monotonicNs)
    {
        Begin(monotonicNs);
        if (TakePendingTx(token, out var pending))
        {
            var p = _ports[pending.Port];
            long txNs = EnginePort.Ns(txTimestamp) + p.Options.EgressLatencyNs;
            TxTimestamp(p, pending, txNs);
        }
        return End();
    }

    /// <summary>The host gave up waiting for the TX timestamp of <paramref name="token"/> (ptp4l's
    /// tx_timestamp_timeout). As ptp4l, the port goes FAULTY.</summary>
    public ReadOnlySpan<EngineAction> OnTxTimestampLost(TxToken token, long monotonicNs)
    {
        Begin(monotonicNs);
        if (TakePendingTx(token, out var pending)) Fault(_ports[pending.Port], FaultReason.TxTimestampLost);
        return End();
    }

    /// <summary>Timer (<paramref name="port"/>, <paramref name="kind"/>) expired.</summary>
    public ReadOnlySpan<EngineAction> OnTimer(int port, TimerKind kind, long monotonicNs)
    {
        Begin(monotonicNs);
        if ((uint)port >= (uint)_ports.Length)
        {
            Counters.BadPortIndex++;
            return End();
        }
        var p = _ports[port];
        if (!p.TimerArmed[(int)kind])
        {
            Counters.StaleTimers++;
            return End();
        }
        p.TimerArmed[(int)kind] = false;
        Timer(p, kind);
        return End();
    }

    /// <summary>Link state of a port changed. Down: FAULTY (FAULT_DETECTED). Up: FAULT_CLEARED, re-initialising.</summary>
    public ReadOnlySpan<EngineAction> OnLinkChanged(int port, bool up, long monotonicNs)
    {
        Begin(monotonicNs);
        if ((uint)port >= (uint)_ports.Length)
        {
            Counters.BadPortIndex++;
            return End();
        }
        var p = _ports[port];
        if (p.LinkUp != up)
        {
            p.LinkUp = up;
            if (!up) Fault(p, FaultReason.LinkDown);
            else
            {
                Log(p.Index, new LogEvent(LogKind.Fault, PortIdentity: p.Ds.PortIdentity, Fault: FaultReason.LinkUp));
                if (p.State == PortState.Faulty) Dispatch(p, PortEvent.FaultCleared, false);
            }
        }
        return End();
    }

    // ------------------------------------------------------------------ plumbing

    private void Begin(long now)
    {
        _actions.Clear();
        foreach (var p in _ports) p.ArenaUsed = 0;
        _now = now;
    }

    private ReadOnlySpan<EngineAction> End()
    {
        if (_statePending)
        {
            _statePending = false;
            StateDecisionEvent();
        }
        return _actions.Span;
    }

    private bool Validate(EnginePort p, ReadOnlySpan<byte> m, out byte type)
    {
        type = 0;
        if (m.Length < PtpWire.HeaderLength) return Drop(p, RxDropReason.TooShort);
        type = PtpWire.MessageType(m);
        if (PtpWire.VersionPtp(m) != 2) return Drop(p, RxDropReason.BadVersion);
        int declared = PtpWire.MessageLength(m);
        int min = PtpWire.MinimumLength(type);
        if (min == 0) return Drop(p, RxDropReason.UnknownType);
        if (declared > m.Length || declared < min) return Drop(p, RxDropReason.BadLength);
        if (PtpWire.Domain(m) != DefaultDataSet.DomainNumber) return Drop(p, RxDropReason.WrongDomain);
        if (type != PtpWire.Management && PtpWire.MajorSdoId(m) != p.Options.TransportSpecific)
            return Drop(p, RxDropReason.WrongTransportSpecific);
        if (type != PtpWire.Management && PtpWire.SourcePortIdentity(m).ClockIdentity == DefaultDataSet.ClockIdentity)
            return Drop(p, RxDropReason.FromOwnClock);
        return true;
    }

    private static bool Drop(EnginePort p, RxDropReason reason)
    {
        p.Counters.Drops[(int)reason]++;
        return false;
    }

    private void Receive(EnginePort p, byte type, ReadOnlySpan<byte> m, long rxNs, int address)
    {
        if (p.State is PortState.Initializing or PortState.Faulty or PortState.Disabled)
        {
            Drop(p, RxDropReason.NotForThisState);
            return;
        }
        switch (type)
        {
            case PtpWire.Announce: ReceiveAnnounce(p, m); break;
            case PtpWire.Sync: ReceiveSync(p, m, rxNs, address); break;
            case PtpWire.FollowUp: ReceiveFollowUp(p, m); break;
            case PtpWire.DelayReq: ReceiveDelayReq(p, m, rxNs, address); break;
            case PtpWire.DelayResp: ReceiveDelayResp(p, m); break;
            case PtpWire.PdelayReq: ReceivePdelayReq(p, m, rxNs, address); break;
            case PtpWire.PdelayResp: ReceivePdelayResp(p, m, rxNs); break;
            case PtpWire.PdelayRespFollowUp: ReceivePdelayRespFollowUp(p, m); break;
            case PtpWire.Management: ReceiveNetworkManagement(p, m, address); break;
            default: Drop(p, RxDropReason.UnknownType); break;
        }
    }

    private void Timer(EnginePort p, TimerKind kind)
    {
        switch (kind)
        {
            case TimerKind.AnnounceReceipt:
            case TimerKind.SyncReceipt:
                ReceiptTimeout(p, kind);
                break;
            case TimerKind.Qualification:
                Dispatch(p, PortEvent.QualificationTimeoutExpires, false);
                break;
            case TimerKind.AnnounceTransmit:
                SendAnnounce(p);
                break;
            case TimerKind.SyncTransmit:
                SendSync(p);
                break;
            case TimerKind.DelayRequest:
                if (p.IsP2P) SendPdelayReq(p);
                else SendDelayReq(p);
                break;
            case TimerKind.FaultReset:
                if (p.State == PortState.Faulty && p.LinkUp) Dispatch(p, PortEvent.FaultCleared, false);
                break;
        }
    }

    /// <summary>Reserves <paramref name="length"/> bytes in the port's arena for an outgoing message.</summary>
    private Span<byte> Rent(EnginePort p, int length, out ReadOnlyMemory<byte> memory)
    {
        if (p.ArenaUsed + length > p.Arena.Length)
        {
            Counters.ArenaExhausted++;
            memory = default;
            return default;
        }
        memory = new ReadOnlyMemory<byte>(p.Arena, p.ArenaUsed, length);
        var span = p.Arena.AsSpan(p.ArenaUsed, length);
        p.ArenaUsed += length;
        return span;
    }

    private void EmitSend(EnginePort p, bool isEvent, byte type, ReadOnlyMemory<byte> message, SendDestination dest,
        int address, TxToken token = default, bool oneStep = false)
    {
        p.Counters.TxByType[type]++;
        _actions.Add(new EngineAction
        {
            Kind = isEvent ? ActionKind.SendEvent : ActionKind.SendGeneral,
            Port = p.Index,
            Message = message,
            MessageType = type,
            Destination = dest,
            Address = address,
            TxToken = token,
            OneStep = oneStep,
        });
    }

    private void Arm(EnginePort p, TimerKind kind, long durationNs)
    {
        p.TimerArmed[(int)kind] = true;
        _actions.Add(new EngineAction { Kind = ActionKind.ArmTimer, Port = p.Index, Timer = kind, DurationNs = Math.Max(1, durationNs) });
    }

    private void Cancel(EnginePort p, TimerKind kind)
    {
        if (!p.TimerArmed[(int)kind]) return;
        p.TimerArmed[(int)kind] = false;
        _actions.Add(new EngineAction { Kind = ActionKind.CancelTimer, Port = p.Index, Timer = kind });
    }

    private void Log(int port, in LogEvent e) =>
        _actions.Add(new EngineAction { Kind = ActionKind.Log, Port = port, Log = e });

    private static long Interval(sbyte log2) => Duration.FromLog2Seconds(Math.Clamp((int)log2, -30, 30)).Nanoseconds;

    // ------------------------------------------------------------------ TX tokens

    private struct PendingTx
    {
        public uint Token;
        public int Port;
        public byte Type;
        public ushort Sequence;
        public PortIdentity Requester;
        public long Correction;
        public int Address;
        public bool Unicast;
    }

    private TxToken IssueToken(EnginePort p, byte type, ushort seq, PortIdentity requester = default, long correction = 0,
        int address = -1, bool unicast = false)
    {
        int slot = -1;
        for (int i = 0; i < _pendingTx.Length; i++)
        {
            if (_pendingTx[i].Token == 0) { slot = i; break; }
        }
        if (slot < 0)
        {
            // Every slot holds a token the host never answered: forget the oldest (lowest token value).
            slot = 0;
            for (int i = 1; i < _pendingTx.Length; i++)
                if (unchecked((int)(_pendingTx[i].Token - _pendingTx[slot].Token)) < 0) slot = i;
            Counters.ExpiredTxTokens++;
        }
        if (++_nextToken == 0) _nextToken = 1;
        _pendingTx[slot] = new PendingTx
        {
            Token = _nextToken, Port = p.Index, Type = type, Sequence = seq, Requester = requester,
            Correction = correction, Address = address, Unicast = unicast,
        };
        return new TxToken(_nextToken);
    }

    private bool TakePendingTx(TxToken token, out PendingTx pending)
    {
        if (token.IsValid)
        {
            for (int i = 0; i < _pendingTx.Length; i++)
            {
                if (_pendingTx[i].Token != token.Value) continue;
                pending = _pendingTx[i];
                _pendingTx[i] = default;
                return true;
            }
        }
        Counters.UnknownTxTokens++;
        pending = default;
        return false;
    }

    private void TxTimestamp(EnginePort p, in PendingTx t, long txNs)
    {
        switch (t.Type)
        {
            case PtpWire.Sync: SendFollowUp(p, t.Sequence, txNs); break;
            case PtpWire.DelayReq: DelayReqSent(p, t.Sequence, txNs); break;
            case PtpWire.PdelayReq: PdelayReqSent(p, t.Sequence, txNs); break;
            case PtpWire.PdelayResp: SendPdelayRespFollowUp(p, t, txNs); break;
        }
    }
}
