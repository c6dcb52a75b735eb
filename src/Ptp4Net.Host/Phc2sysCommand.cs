using System.Globalization;
using Ptp4Net.Host.Phc2Sys;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Phc2Sys;
using Ptp4Net.Phc.VmClock;

namespace Ptp4Net.Host;

/// <summary>
/// `ptp4net phc2sys`: calibrates a target clock from a PHC (NIC or pure: ptp_kvm, vmclock, Hyper-V) with the UTC offset
/// and leap seconds handled, as linuxptp's phc2sys does (see <see cref="Phc2sysOptions"/> for the options). The work is
/// done by Ptp4Net.Phc.Phc2Sys (engine, runner); this file builds the clocks from the command line, runs the loop and
/// prints. A CLOCK_REALTIME target is steered only when the user runs this; `emulated`, --free-running and --simulate
/// adjust nothing real.
/// </summary>
internal static class Phc2sysCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var o = Phc2sysOptions.Parse(args, out string? error);
        if (o is null)
        {
            stderr.WriteLine($"ptp4net phc2sys: {error}");
            stderr.WriteLine(Phc2sysOptions.Usage);
            return 2;
        }
        if (o.Help)
        {
            stdout.WriteLine(Phc2sysOptions.Usage);
            return 0;
        }
        if (o.Simulate)
            return Simulate(o, stdout);
        if (o.Source is null)
        {
            stderr.WriteLine("ptp4net phc2sys: a source clock must be selected with -s");
            return 2;
        }
        bool vmclock = o.Source.StartsWith("/dev/vmclock", StringComparison.Ordinal);
        if (o.UtcOffset is null && !o.WaitForDaemon && !vmclock)
        {
            stderr.WriteLine("ptp4net phc2sys: time offset must be specified using -w or -O");
            return 2;
        }

        var disposables = new List<IDisposable>();
        try
        {
            var (source, sourceUtc) = OpenSource(o, disposables);
            var target = OpenTarget(o, disposables);
            if (Phc2SysTargetPolicy.RefusalReason(target.Clock, o.FreeRunning) is { } refusal)
            {
                stderr.WriteLine($"ptp4net phc2sys: {refusal}");
                return 1;
            }
            if (target.Clock is PhcClock tp && source is PhcCrossTimestampSource sp && tp.Index == sp.Phc.Index)
            {
                stderr.WriteLine($"ptp4net phc2sys: {tp.Name} is both source and target");
                return 2;
            }

            IUtcInfoProvider? utc = sourceUtc;
            if (o.WaitForDaemon)
            {
                var daemon = WaitForDaemon(o, disposables, stderr, cancel);
                if (daemon is null)
                    return 1;
                if (o.UtcOffset is null)
                    utc = daemon;
            }

            double initialPpb = target.Clock is PhcClock phcTarget && phcTarget.TryReadFrequencyPpb(out double f) ? f : 0;
            var servo = ServoSupervisorAdapter.Create(o.BuildServoOptions(target.Clock.MaxFrequencyPpb, initialPpb), o.Rate);
            var engine = new Phc2SysEngine(servo, new Phc2SysEngineOptions
            {
                SourceIsUtc = source.IsUtc,
                TargetIsUtc = target.IsUtc,
                ForcedUtcOffsetSec = o.UtcOffset,
                KernelLeap = o.KernelLeap && target.Leap is not null,
                MeasureOnly = o.FreeRunning,
            });
            var runner = new Phc2SysRunner(source, target, engine, utc, o.Readings);
            var log = new Phc2sysLog(o, stdout, stderr);
            log.Info($"{target.Name}: source {source.Name} ({(source.IsUtc ? "UTC" : "TAI")}), target {(target.IsUtc ? "UTC" : "TAI")}, " +
                $"UTC offset from {(o.UtcOffset is { } off ? $"-O {off}" : utc?.Origin.ToString() ?? "none")}" +
                (o.FreeRunning ? ", free running (measure only)" : ""));

            if (o.Once || o.SetAtStart)
            {
                var s = runner.SetOnce();
                log.Step(target.Name, s);
                if (o.Once || s.Status != Phc2SysStepStatus.Ok)
                    return s.Status == Phc2SysStepStatus.Ok ? 0 : 1;
            }
            return Loop(o, runner, log, cancel);
        }
        catch (LinuxException e)
        {
            stderr.WriteLine($"ptp4net phc2sys: {e.Message}");
            return 1;
        }
        finally
        {
            foreach (var d in disposables)
                d.Dispose();
        }
    }

    private static int Loop(Phc2sysOptions o, Phc2SysRunner runner, Phc2sysLog log, CancellationToken external)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            long periodTicks = (long)(TimeSpan.TicksPerSecond / o.Rate);
            long next = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
            for (long n = 0; !cts.IsCancellationRequested && (o.Count is null || n < o.Count); n++)
            {
                next += periodTicks;
                long wait = next - Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
                if (wait > 0 && cts.Token.WaitHandle.WaitOne(TimeSpan.FromTicks(wait)))
                    break;
                var s = runner.Update(Environment.TickCount64 * 1_000_000);
                log.Step(runner.Target.Name, s);
            }
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static (ICrossTimestampSource, IUtcInfoProvider?) OpenSource(Phc2sysOptions o, List<IDisposable> disposables)
    {
        string s = o.Source!;
        if (s.Equals("CLOCK_REALTIME", StringComparison.OrdinalIgnoreCase))
            throw new LinuxException("CLOCK_REALTIME as the source is not supported; use a PHC, an interface or /dev/vmclockN");
        if (s.StartsWith("/dev/vmclock", StringComparison.Ordinal))
        {
            // vmclock's time is read through its PHC (the driver's cross-timestamp; .NET cannot read the TSC itself);
            // the page gives the TAI offset and the leap indicator. The PHC reads UTC (doc §7).
            var dev = VmClockDevice.Open(s);
            disposables.Add(dev);
            int n = VmClockDevice.IndexOf(s);
            int phcIndex = FindPhcByClockName($"vmclock{n}");
            if (phcIndex < 0)
                throw new LinuxException($"{s}: no /dev/ptpN with clock_name vmclock{n} (the driver registers its PHC only for a TSC/arm64 counter and UTC or valid-offset TAI time)");
            var phc = PhcClock.Open(phcIndex);
            disposables.Add(phc);
            return (new PhcCrossTimestampSource(phc, isUtc: true), new VmClockUtcInfoProvider(new VmClockSnapshotReader(dev)));
        }
        var p = OpenPhc(s);
        disposables.Add(p);
        return (new PhcCrossTimestampSource(p), null);
    }

    private static Phc2SysTarget OpenTarget(Phc2sysOptions o, List<IDisposable> disposables)
    {
        string t = o.Target;
        if (t.Equals("CLOCK_REALTIME", StringComparison.OrdinalIgnoreCase))
        {
            if (o.FreeRunning)
                return Phc2SysTarget.ForSoftwareClock(SystemRealtimeClock.ReadOnly(), true, null);
            // The user asked for it: the real system clock, with the kernel's leap second handling.
            return Phc2SysTarget.ForSoftwareClock(SystemRealtimeClock.OpenForSteering(), true, o.KernelLeap ? new RealtimeKernelLeap() : null);
        }
        if (t.Equals("emulated", StringComparison.OrdinalIgnoreCase))
        {
            var inner = new EmulatedClock(SystemTimeSource.Instance, new EmulatedClockOptions
            {
                EmulatedClock = true,
                EmulatedClockOffsetNs = o.EmulatedOffsetNs,
                EmulatedClockFreqPpb = o.EmulatedFreqPpb,
            });
            var leap = new KernelLeapClock(inner);
            return Phc2SysTarget.ForSoftwareClock(leap, true, leap);
        }
        var phc = OpenPhc(t);
        disposables.Add(phc);
        return Phc2SysTarget.ForPhc(phc, o.Readings);
    }

    /// <summary>/dev/ptpN (a symlink such as /dev/ptp_hyperv is resolved), or an interface name (its PHC).</summary>
    private static PhcClock OpenPhc(string name)
    {
        if (name.StartsWith('/'))
        {
            string real = name;
            try
            {
                if (new FileInfo(name).ResolveLinkTarget(true) is { } target)
                    real = target.FullName;
            }
            catch (IOException)
            {
            }
            string file = Path.GetFileName(real);
            if (file.StartsWith("ptp", StringComparison.Ordinal) && int.TryParse(file.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                return PhcClock.Open(index);
            throw new LinuxException($"{name} is not a PTP hardware clock (/dev/ptpN)");
        }
        return PhcClock.OpenForInterface(name);
    }

    private static int FindPhcByClockName(string clockName)
    {
        const string dir = "/sys/class/ptp";
        if (!Directory.Exists(dir))
            return -1;
        foreach (var d in Directory.EnumerateDirectories(dir, "ptp*"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(d, "clock_name")).Trim() == clockName
                    && int.TryParse(Path.GetFileName(d).AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int i))
                    return i;
            }
            catch (IOException)
            {
            }
        }
        return -1;
    }

    private static DaemonUtcInfoProvider? WaitForDaemon(Phc2sysOptions o, List<IDisposable> disposables, TextWriter stderr, CancellationToken cancel)
    {
        ManagementUdsClient client;
        try
        {
            client = new ManagementUdsClient(o.UdsAddress, ManagementUdsClient.DefaultLocalPath(), o.DomainNumber);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"ptp4net phc2sys: cannot open a management socket: {e.Message}");
            return null;
        }
        disposables.Add(client);
        // As phc2sys: wait (until interrupted) for a port in MASTER or SLAVE, saying so every second.
        while (!cancel.IsCancellationRequested)
        {
            var s = client.WaitSync(TimeSpan.FromSeconds(1));
            if (s == ManagementQueryStatus.Ok)
                break;
            if (o.LogLevel >= 5)
                stderr.WriteLine($"phc2sys: Waiting for ptp4l... ({s} on {o.UdsAddress})");
            if (s == ManagementQueryStatus.SocketError && cancel.WaitHandle.WaitOne(1000))
                return null;
        }
        if (cancel.IsCancellationRequested)
            return null;
        var daemon = new DaemonUtcInfoProvider(client, refreshEvery: Math.Max(1, (int)(60 * o.Rate)), TimeSpan.FromMilliseconds(100));
        if (daemon.Refresh(TimeSpan.FromSeconds(1)) != ManagementQueryStatus.Ok)
        {
            stderr.WriteLine($"ptp4net phc2sys: failed to get UTC offset ({daemon.LastStatus})");
            return null;
        }
        return daemon;
    }

    /// <summary>
    /// --simulate: a simulated TAI PHC (drift, asymmetric read latency) → the emulated UTC target on simulated time,
    /// through the same engine, runner and servo as the real command. Prints the figures.
    /// </summary>
    private static int Simulate(Phc2sysOptions o, TextWriter stdout)
    {
        const long S = 1_000_000_000L;
        var src = new SimulatedPhcOptions
        {
            InitialOffsetNs = 37 * S + 1_234_567,
            DriftPpb = o.SimDriftPpb,
            CrossTimestamping = o.SimMethod == "precise",
            Extended = o.SimMethod != "basic",
            LatencyBeforeNs = 400,
            LatencyAfterNs = 250,
            JitterNs = 300,
            Seed = 7,
            ClockName = "simulated NIC PHC",
        };
        IUtcInfoProvider? utc = o.UtcOffset is null ? new FixedUtcInfoProvider(new UtcInfo(37, 0, true, true, UtcOrigin.Daemon)) : null;
        var servo = ServoSupervisorAdapter.Create(o.BuildServoOptions(500_000, 0), o.Rate);
        long start = new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * S;
        var sim = Phc2SysSimulation.Create(start, src, o.EmulatedOffsetNs != 0 ? o.EmulatedOffsetNs : -2_500_000,
            o.EmulatedFreqPpb != 0 ? o.EmulatedFreqPpb : -30_000, servo,
            new Phc2SysEngineOptions { ForcedUtcOffsetSec = o.UtcOffset, KernelLeap = o.KernelLeap, MeasureOnly = o.FreeRunning },
            utc, o.Readings, o.UtcOffset is { } forced ? -forced : 37);
        long interval = (long)(S / o.Rate);
        var r = sim.Run(o.SimUpdates, interval, o.SimThresholdNs);
        if (o.Verbose && o.LogLevel >= 6)
        {
            foreach (var s in r.Samples)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"phc2sys[{(s.TimeNs - start) / 1e9:F3}]: emulated phc offset {s.MeasuredOffsetNs,9} s{(int)s.State} freq {s.FrequencyPpb,+8:+0;-0} true offset {s.TrueOffsetNs,9}"));
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate: source {src.ClockName} (TAI, drift {src.DriftPpb} ppb, {o.SimMethod}, latency 400/250 ns + 0..300 ns jitter, N {o.Readings}), " +
            $"target emulated (UTC, start {sim.Runner.Engine.Options.ForcedUtcOffsetSec?.ToString(CultureInfo.InvariantCulture) ?? "daemon 37 s"}), " +
            $"servo {o.Servo} kp {o.Kp} ki {o.Ki}, rate {o.Rate} Hz"));
        stdout.WriteLine("simulate: " + r.Summary());
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulate: final frequency {sim.Target.FrequencyPpb:F1} ppb (target error {(o.EmulatedFreqPpb != 0 ? o.EmulatedFreqPpb : -30_000)} ppb, source drift {o.SimDriftPpb} ppb)"));
        return r.ConvergenceSeconds is null ? 1 : 0;
    }
}
