using BenchmarkDotNet.Attributes;
using Ptp4Net.Simulation;

namespace Ptp4Net.Benchmarks;

/// <summary>
/// Raw simulator throughput without a protocol engine: frames bouncing across a jittery link, each arrival
/// timestamped on a drifting clock and answered. One operation = <see cref="Frames"/> frame deliveries
/// (events/s = Frames / mean time).
/// </summary>
[MemoryDiagnoser]
public class SimPhysicsBenchmarks
{
    public const int Frames = 100_000;

    private sealed class Bouncer : IPacketReceiver
    {
        public SimClock Clock = null!;
        public long Checksum;
        public void OnPacket(SimPort port, SimPort source, ReadOnlySpan<byte> packet, long t)
        {
            Checksum += Clock.Timestamp(t);
            port.Send(packet);
        }
    }

    [Benchmark]
    public long PingPong()
    {
        var w = new SimWorld(1);
        var a = new Bouncer { Clock = w.CreateClock("a", new OscillatorParameters { FrequencyOffsetPpb = 1000, GranularityNs = 8, TimestampNoiseNs = 2 }) };
        var b = new Bouncer { Clock = w.CreateClock("b", new OscillatorParameters { WanderPpbPerSqrtSecond = 30 }) };
        var (pa, _) = w.Connect("l", a, b, new LinkParameters { DelayNs = 1000, JitterSigmaNs = 20 });
        for (int i = 0; i < 4; i++) pa.Send(new byte[64]);
        while (w.Scheduler.EventsProcessed < Frames && w.Scheduler.Step()) { }
        return a.Checksum + b.Checksum;
    }
}
