using System.Globalization;
using Ptp4Net.Servo;

namespace Ptp4Net.Host.Phc2Sys;

/// <summary>
/// `ptp4net phc2sys` options, spelled as linuxptp's phc2sys spells them where it has them (-s -c -O -R -N -P -I -E -S
/// -F -L -w -n -z -x -m -q -l -h), plus our own long options: --once (set the target once at start and exit, for a boot
/// service), --set-at-start (set it, then keep it calibrated), --free-running (measure only, never adjust), the emulated target's --emulated-offset-ns/--emulated-freq-ppb,
/// --count N (stop after N updates), and --simulate with its --sim-* knobs.
/// </summary>
internal sealed record Phc2sysOptions
{
    public string? Source { get; init; }
    public string Target { get; init; } = "CLOCK_REALTIME";
    public int? UtcOffset { get; init; }
    public double Rate { get; init; } = 1.0;
    public int Readings { get; init; } = 5;
    public double Kp { get; init; } = 0.7;
    public double Ki { get; init; } = 0.3;
    public ServoType Servo { get; init; } = ServoType.Pi;
    public double StepThreshold { get; init; }
    public double FirstStepThreshold { get; init; } = ServoOptions.DefaultFirstStepThreshold;
    public int SanityFreqLimit { get; init; } = ServoOptions.DefaultSanityFreqLimit;
    public bool WaitForDaemon { get; init; }
    public byte DomainNumber { get; init; }
    public string UdsAddress { get; init; } = "/var/run/ptp4l";
    public bool KernelLeap { get; init; } = true;
    public bool Verbose { get; init; }
    public bool NoSyslog { get; init; }
    public int LogLevel { get; init; } = 6;
    public bool Once { get; init; }
    public bool SetAtStart { get; init; }
    public bool FreeRunning { get; init; }
    public long EmulatedOffsetNs { get; init; }
    public long EmulatedFreqPpb { get; init; }
    public long? Count { get; init; }
    public bool Simulate { get; init; }
    public int SimUpdates { get; init; } = 600;
    public long SimDriftPpb { get; init; } = 12_500;
    public string SimMethod { get; init; } = "extended";
    public long SimThresholdNs { get; init; } = 1_000;
    public bool Help { get; init; }

    public const string Usage = """
        usage: ptp4net phc2sys -s SOURCE [-c TARGET] (-O OFFSET | -w) [options]
               ptp4net phc2sys --simulate [options]

         SOURCE: /dev/ptpN, an interface name (its PHC), or /dev/vmclockN (read through its PHC,
                 with the page's TAI offset and leap indicator)
         TARGET: CLOCK_REALTIME (default), /dev/ptpN, an interface name, or 'emulated' (an in-process clock
                 standing in for CLOCK_REALTIME; nothing real is adjusted)

         -O [offset]    target-source time offset, s (TAI PHC -> CLOCK_REALTIME: -37)
         -w             wait for ptp4l/ptp4net (a port MASTER or SLAVE) and take the UTC offset and
                        leap flags from its TIME_PROPERTIES_DATA_SET over the management socket
         -z [path]      daemon socket (/var/run/ptp4l)     -n [num]  domain number (0)
         -E [pi|linreg] clock servo (pi)       -P [kp] proportional constant (0.7)
         -I [ki]        integration constant (0.3)
         -S [step]      step threshold, s (0: never after the first update)
         -F [step]      first step threshold, s (0.00002): steps the target at start-up
         -R [rate]      update rate, Hz (1.0)  -N [num] readings per update, fastest kept (5, max 25)
         -L [limit]     sanity frequency limit, ppb (200000000)
         -x             apply leap seconds through the servo instead of the kernel
         -m             print messages to stdout   -q  no syslog (we never use syslog)
         -l [num]       log level (6; 7 adds reading details, <6 silences per-update lines)
         --once         set the target from the source once (a step, whatever -F says), then exit
         --set-at-start the same step first, then keep the target calibrated
         --free-running measure and print only; never adjust the target
         --count N      stop after N updates
         --emulated-offset-ns N, --emulated-freq-ppb N   the emulated target's start offset and error
         --simulate     simulated source PHC -> emulated target on simulated time; prints convergence
                        time and steady offset. --sim-updates N (600), --sim-drift-ppb N (12500),
                        --sim-method precise|extended|basic, --sim-threshold-ns N (1000)
         -h             this help
        """;

