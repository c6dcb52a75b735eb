using Ptp4Net.Simulation;

namespace Ptp4Net.Tests.Simulation;

public class LinkTests
{
    private sealed class Sink : IPacketReceiver
    {
        public readonly List<(long Arrival, int Id)> Got = new();
        public void OnPacket(SimPort port, SimPort source, ReadOnlySpan<byte> packet, long trueArrivalTime) =>
            Got.Add((trueArrivalTime, BitConverter.ToInt32(packet)));
    }

    private sealed class Sender : ISimEventTarget
    {
        private readonly SimPort _port;
        private readonly long _period;
        private readonly int _count;
        public readonly List<long> SentAt = new();
        public Sender(SimWorld w, SimPort port, long period, int count)
        {
            _port = port; _period = period; _count = count;
            w.Scheduler.ScheduleAt(0, this, 0, 0);
            _world = w;
        }
        private readonly SimWorld _world;
        public void OnEvent(in SimEvent e)
        {
            Span<byte> b = stackalloc byte[44];
            BitConverter.TryWriteBytes(b, e.Arg);
            SentAt.Add(_port.Send(b));
            if (e.Arg + 1 < _count) _world.Scheduler.ScheduleAfter(_period, this, 0, e.Arg + 1);
        }
    }

    private static (Sender S, Sink Rx, Sink Back) Run(ulong seed, LinkParameters p, int count = 20_000, long period = 100_000, LinkParameters? back = null)
    {
        var w = new SimWorld(seed);
        var tx = new Sink();
        var rx = new Sink();
        var (a, _) = w.Connect("l", tx, rx, p, back);
        var s = new Sender(w, a, period, count);
        w.RunUntil(count * period + 1_000_000_000);
        return (s, rx, tx);
    }

