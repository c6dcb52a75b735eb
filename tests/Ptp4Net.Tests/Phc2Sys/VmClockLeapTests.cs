using Ptp4Net.Phc.Phc2Sys;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>The vmclock page announces the leap (PRE_POS at the end of the month): the emulated target leaps at its midnight.</summary>
public sealed class VmClockLeapTests(ITestOutputHelper output)
{
    private const long S = 1_000_000_000L;
    private static readonly long Midnight = new DateTimeOffset(2015, 7, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * S;

    [Fact]
    public void Page_leap_indicator_is_applied_at_the_targets_midnight()
    {
        var time = new SimulatedTime(Midnight - 300 * S);
        var counter = new Ptp4Net.Phc.VmClock.SimulatedCounter(time, 1UL << 40, 1L << 31, 3_000);
        // TAI − UTC was 35 until 2015-06-30 23:59:60, then 36.
        var page = VmClockPages.Tai(counter.At(time.Now), (ulong)((time.Now + 35 * S) / S), 0, taiOffset: 35,
            leap: Ptp4Net.Phc.VmClock.VmClockLeapIndicator.PrePositive, seq: 100);
        var mem = new MemoryPageSource(VmClockPages.Bytes(page));
        var source = new Ptp4Net.Phc.VmClock.VmClockPageSource("/dev/vmclock0", new Ptp4Net.Phc.VmClock.VmClockSnapshotReader(mem), counter, time);
        var inner = new Ptp4Net.Phc.Clocks.EmulatedClock(time, new Ptp4Net.Phc.Clocks.EmulatedClockOptions { EmulatedClock = true, EmulatedClockOffsetNs = 2_000_000 });
        var target = new KernelLeapClock(inner);
        var engine = new Phc2SysEngine(SimulationFixtures.Servo(), new Phc2SysEngineOptions());
        var runner = new Phc2SysRunner(source, Phc2SysTarget.ForSoftwareClock(target, true, target), engine, source, 5);

        void RunTo(long until)
        {
            for (int g = 0; time.Now < until && g < 10_000; g++)
            {
                long before = time.Now;
                var s = runner.Update(time.Now);
                Assert.True(s.Status is Phc2SysStepStatus.Ok or Phc2SysStepStatus.Suspended, s.Error);
                time.Advance(Math.Max(0, S - (time.Now - before)));
            }
        }

        RunTo(Midnight - 3 * S);
        Assert.Equal(+1, target.ArmedLeap);
        // Watch ±2 ms around the target's own midnight.
        long tMid = time.Now + (Midnight - target.NowNanoseconds());
        time.Advance(tMid - 2_000_000 - time.Now);
        long prev = target.NowNanoseconds();
        (long From, long To)? jump = null;
        while (time.Now < tMid + 2_000_000)
        {
            time.Advance(50_000);
            long v = target.NowNanoseconds();
            if (Math.Abs(v - prev - 50_000) > 1_000)
                jump = (prev, v);
            prev = v;
        }
        Assert.NotNull(jump);
        output.WriteLine($"target went from {jump.Value.From - Midnight} ns to {jump.Value.To - Midnight} ns relative to midnight");
        Assert.InRange(jump.Value.From, Midnight - 50_000, Midnight - 1);
        Assert.InRange(jump.Value.To, Midnight - S, Midnight - S + 50_000 - 1);

        // The hypervisor publishes the new offset after the leap.
        mem.Page = VmClockPages.Bytes(page with { TaiOffsetSec = 36, LeapIndicator = Ptp4Net.Phc.VmClock.VmClockLeapIndicator.PostPositive, SeqCount = 102 });
        RunTo(Midnight + 120 * S);
        page.TryTimeAt(counter.At(time.Now), out long tai);
        target.TryMapSoftwareTimestamp(time.Now, out long utc);
        long truth = utc - (tai - 36 * S);
        output.WriteLine($"after the leap: target − (page TAI − 36 s) = {truth} ns");
        Assert.InRange(truth, -1_000, 1_000);
        Assert.Equal(1, target.LeapsApplied);
        Assert.Equal(0, engine.LeapSet);
    }
}
