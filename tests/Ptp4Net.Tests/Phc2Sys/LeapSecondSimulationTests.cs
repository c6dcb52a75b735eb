using Ptp4Net.Phc.Phc2Sys;
using Xunit.Abstractions;
using static Ptp4Net.Tests.Phc2Sys.SimulationFixtures;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>
/// A leap second announced for the source (daemon-style leap61/leap59 flags) is applied by the emulated UTC target at its
/// own midnight, kernel style, and the servo never sees it.
/// </summary>
public sealed class LeapSecondSimulationTests(ITestOutputHelper output)
{
    private static readonly long Midnight2017 = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * S;

    private static void RunUntil(Phc2SysSimulation sim, long until, List<Phc2SysStep> steps)
    {
        for (int guard = 0; sim.Time.Now < until && guard < 100_000; guard++)
        {
            long before = sim.Time.Now;
            steps.Add(sim.Runner.Update(sim.Time.Now));
            sim.Time.Advance(Math.Max(0, S - (sim.Time.Now - before)));
        }
    }

    /// <summary>Reads the target every <paramref name="stepNs"/> over a window; returns the jumps (from, to) seen.</summary>
    private static List<(long From, long To)> Observe(Phc2SysSimulation sim, long fromT, long toT, long stepNs)
    {
        var jumps = new List<(long, long)>();
        sim.Time.Advance(Math.Max(0, fromT - sim.Time.Now));
        long prev = sim.Target.NowNanoseconds();
        while (sim.Time.Now < toT)
        {
            sim.Time.Advance(stepNs);
            long v = sim.Target.NowNanoseconds();
            long expected = prev + stepNs;
            if (Math.Abs(v - expected) > 1_000) // more than the servo's rate change over a step
                jumps.Add((prev, v));
            prev = v;
        }
        return jumps;
    }

    [Fact]
    public void Inserted_leap_second_replays_235959_at_the_targets_midnight()
    {
        // 2016-12-31: TAI − UTC 36 until midnight, 37 after; the PHC keeps TAI.
        var utc = DaemonLike(36, +1);
        var src = TaiPhc() with { InitialOffsetNs = 36 * S + 1_234_567 };
        var sim = Scene(Midnight2017 - 600 * S, src, utc, utcOffset: 36);
        var steps = new List<Phc2SysStep>();

        RunUntil(sim, Midnight2017 - 3 * S, steps);
        Assert.Equal(+1, sim.Target.ArmedLeap);
        Assert.Equal(+1, sim.Runner.Engine.LeapSet);
        long before = sim.TrueOffsetNs();
        output.WriteLine($"true offset 3 s before midnight: {before} ns");
        Assert.InRange(before, -1_000, 1_000);

        output.WriteLine($"T {Fmt(sim.Time.Now)} target {Fmt(sim.Target.NowNanoseconds())} leap at {Fmt(sim.Target.ArmedLeapInstantNs)}");
        // Watch the target's own midnight (it runs a few ms from simulated time): ±5 ms around it, every 100 µs.
        long targetMidnightT = sim.Time.Now + (Midnight2017 - sim.Target.NowNanoseconds());
        var jumps = Observe(sim, targetMidnightT - 5_000_000, targetMidnightT + 5_000_000, 100_000);
        output.WriteLine($"T {Fmt(sim.Time.Now)} target {Fmt(sim.Target.NowNanoseconds())}");
        Assert.Single(jumps);
        var (from, to) = jumps[0];
        output.WriteLine($"target jumped from {Fmt(from)} to {Fmt(to)}");
        long mod(long v) => ((v % LeapSeconds.NsPerDay) + LeapSeconds.NsPerDay) % LeapSeconds.NsPerDay;
        // Just before: the last 100 µs of 23:59:59; just after: the first 100 µs of the replayed 23:59:59.
        Assert.InRange(mod(from), LeapSeconds.NsPerDay - 100_000, LeapSeconds.NsPerDay - 1);
        Assert.InRange(to, Midnight2017 - S, Midnight2017 - S + 100_000 - 1);
        Assert.Equal(1, sim.Target.LeapsApplied);
        Assert.Equal(Midnight2017, sim.Target.LastLeapInstantNs);

        // The daemon now announces 37 and no leap; UTC lost a second against the source's TAI.
        utc.Info = new UtcInfo(37, 0, true, true, UtcOrigin.Daemon);
        sim.UtcOffsetSec = 37;
        int mark = steps.Count;
        RunUntil(sim, Midnight2017 + 300 * S, steps);
        var after = steps.Skip(mark).ToList();
        output.WriteLine($"after the leap: {after.Count(s => s.Status == Phc2SysStepStatus.Suspended)} suspended, " +
            $"max |offset| {after.Where(s => s.Status == Phc2SysStepStatus.Ok).Max(s => Math.Abs(s.Update.OffsetNs))} ns");
        Assert.DoesNotContain(after, s => s.Update.StepNs != 0);
        Assert.All(after.Where(s => s.Status == Phc2SysStepStatus.Ok), s => Assert.InRange(s.Update.OffsetNs, -2_000, 2_000));
        Assert.InRange(sim.TrueOffsetNs(), -1_000, 1_000);
        Assert.Equal(0, sim.Runner.Engine.LeapSet);
        Assert.Equal(0, sim.Target.ArmedLeap);
        Assert.Equal(37, sim.Target.TaiOffset);
    }