    private static (double Mean, double Sd) Delays(Sender s, Sink rx)
    {
        double sum = 0, sumSq = 0;
        foreach (var (arrival, id) in rx.Got)
        {
            double d = arrival - s.SentAt[id];
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / rx.Got.Count;
        return (mean, Math.Sqrt(sumSq / rx.Got.Count - mean * mean));
    }

    [Fact]
    public void Gaussian_jitter_has_the_configured_mean_and_sigma()
    {
        var (s, rx, _) = Run(1, new LinkParameters { DelayNs = 1000, JitterSigmaNs = 20 });
        Assert.Equal(20_000, rx.Got.Count);
        var (mean, sd) = Delays(s, rx);
        Assert.InRange(mean, 999, 1001);
        Assert.InRange(sd, 19.4, 20.6);
    }

    [Fact]
    public void Jitter_larger_than_the_delay_is_truncated_unless_stamps_are_acausal()
    {
        var truncated = Run(9, new LinkParameters { DelayNs = 1000, JitterSigmaNs = 5000 });
        var (tMean, _) = Delays(truncated.S, truncated.Rx);
        Assert.All(truncated.Rx.Got, g => Assert.True(g.Arrival >= truncated.S.SentAt[g.Id]));
        Assert.InRange(tMean, 2000, 3500); // about 42 % of the frames sit at 0, the rest keep their tail

        // With acausal stamps the "arrival" handed to the receiver (its timestamp time) is the full gaussian.
        var full = Run(9, new LinkParameters { DelayNs = 1000, JitterSigmaNs = 5000, AcausalStamps = true });
        var (mean, sd) = Delays(full.S, full.Rx);
        Assert.InRange(mean, 1000 - 150, 1000 + 150);
        Assert.InRange(sd, 4850, 5150);
    }

    [Fact]
    public void Loss_drops_the_configured_fraction()
    {
        var (_, rx, _) = Run(2, new LinkParameters { DelayNs = 1000, LossProbability = 0.2 });
        double lost = 1 - rx.Got.Count / 20_000.0;
        Assert.InRange(lost, 0.19, 0.21);
    }

    [Fact]
    public void Heavy_tail_delays_the_configured_fraction_by_the_configured_amount()
    {
        var (s, rx, _) = Run(3, new LinkParameters { DelayNs = 1000, JitterSigmaNs = 5, TailProbability = 0.01, TailFixedNs = 200_000 });
        int late = rx.Got.Count(g => g.Arrival - s.SentAt[g.Id] > 100_000);
        Assert.InRange(late, 150, 250); // 1 % of 20000 = 200, ±3.5σ
        Assert.All(rx.Got.Where(g => g.Arrival - s.SentAt[g.Id] > 100_000), g => Assert.InRange(g.Arrival - s.SentAt[g.Id], 200_900, 201_100));
    }

    [Fact]
    public void Exponential_tail_has_the_configured_mean()
    {
        var (s, rx, _) = Run(4, new LinkParameters { DelayNs = 1000, TailProbability = 1, TailExponentialMeanNs = 5000 });
        var (mean, sd) = Delays(s, rx);
        Assert.InRange(mean, 1000 + 5000 * 0.97, 1000 + 5000 * 1.03);
        Assert.InRange(sd, 5000 * 0.95, 5000 * 1.05);
    }

    [Fact]
    public void Reordering_lets_later_frames_overtake()
    {
        var (_, rx, _) = Run(5, new LinkParameters { DelayNs = 1000, ReorderProbability = 0.05, ReorderExtraNs = 250_000 }, count: 10_000);
        int inversions = 0;
        for (int i = 1; i < rx.Got.Count; i++) if (rx.Got[i].Id < rx.Got[i - 1].Id) inversions++;
        Assert.InRange(inversions, 400, 600);
        var plain = Run(5, new LinkParameters { DelayNs = 1000, JitterSigmaNs = 10 }, count: 10_000).Rx;
        for (int i = 1; i < plain.Got.Count; i++) Assert.True(plain.Got[i].Id > plain.Got[i - 1].Id);
    }

    [Fact]
    public void Each_direction_has_its_own_delay()
    {
        var w = new SimWorld(6);
        var a = new Sink();
        var b = new Sink();
        var (pa, pb) = w.Connect("l", a, b, LinkParameters.Fixed(1100), LinkParameters.Fixed(900));
        w.Scheduler.RunUntil(1000);
        pa.Send(new byte[] { 1, 0, 0, 0 });
        pb.Send(new byte[] { 2, 0, 0, 0 });
        w.RunUntil(10_000);
        Assert.Equal(2100, b.Got.Single().Arrival);
        Assert.Equal(1900, a.Got.Single().Arrival);
    }

    [Fact]
    public void A_shared_segment_delivers_to_every_other_port_and_a_down_port_is_silent()
    {
        var w = new SimWorld(7);
        var seg = w.CreateSegment("lan", LinkParameters.Fixed(500));
        var sinks = Enumerable.Range(0, 4).Select(_ => new Sink()).ToArray();
        var ports = sinks.Select((s, i) => seg.Attach("p" + i, s)).ToArray();
        ports[0].Send(new byte[] { 9, 0, 0, 0 });
        ports[3].IsUp = false;
        w.RunUntil(1000);
        Assert.Empty(sinks[0].Got);
        Assert.Single(sinks[1].Got);
        Assert.Single(sinks[2].Got);
        Assert.Empty(sinks[3].Got);
        ports[3].Send(new byte[] { 1, 0, 0, 0 });
        w.RunUntil(2000);
        Assert.Single(sinks[1].Got);
        ports[2].Send(new byte[] { 5, 0, 0, 0 }, destination: ports[1]); // unicast
        w.RunUntil(3000);
        Assert.Equal(2, sinks[1].Got.Count);
        Assert.Empty(sinks[0].Got);
    }

    [Fact]
    public void Same_seed_same_delays()
    {
        var p = new LinkParameters { DelayNs = 1000, JitterSigmaNs = 50, LossProbability = 0.1, TailProbability = 0.05, TailExponentialMeanNs = 3000 };
        var a = Run(11, p, count: 2000).Rx.Got;
        var b = Run(11, p, count: 2000).Rx.Got;
        var c = Run(12, p, count: 2000).Rx.Got;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    private sealed class OneStep : ITransmitStamper
    {
        public void OnTransmit(Span<byte> frame, long trueTxTime) => BitConverter.TryWriteBytes(frame[4..], trueTxTime);
    }

    [Fact]
    public void A_transmit_stamper_rewrites_the_frame_with_the_transmission_time()
    {
        var w = new SimWorld(8);
        byte[]? got = null;
        var rx = new Lambda((_, p, _) => got = p.ToArray());
        var (pa, _) = w.Connect("l", new Sink(), rx, LinkParameters.Fixed(100));
        w.RunUntil(12_345);
        var frame = new byte[12];
        pa.Send(frame, new OneStep());
        w.RunUntil(20_000);
        Assert.Equal(12_345, BitConverter.ToInt64(got!, 4));
        Assert.All(frame, b => Assert.Equal(0, b)); // the caller's buffer is not touched
        Assert.Equal(0, w.Packets.InFlight);
    }

    private sealed class Lambda(Action<SimPort, ReadOnlySpan<byte>, long> f) : IPacketReceiver
    {
        public void OnPacket(SimPort port, SimPort source, ReadOnlySpan<byte> packet, long t) => f(port, packet, t);
    }
}
