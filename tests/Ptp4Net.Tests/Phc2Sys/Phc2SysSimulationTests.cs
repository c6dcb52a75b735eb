using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Phc2Sys;
using Xunit.Abstractions;
using static Ptp4Net.Tests.Phc2Sys.SimulationFixtures;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>Simulated source PHC → emulated target through the real engine, runner and servo.</summary>
public sealed class Phc2SysSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Steps_at_start_up_then_converges_and_holds()
    {
        var sim = Scene(Noon, TaiPhc(), DaemonLike());
        Assert.InRange(Math.Abs(sim.TrueOffsetNs()), 2_000_000, 5_000_000); // starts ~3.7 ms off

        var r = sim.Run(600, S, thresholdNs: 1_000);
        output.WriteLine(r.Summary());

        // Start-up: the offset exceeds -F (20 µs), so the servo's first Jump steps the target once.
        Assert.Equal(1, r.Steps);
        Assert.Contains(r.Samples.Take(5), s => s.State == Phc2SysServoState.Jump);
        Assert.NotNull(r.ConvergenceSeconds);
        Assert.True(r.ConvergenceSeconds < 60, $"converged after {r.ConvergenceSeconds} s");
        // Holds: the read noise is a few hundred ns; the PI keeps the true offset well inside 1 µs.
        Assert.True(r.SteadyMaxAbsNs < 1_000, r.Summary());
        Assert.All(r.Samples.Skip(300), s => Assert.Equal(Phc2SysServoState.Locked, s.State));
        // The servo learned both frequency errors: target −30 ppm, source +12.5 ppm → about +42.5 ppm.
        Assert.InRange(sim.Target.FrequencyPpb, 42_000, 43_000);
    }

    [Fact]
    public void Below_the_first_step_threshold_it_slews_instead_of_stepping()
    {
        var sim = Scene(Noon, TaiPhc(), DaemonLike(), targetOffsetNs: 37 * S + 1_234_567 - 37 * S + 10_000, targetFreqErrorPpb: 0);
        var r = sim.Run(300, S, thresholdNs: 1_000);
        output.WriteLine(r.Summary());
        Assert.Equal(0, r.Steps);
        Assert.True(r.SteadyMaxAbsNs < 1_000, r.Summary());
    }

    [Theory]
    [InlineData(true, false)]   // PRECISE
    [InlineData(false, true)]   // EXTENDED
    [InlineData(false, false)]  // basic PTP_SYS_OFFSET
    public void Every_reading_method_converges(bool precise, bool extended)
    {
        var src = TaiPhc() with { CrossTimestamping = precise, Extended = extended };
        var sim = Scene(Noon, src, DaemonLike());
        var r = sim.Run(300, S, thresholdNs: 2_000);
        output.WriteLine($"{(precise ? "precise" : extended ? "extended" : "basic")}: {r.Summary()}");
        var method = precise ? CrossTimestampMethod.Precise : extended ? CrossTimestampMethod.Extended : CrossTimestampMethod.Basic;
        Assert.Equal(method, sim.Runner.Source.TryRead(5, out var s) == Errno.None ? s.Method : (CrossTimestampMethod)(-1));
        Assert.True(r.SteadyMaxAbsNs < 2_000, r.Summary());
        if (precise)
            Assert.True(r.SteadyMaxAbsNs < 50, "a hardware cross-timestamp has no read asymmetry: " + r.Summary());
    }

    [Fact]
    public void Set_once_steps_the_target_onto_the_source_and_leaves_the_frequency()
    {
        var sim = Scene(Noon, TaiPhc(), DaemonLike());
        Assert.True(sim.TargetInner.SetFrequencyPpb(1234).IsOk);
        var s = sim.Runner.SetOnce();
        Assert.Equal(Phc2SysStepStatus.Ok, s.Status);
        output.WriteLine($"set once: stepped {s.Update.StepNs} ns, true offset now {sim.TrueOffsetNs()} ns");
        Assert.InRange(s.Update.StepNs, 3_000_000, 4_500_000);
        Assert.InRange(sim.TrueOffsetNs(), -1_000, 1_000);
        Assert.Equal(1234, sim.Target.FrequencyPpb);

        // --set-at-start: then calibrated by the servo. Its first Jump may still step, but only by what the
        // −30 ppm/+12.5 ppm frequency error gathered in one second (tens of µs, above -F's 20 µs), not milliseconds.
        var r = sim.Run(300, S, thresholdNs: 1_000);
        output.WriteLine(r.Summary());
        Assert.InRange(r.Steps, 0, 1);
        Assert.All(r.Samples.Where(x => x.State == Phc2SysServoState.Jump), x => Assert.InRange(Math.Abs(x.MeasuredOffsetNs), 0, 100_000));
        Assert.True(r.SteadyMaxAbsNs < 1_000, r.Summary());
    }

    [Fact]
    public void Steady_state_updates_allocate_nothing()
    {
        var sim = Scene(Noon, TaiPhc(), DaemonLike());
        for (int i = 0; i < 20; i++)
        {
            sim.Runner.Update(sim.Time.Now);
            sim.Time.Advance(S);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            sim.Runner.Update(sim.Time.Now);
            sim.Time.Advance(S);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
