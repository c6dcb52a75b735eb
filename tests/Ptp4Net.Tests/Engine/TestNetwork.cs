using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Engine;

/// <summary>
/// A trivial in-test message pump: engines, each with a free-running clock (base frequency error plus the engine's
/// frequency adjustment), links between ports with a fixed one-way delay per direction, and one-shot timers in
/// virtual nanoseconds. Deterministic; no simulator project needed.
/// </summary>
internal sealed class TestNetwork
{
    public sealed class Node
    {
        public required PtpClockEngine Engine;
        public double BasePpb;
        public double AdjPpb;
        public double LocalAtRebase;
        public long TrueAtRebase;
        public readonly List<string> Log = new();
        public readonly List<(long True, long Offset, ServoState State)> Samples = new();
        public readonly Dictionary<(int, TimerKind), (long Due, long Gen)> Timers = new();
        public int Steps;
        public bool DropTxTimestamps { get; set; }

        public long LocalNs(long trueNs) => (long)(LocalAtRebase + (trueNs - TrueAtRebase) * (1 + (BasePpb + AdjPpb) * 1e-9));

        public void Rebase(long trueNs)
        {
            LocalAtRebase = LocalNs(trueNs);
            TrueAtRebase = trueNs;
        }
    }

    private readonly List<Node> _nodes = new();
    private readonly Dictionary<(int Node, int Port), List<(int Node, int Port, long DelayNs)>> _links = new();
    private readonly PriorityQueue<Action, (long, long)> _queue = new();
    private long _order;
    private long _gen;
    public long Now { get; private set; }
    /// <summary>Optional filter deciding whether a message is delivered (loss, tampering): (from node, bytes) → deliver.</summary>
    public Func<int, byte[], bool>? Deliver { get; set; }
    /// <summary>Called after a node applied a StepClock: (node).</summary>
    public Action<int>? AfterStep { get; set; }
    /// <summary>Sees every message sent: (node, port, bytes).</summary>
    public Action<int, int, byte[]>? OnSend { get; set; }
    /// <summary>Extra delay for a message (reordering tests).</summary>
    public Func<int, byte[], long>? ExtraDelay { get; set; }

    public IReadOnlyList<Node> Nodes => _nodes;

    public int Add(ClockOptions clock, PortOptions[] ports, double basePpb, long initialOffsetNs, ulong seed = 1)
    {
        var n = new Node
        {
            Engine = new PtpClockEngine(clock, ports, new SeededRandomSource(seed)),
            BasePpb = basePpb,
            LocalAtRebase = 1_000_000_000_000 + initialOffsetNs,
        };
        _nodes.Add(n);
        return _nodes.Count - 1;
    }

    /// <summary>Links two ports; calling it for several pairs on one port makes a shared segment (a hub).</summary>
    public void Connect(int a, int portA, int b, int portB, long delayAtoB, long delayBtoA)
    {
        Peers(a, portA).Add((b, portB, delayAtoB));
        Peers(b, portB).Add((a, portA, delayBtoA));
    }

    private List<(int Node, int Port, long DelayNs)> Peers(int node, int port)
    {
        if (!_links.TryGetValue((node, port), out var list)) _links[(node, port)] = list = new();
        return list;
    }

    public void StartAll()
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            int idx = i;
            Schedule(0, () => Apply(idx, _nodes[idx].Engine.Start(Now)));
        }
    }

    public void RunUntil(long trueNs)
    {
        while (_queue.TryPeek(out _, out var key) && key.Item1 <= trueNs)
        {
            var a = _queue.Dequeue();
            Now = key.Item1;
            a();
        }
        Now = trueNs;
    }

    private void Schedule(long at, Action a) => _queue.Enqueue(a, (at, _order++));

    public static ClockIdentity Id(byte last) => new(0x001122FFFE334400UL | last);

    private void Apply(int ni, ReadOnlySpan<EngineAction> actions)
    {
        var node = _nodes[ni];
        // Copy: the actions and their bytes are valid only until the next engine call.
        var copy = new List<(EngineAction A, byte[] Bytes)>(actions.Length);
        foreach (ref readonly var a in actions) copy.Add((a, a.Message.ToArray()));
        foreach (var (a, bytes) in copy)
        {
            switch (a.Kind)
            {
                case ActionKind.SendEvent:
                case ActionKind.SendGeneral:
                    Send(ni, a, bytes);
                    break;
                case ActionKind.ArmTimer:
                {
                    long gen = ++_gen;
                    long due = Now + a.DurationNs;
                    node.Timers[(a.Port, a.Timer)] = (due, gen);
                    var key = (a.Port, a.Timer);
                    Schedule(due, () =>
                    {
                        if (node.Timers.TryGetValue(key, out var t) && t.Gen == gen)
                        {
                            node.Timers.Remove(key);
                            Apply(ni, node.Engine.OnTimer(key.Port, key.Timer, Now));
                        }
                    });
                    break;
                }
                case ActionKind.CancelTimer:
                    node.Timers.Remove((a.Port, a.Timer));
                    break;
                case ActionKind.SetFrequency:
                    node.Rebase(Now);
                    node.AdjPpb = a.FrequencyPpb;
                    break;
                case ActionKind.StepClock:
                    node.Rebase(Now);
                    node.LocalAtRebase += a.StepNs;
                    node.Steps++;
                    AfterStep?.Invoke(ni);
                    break;
                case ActionKind.Log when a.Log.Kind == LogKind.ServoSample:
                    node.Samples.Add((Now, a.Log.OffsetNs, a.Log.ServoState));
                    node.Log.Add(LogText.Format(a, node.Engine)!);
                    break;
                default:
                    var text = LogText.Format(a, node.Engine);
                    if (text != null) node.Log.Add(text);
                    break;
            }
        }
    }

    private void Send(int ni, EngineAction a, byte[] bytes)
    {
        var node = _nodes[ni];
        OnSend?.Invoke(ni, a.Port, bytes);
        long txLocal = node.LocalNs(Now);
        if (a.OneStep)
        {
            // The "hardware" writes originTimestamp (offset 34) as the message leaves.
            PtpTimestamp.FromNanoseconds(txLocal).Write(bytes.AsSpan(34));
        }
        if (a.TxToken.IsValid)
        {
            var token = a.TxToken;
            var ts = PtpTimestamp.FromNanoseconds(txLocal);
            if (node.DropTxTimestamps)
                Schedule(Now + 1_000_000, () => Apply(ni, node.Engine.OnTxTimestampLost(token, Now)));
            else
                Schedule(Now + 1_000, () => Apply(ni, node.Engine.OnTxTimestamp(token, ts, Now)));
        }
        if (!_links.TryGetValue((ni, a.Port), out var peers)) return;
        if (Deliver != null && !Deliver(ni, bytes)) return;
        foreach (var peer in peers)
        {
            long at = Now + peer.DelayNs + (ExtraDelay?.Invoke(ni, bytes) ?? 0);
            Schedule(at, () =>
            {
                var dst = _nodes[peer.Node];
                var rx = PtpTimestamp.FromNanoseconds(dst.LocalNs(Now));
                Apply(peer.Node, dst.Engine.OnMessage(peer.Port, bytes, rx, Now, ni));
            });
        }
    }

    /// <summary>True offset of node b's clock relative to node a's at the current time.</summary>
    public long TrueOffset(int a, int b) => _nodes[b].LocalNs(Now) - _nodes[a].LocalNs(Now);
}
