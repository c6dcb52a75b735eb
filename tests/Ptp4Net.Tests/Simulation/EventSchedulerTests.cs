using Ptp4Net.Simulation;

namespace Ptp4Net.Tests.Simulation;

public class EventSchedulerTests
{
    private sealed class Recorder : ISimEventTarget
    {
        public readonly List<(long Time, int Kind, int Arg)> Fired = new();
        public void OnEvent(in SimEvent e) => Fired.Add((e.Time, e.Kind, e.Arg));
    }

    [Fact]
    public void Fires_by_time_then_insertion_order()
    {
        var s = new EventScheduler();
        var r = new Recorder();
        s.ScheduleAt(30, r, 1);
        s.ScheduleAt(10, r, 2);
        s.ScheduleAt(20, r, 3);
        s.ScheduleAt(10, r, 4);
        s.ScheduleAt(10, r, 5);
        s.RunUntil(100);
        Assert.Equal(new[] { 2, 4, 5, 3, 1 }, r.Fired.Select(f => f.Kind));
        Assert.Equal(new long[] { 10, 10, 10, 20, 30 }, r.Fired.Select(f => f.Time));
    }

    [Fact]
    public void RunUntil_is_bounded_and_inclusive_and_advances_now()
    {
        var s = new EventScheduler();
        var r = new Recorder();
        s.ScheduleAt(50, r, 1);
        s.ScheduleAt(100, r, 2);
        s.ScheduleAt(101, r, 3);
        Assert.Equal(2, s.RunUntil(100));
        Assert.Equal(100, s.Now);
        Assert.Equal(1, s.PendingCount);
        Assert.Equal(101, s.NextEventTime);
        s.RunUntil(1000);
        Assert.Equal(1000, s.Now);
        Assert.Equal(3, r.Fired.Count);
    }

    [Fact]
    public void Scheduling_in_the_past_is_refused()
    {
        var s = new EventScheduler();
        var r = new Recorder();
        s.RunUntil(500);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.ScheduleAt(499, r, 0));
        s.ScheduleAt(500, r, 0); // now is allowed
        Assert.Equal(1, s.RunUntil(500));
    }

    /// <summary>Events that reschedule themselves at random times: the trace depends only on the seed.</summary>
    private sealed class Chaos : ISimEventTarget
    {
        private readonly EventScheduler _s;
        private readonly SimRandom _r;
        public readonly List<string> Trace = new();
        public Chaos(EventScheduler s, ulong seed) { _s = s; _r = new SimRandom(seed); }
        public void OnEvent(in SimEvent e)
        {
            Trace.Add($"{e.Time}:{e.Kind}:{e.Arg}");
            int children = (int)_r.NextInt64(3);
            for (int i = 0; i < children && _s.PendingCount < 200; i++)
                _s.ScheduleAfter(_r.NextInt64(4) * 10, this, e.Kind + 1, i); // many equal-time events
        }
    }

    private static List<string> RunChaos(ulong seed)
    {
        var s = new EventScheduler();
        var c = new Chaos(s, seed);
        for (int i = 0; i < 10; i++) s.ScheduleAt(0, c, 0, i);
        s.RunUntil(5_000);
        return c.Trace;
    }

    [Fact]
    public void Same_seed_gives_identical_trace_and_another_seed_does_not()
    {
        var a = RunChaos(7);
        var b = RunChaos(7);
        var c = RunChaos(8);
        Assert.True(a.Count > 100);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    private sealed class Ticker : ISimEventTarget
    {
        private readonly EventScheduler _s;
        public Ticker(EventScheduler s) => _s = s;
        public void OnEvent(in SimEvent e) => _s.ScheduleAfter(1000 + e.Arg, this, 0, (e.Arg + 7) % 13);
    }

    [Fact]
    public void Steady_state_allocates_nothing()
    {
        var s = new EventScheduler();
        var t = new Ticker(s);
        for (int i = 0; i < 64; i++) s.ScheduleAt(i, t, 0, i % 13);
        s.RunUntil(1_000_000); // warm up (heap grown, code jitted)
        long before = GC.GetAllocatedBytesForCurrentThread();
        long fired = s.RunUntil(10_000_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(fired > 100_000);
        Assert.Equal(0, allocated);
    }
}