    /// <summary>Parses; returns null with <paramref name="error"/> set on bad usage.</summary>
    public static Phc2sysOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var o = new Phc2sysOptions();
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? Next()
            {
                if (i + 1 >= args.Count)
                    return null;
                return args[++i];
            }
            string? v;
            switch (a)
            {
                case "-h" or "--help": o = o with { Help = true }; break;
                case "-w": o = o with { WaitForDaemon = true }; break;
                case "-x": o = o with { KernelLeap = false }; break;
                case "-m": o = o with { Verbose = true }; break;
                case "-q": o = o with { NoSyslog = true }; break;
                case "--once": o = o with { Once = true }; break;
                case "--set-at-start": o = o with { SetAtStart = true }; break;
                case "--free-running": o = o with { FreeRunning = true }; break;
                case "--simulate": o = o with { Simulate = true }; break;
                case "-s" or "-i":
                    if ((v = Next()) is null) return Missing(a, out error);
                    o = o with { Source = v };
                    break;
                case "-c":
                    if ((v = Next()) is null) return Missing(a, out error);
                    o = o with { Target = v };
                    break;
                case "-z":
                    if ((v = Next()) is null) return Missing(a, out error);
                    o = o with { UdsAddress = v };
                    break;
                case "-E":
                    if ((v = Next()) is null) return Missing(a, out error);
                    if (!ServoOptions.TryParseClockServo(v, out var st) || st == ServoType.Null)
                        return Bad(a, v, "pi or linreg", out error);
                    o = o with { Servo = st };
                    break;
                case "--sim-method":
                    if ((v = Next()) is null) return Missing(a, out error);
                    if (v is not ("precise" or "extended" or "basic"))
                        return Bad(a, v, "precise, extended or basic", out error);
                    o = o with { SimMethod = v };
                    break;
                default:
                    if (!ParseNumber(a, Next, ref o, out error))
                        return null;
                    break;
            }
        }
        return o;
    }

    private static bool ParseNumber(string a, Func<string?> next, ref Phc2sysOptions o, out string? error)
    {
        error = null;
        bool IsDouble(string? s, double min, double max, out double d) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && d >= min && d <= max && double.IsFinite(d);
        bool IsLong(string? s, long min, long max, out long l) =>
            long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l) && l >= min && l <= max;
        string? v;
        double d;
        long l;
        switch (a)
        {
            case "-O":
                if (!IsLong(v = next(), int.MinValue, int.MaxValue, out l)) return Fail(a, v, "an integer", out error);
                o = o with { UtcOffset = (int)l };
                return true;
            case "-R":
                if (!IsDouble(v = next(), 1e-9, 1e6, out d)) return Fail(a, v, "a rate > 0 Hz", out error);
                o = o with { Rate = d };
                return true;
            case "-N":
                if (!IsLong(v = next(), 1, int.MaxValue, out l)) return Fail(a, v, "a number >= 1", out error);
                o = o with { Readings = (int)Math.Min(l, 25) };
                return true;
            case "-P":
                if (!IsDouble(v = next(), 0, double.MaxValue, out d)) return Fail(a, v, "a number >= 0", out error);
                o = o with { Kp = d };
                return true;
            case "-I":
                if (!IsDouble(v = next(), 0, double.MaxValue, out d)) return Fail(a, v, "a number >= 0", out error);
                o = o with { Ki = d };
                return true;
            case "-S":
                if (!IsDouble(v = next(), 0, double.MaxValue, out d)) return Fail(a, v, "seconds >= 0", out error);
                o = o with { StepThreshold = d };
                return true;
            case "-F":
                if (!IsDouble(v = next(), 0, double.MaxValue, out d)) return Fail(a, v, "seconds >= 0", out error);
                o = o with { FirstStepThreshold = d };
                return true;
            case "-L":
                if (!IsLong(v = next(), 0, int.MaxValue, out l)) return Fail(a, v, "ppb >= 0", out error);
                o = o with { SanityFreqLimit = (int)l };
                return true;
            case "-n":
                if (!IsLong(v = next(), 0, 255, out l)) return Fail(a, v, "0..255", out error);
                o = o with { DomainNumber = (byte)l };
                return true;
            case "-l":
                if (!IsLong(v = next(), 0, 7, out l)) return Fail(a, v, "0..7", out error);
                o = o with { LogLevel = (int)l };
                return true;
            case "--emulated-offset-ns":
                if (!IsLong(v = next(), long.MinValue, long.MaxValue, out l)) return Fail(a, v, "ns", out error);
                o = o with { EmulatedOffsetNs = l };
                return true;
            case "--emulated-freq-ppb":
                if (!IsLong(v = next(), -100_000_000, 100_000_000, out l)) return Fail(a, v, "ppb", out error);
                o = o with { EmulatedFreqPpb = l };
                return true;
            case "--count":
                if (!IsLong(v = next(), 1, long.MaxValue, out l)) return Fail(a, v, "a number >= 1", out error);
                o = o with { Count = l };
                return true;
            case "--sim-updates":
                if (!IsLong(v = next(), 2, 10_000_000, out l)) return Fail(a, v, "2..10000000", out error);
                o = o with { SimUpdates = (int)l };
                return true;
            case "--sim-drift-ppb":
                if (!IsLong(v = next(), -1_000_000, 1_000_000, out l)) return Fail(a, v, "ppb", out error);
                o = o with { SimDriftPpb = l };
                return true;
            case "--sim-threshold-ns":
                if (!IsLong(v = next(), 1, long.MaxValue, out l)) return Fail(a, v, "ns >= 1", out error);
                o = o with { SimThresholdNs = l };
                return true;
            default:
                error = $"unknown option {a}";
                return false;
        }
    }

    private static bool Fail(string option, string? value, string expected, out string? error)
    {
        error = value is null ? $"option {option} needs a value" : $"option {option}: '{value}' is not {expected}";
        return false;
    }

    private static Phc2sysOptions? Missing(string option, out string? error)
    {
        error = $"option {option} needs a value";
        return null;
    }

    private static Phc2sysOptions? Bad(string option, string value, string expected, out string? error)
    {
        error = $"option {option}: '{value}' is not {expected}";
        return null;
    }

    /// <summary>The servo as phc2sys builds it (kp/ki as given, thresholds, the target's max_adj and frequency).</summary>
    public ServoOptions BuildServoOptions(double maxAdjPpb, double initialPpb) => new()
    {
        ClockServo = Servo,
        PiProportionalConst = Kp,
        PiIntegralConst = Ki,
        StepThreshold = StepThreshold,
        FirstStepThreshold = FirstStepThreshold,
        SanityFreqLimit = SanityFreqLimit,
        PhcMaxAdjPpb = maxAdjPpb is > 0 and < int.MaxValue ? (int)maxAdjPpb : 0,
        InitialFrequencyPpb = initialPpb,
    };
}
