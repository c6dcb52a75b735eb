using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>One simulated update: simulated time, the true offset of the target (exact, from the models), what the
/// engine measured, and the servo state.</summary>
public readonly record struct Phc2SysSimulationSample(long TimeNs, long TrueOffsetNs, long MeasuredOffsetNs, Phc2SysServoState State, double FrequencyPpb, Phc2SysStepStatus Status);

/// <summary>Figures of a simulated run.</summary>
public sealed record Phc2SysSimulationResult(
    IReadOnlyList<Phc2SysSimulationSample> Samples,
    double? ConvergenceSeconds,
    double SteadyRmsNs,
    long SteadyMaxAbsNs,
    double SteadyMeanNs,
    int Steps,
    long ThresholdNs)
{
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"updates {Samples.Count}, steps {Steps}, convergence (|true offset| <= {ThresholdNs} ns for good) " +
        $"{(ConvergenceSeconds is { } c ? $"{c:0.##} s" : "not reached")}, steady state (last half): " +
        $"rms {SteadyRmsNs:F1} ns, mean {SteadyMeanNs:F1} ns, max |offset| {SteadyMaxAbsNs} ns");
}

/// <summary>
/// A simulated source PHC (drift, read latency, TAI) driving an emulated UTC target through the real engine and runner,
/// on simulated time: no real clock is read or touched. Used by tests and <c>ptp4net phc2sys --simulate</c>.
/// </summary>
public sealed class Phc2SysSimulation
{
    public Phc2SysSimulation(SimulatedTime time, SimulatedPhc source, KernelLeapClock target, EmulatedClock targetInner,
        Phc2SysRunner runner, int utcOffsetSec)
    {
        Time = time;
        Source = source;
        Target = target;
        TargetInner = targetInner;
        Runner = runner;
        UtcOffsetSec = utcOffsetSec;
    }

    public SimulatedTime Time { get; }
    public SimulatedPhc Source { get; }
    public KernelLeapClock Target { get; }
    public EmulatedClock TargetInner { get; }
    public Phc2SysRunner Runner { get; }
    /// <summary>TAI − UTC the truth is measured against (the target should read source − this).</summary>
    public int UtcOffsetSec { get; set; }

    /// <summary>
    /// Builds the usual scene: source TAI = system + utcOffset s + <paramref name="sourceOffsetNs"/>, drifting;
    /// target = system + <paramref name="targetOffsetNs"/> running <paramref name="targetFreqErrorPpb"/> fast.
    /// </summary>
    public static Phc2SysSimulation Create(long startNs, SimulatedPhcOptions sourceOptions, long targetOffsetNs, long targetFreqErrorPpb,
        IPhc2SysServo servo, Phc2SysEngineOptions engineOptions, IUtcInfoProvider? utc, int readings, int utcOffsetSec)
    {
        var time = new SimulatedTime(startNs);
        var source = new SimulatedPhc(time, sourceOptions);
        var inner = new EmulatedClock(time, new EmulatedClockOptions
        {
            EmulatedClock = true,
            EmulatedClockOffsetNs = targetOffsetNs,
            EmulatedClockFreqPpb = targetFreqErrorPpb,
        });
        var target = new KernelLeapClock(inner);
        var engine = new Phc2SysEngine(servo, engineOptions with { SourceIsUtc = source.IsUtc, TargetIsUtc = true });
        var runner = new Phc2SysRunner(source, Phc2SysTarget.ForSoftwareClock(target, true, target), engine, utc, readings);
        return new Phc2SysSimulation(time, source, target, inner, runner, utcOffsetSec);
    }

    /// <summary>Target − (source − UTC offset) at the current simulated instant, exact.</summary>
    public long TrueOffsetNs()
    {
        long t = Time.Now;
        Target.TryMapSoftwareTimestamp(t, out long target);
        return target - (Source.TimeAt(t) - UtcOffsetSec * LeapSeconds.NsPerSecond);
    }

    /// <summary>Runs <paramref name="updates"/> updates, one every <paramref name="intervalNs"/>.</summary>
    public Phc2SysSimulationResult Run(int updates, long intervalNs, long thresholdNs)
    {
        var samples = new List<Phc2SysSimulationSample>(updates);
        int steps = 0;
        for (int i = 0; i < updates; i++)
        {
            long before = Time.Now;
            var s = Runner.Update(Time.Now);
            if (s.Update.StepNs != 0 && s.Status == Phc2SysStepStatus.Ok)
                steps++;
            samples.Add(new Phc2SysSimulationSample(Time.Now, TrueOffsetNs(), s.Update.OffsetNs, s.Update.State, s.Update.FrequencyPpb, s.Status));
            long spent = Time.Now - before;
            Time.Advance(Math.Max(0, intervalNs - spent));
        }
        return Summarise(samples, intervalNs, thresholdNs, steps);
    }

    public static Phc2SysSimulationResult Summarise(List<Phc2SysSimulationSample> samples, long intervalNs, long thresholdNs, int steps)
    {
        int firstGood = samples.Count;
        for (int i = samples.Count - 1; i >= 0 && Math.Abs(samples[i].TrueOffsetNs) <= thresholdNs; i--)
            firstGood = i;
        double? convergence = firstGood < samples.Count ? (firstGood + 1) * (double)intervalNs / 1e9 : null;
        int from = samples.Count / 2;
        double sum = 0, sq = 0;
        long max = 0;
        for (int i = from; i < samples.Count; i++)
        {
            long o = samples[i].TrueOffsetNs;
            sum += o;
            sq += (double)o * o;
            max = Math.Max(max, Math.Abs(o));
        }
        int n = Math.Max(1, samples.Count - from);
        return new Phc2SysSimulationResult(samples, convergence, Math.Sqrt(sq / n), max, sum / n, steps, thresholdNs);
    }
}
