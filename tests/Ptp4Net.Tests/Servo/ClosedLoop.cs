using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

/// <summary>A closed-loop run setting: sync rate, noise, stamping kind, length.</summary>
internal sealed record LoopScenario(string Name, double SyncIntervalS, double NoiseSigmaNs, bool Software, double DurationS)
{
    /// <summary>1 Sync/s, 500 ns RMS white offset noise, software-stamping PI gains, 30 min.</summary>
    public static readonly LoopScenario SoftwareIsh = new("1 Sync/s, sw-ish (σ 500 ns)", 1.0, 500, true, 1800);

    /// <summary>16 Sync/s, 20 ns RMS white offset noise, hardware-stamping PI gains, 10 min.</summary>
    public static readonly LoopScenario HardwareIsh = new("16 Sync/s, hw-ish (σ 20 ns)", 1.0 / 16, 20, false, 600);
}

/// <summary>The trace of one run and figures derived from it.</summary>
internal sealed class LoopTrace
{
    public required double[] TimeS { get; init; }
    public required double[] TrueOffsetNs { get; init; }
    public required ServoState[] States { get; init; }
    public required double[] FrequencyPpb { get; init; }
    public required long[] MeasuredOffsetNs { get; init; }
    public required ServoEvents[] Events { get; init; }
    public required int Steps { get; init; }

    /// <summary>Sample indices whose state was <paramref name="state"/>.</summary>
    public List<int> IndicesOf(ServoState state)
    {
        var list = new List<int>();
        for (int i = 0; i < States.Length; i++)
            if (States[i] == state) list.Add(i);
        return list;
    }

    /// <summary>First time at which |true offset| &lt; limit and stays so until the end of the run;
    /// NaN ("never") if it is exceeded in the last tenth of the run.</summary>
    public double SettlingTimeS(double limitNs)
    {
        for (int i = TrueOffsetNs.Length - 1; i >= 0; i--)
        {
            if (Math.Abs(TrueOffsetNs[i]) >= limitNs)
                return i >= TrueOffsetNs.Length * 9 / 10 ? double.NaN : TimeS[i + 1];
        }
        return TimeS[0];
    }

    /// <summary>First time at which |true offset| &lt; limit; NaN if never.</summary>
    public double FirstBelowS(double limitNs)
    {
        for (int i = 0; i < TrueOffsetNs.Length; i++)
            if (Math.Abs(TrueOffsetNs[i]) < limitNs)
                return TimeS[i];
        return double.NaN;
    }

    public double RmsFrom(double fromS) => Stat(fromS, static (acc, v) => acc + v * v, static (acc, n) => Math.Sqrt(acc / n));

    public double MaxAbsFrom(double fromS) => Stat(fromS, static (acc, v) => Math.Max(acc, Math.Abs(v)), static (acc, _) => acc);

    private double Stat(double fromS, Func<double, double, double> step, Func<double, int, double> finish)
    {
        double acc = 0;
        int n = 0;
        for (int i = 0; i < TrueOffsetNs.Length; i++)
        {
            if (TimeS[i] < fromS) continue;
            acc = step(acc, TrueOffsetNs[i]);
            n++;
        }
        return finish(acc, n);
    }
}

/// <summary>Runs a servo against <see cref="ClockModel"/>: +50 ppm, 1 ms initial offset unless told.</summary>
internal static class ClosedLoop
{
    public const double NaturalErrorPpb = 50_000;   // +50 ppm
    public const double InitialOffsetNs = 1_000_000; // 1 ms

    public static ServoOptions OptionsFor(ServoType type, LoopScenario s) =>
        new() { ClockServo = type, SoftwareTimestamping = s.Software };

    /// <param name="beforeSample">Called before sample i is measured (to disturb the clock).</param>
    /// <param name="checkSanity">Also run the sanity check on every sample's time stamp, as ptp4l does.</param>
    public static LoopTrace Run(ServoOptions options, LoopScenario s, int seed,
        double naturalErrorPpb = NaturalErrorPpb, double initialOffsetNs = InitialOffsetNs,
        Action<int, ClockModel>? beforeSample = null, bool checkSanity = false)
    {
        var servo = ServoFactory.Create(options);
        servo.SyncInterval = s.SyncIntervalS;
        var clock = new ClockModel(naturalErrorPpb, initialOffsetNs, s.NoiseSigmaNs, seed);
        int n = (int)Math.Round(s.DurationS / s.SyncIntervalS);
        var time = new double[n];
        var offset = new double[n];
        var states = new ServoState[n];
        var freq = new double[n];
        var measured = new long[n];
        var events = new ServoEvents[n];
        double dt = s.SyncIntervalS * 1e9;
        for (int i = 0; i < n; i++)
        {
            clock.Advance(dt);
            beforeSample?.Invoke(i, clock);
            var sanity = checkSanity ? servo.CheckClockSanity(clock.LocalTimeNs, clock.MonotonicNs) : ServoEvents.None;
            measured[i] = clock.MeasureOffsetNs();
            var r = servo.Sample(measured[i], clock.LocalTimeNs);
            clock.Apply(r);
            events[i] = r.Events | sanity;
            time[i] = clock.TrueTimeNs / 1e9;
            offset[i] = clock.OffsetNs; // after applying any step
            states[i] = r.State;
            freq[i] = clock.AdjustmentPpb;
        }
        return new LoopTrace { TimeS = time, TrueOffsetNs = offset, States = states, FrequencyPpb = freq,
            MeasuredOffsetNs = measured, Events = events, Steps = clock.Steps };
    }
}