    [Fact]
    public void Deleted_leap_second_skips_235959()
    {
        var utc = DaemonLike(36, -1);
        var src = TaiPhc() with { InitialOffsetNs = 36 * S + 1_234_567 };
        var sim = Scene(Midnight2017 - 600 * S, src, utc, utcOffset: 36);
        var steps = new List<Phc2SysStep>();
        RunUntil(sim, Midnight2017 - 4 * S, steps);
        Assert.Equal(-1, sim.Target.ArmedLeap);

        long targetT = sim.Time.Now + (Midnight2017 - S - sim.Target.NowNanoseconds());
        var jumps = Observe(sim, targetT - 5_000_000, targetT + 5_000_000, 100_000);
        Assert.Single(jumps);
        var (from, to) = jumps[0];
        output.WriteLine($"target jumped from {Fmt(from)} to {Fmt(to)}");
        // Just before 23:59:59 it reads 23:59:58.9999; next it reads 00:00:00.0000x.
        Assert.InRange(from, Midnight2017 - S - 100_000, Midnight2017 - S - 1);
        Assert.InRange(to, Midnight2017, Midnight2017 + 100_000 - 1);

        utc.Info = new UtcInfo(35, 0, true, true, UtcOrigin.Daemon);
        sim.UtcOffsetSec = 35;
        int mark = steps.Count;
        RunUntil(sim, Midnight2017 + 120 * S, steps);
        Assert.DoesNotContain(steps.Skip(mark), s => s.Update.StepNs != 0);
        Assert.InRange(sim.TrueOffsetNs(), -1_000, 1_000);
    }

    [Fact]
    public void Updates_are_suspended_only_in_the_last_second_of_the_day()
    {
        var utc = DaemonLike(36, +1);
        var sim = Scene(Midnight2017 - 60 * S, TaiPhc() with { InitialOffsetNs = 36 * S }, utc, utcOffset: 36);
        var steps = new List<Phc2SysStep>();
        RunUntil(sim, Midnight2017 + 10 * S, steps);
        var suspended = steps.Where(s => s.Status == Phc2SysStepStatus.Suspended).ToList();
        // One update falls in 23:59:59 and one in the replayed 23:59:59.
        Assert.InRange(suspended.Count, 1, 2);
    }

    private static string Fmt(long ns) => DateTimeOffset.FromUnixTimeMilliseconds(Math.DivRem(ns, 1_000_000, out long r))
        .ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + $"{r:D6}";
}
