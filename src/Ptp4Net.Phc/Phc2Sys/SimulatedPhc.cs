using Ptp4Net.Phc.Clocks;
using Ptp4Net.Time;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// A PHC in process for tests and --simulate, read like the real <see cref="PhcClock"/>: PTP_SYS_OFFSET_PRECISE when
/// it "cross-timestamps", else _EXTENDED triples, else basic interleaved stamps, the narrowest bracket of N kept
/// (<see cref="PhcMath"/>). Its time is an <see cref="EmulatedClock"/> over the simulated CLOCK_REALTIME (exact
/// offset and drift); each read advances simulated time by its latency, which is random and asymmetric, so the
/// midpoint assumption errs as on real hardware. Read-only (pure) when max_adj is 0 or the clock_name says so.
/// </summary>
public sealed class SimulatedPhc : IPtpClock, ICrossTimestampSource
{
    private readonly SimulatedTime _time;
    private readonly EmulatedClock _clock;
    private readonly SimulatedPhcOptions _o;
    private readonly Random _random;
    private readonly long[] _stamps = new long[3 * 25];

    public SimulatedPhc(SimulatedTime time, SimulatedPhcOptions options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _o = options;
        _random = new Random(options.Seed);
        _clock = new EmulatedClock(time, new EmulatedClockOptions
        {
            EmulatedClock = true,
            EmulatedClockOffsetNs = options.InitialOffsetNs,
            EmulatedClockFreqPpb = options.DriftPpb,
            MaxFrequencyPpb = Math.Max(1, options.MaxAdjPpb),
        });
        PureReason = PurePhcClassifier.ReadOnlyReason(options.Capabilities, options.ClockName, openedWritable: true);
    }

    public string Name => $"/dev/ptp{_o.Index}";
    public bool IsUtc => _o.IsUtc;
    public PhcCapabilities Capabilities => _o.Capabilities;
    public string? ClockName => _o.ClockName;
    /// <summary>Why this simulated PHC is pure (read-only); null when steerable.</summary>
    public string? PureReason { get; }
    public bool CanSteer => PureReason is null;
    public string? ReadOnlyReason => PureReason;
    public double MaxFrequencyPpb => _o.MaxAdjPpb;
    public double FrequencyPpb => _clock.FrequencyPpb;

    /// <summary>Ground truth: the PHC's time at a simulated CLOCK_REALTIME instant (exact).</summary>
    public long TimeAt(long systemNs) => (long)_clock.At(systemNs);

    public long NowNanoseconds() => _clock.NowNanoseconds();
    public PtpTimestamp Now() => PtpTimestamp.FromNanoseconds(NowNanoseconds());

    public ClockResult Step(Duration delta) => CanSteer ? _clock.Step(delta) : new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);

    public ClockResult SetFrequencyPpb(double ppb) =>
        CanSteer ? _clock.SetFrequencyPpb(ppb) : new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);

    /// <summary>Like a PHC: no fixed relation to CLOCK_REALTIME.</summary>
    public bool TryMapSoftwareTimestamp(long realtimeNanoseconds, out long clockNanoseconds)
    {
        clockNanoseconds = 0;
        return false;
    }

    public string Describe => ClockName is null ? Name : $"{Name} ({ClockName})";
    string ICrossTimestampSource.Name => Describe;

    public Errno TryRead(int readings, out PhcSample sample)
    {
        readings = Math.Clamp(readings, 1, 25);
        if (_o.CrossTimestamping)
        {
            // Hardware cross-timestamp: device and system time of one instant, no bracket.
            long t = _time.Now;
            sample = new PhcSample(TimeAt(t), t, 0, CrossTimestampMethod.Precise);
            _time.Advance(Leg(_o.LatencyBeforeNs + _o.LatencyAfterNs));
            return Errno.None;
        }
        if (_o.Extended)
        {
            var t = _stamps.AsSpan(0, 3 * readings);
            for (int i = 0; i < readings; i++)
            {
                t[3 * i] = _time.Now;
                _time.Advance(Leg(_o.LatencyBeforeNs));
                t[3 * i + 1] = TimeAt(_time.Now);
                _time.Advance(Leg(_o.LatencyAfterNs));
                t[3 * i + 2] = _time.Now;
                _time.Advance(_o.GapNs);
            }
            return PhcMath.TryBestOfExtended(t, out sample) ? Errno.None : Errno.EIO;
        }
        var b = _stamps.AsSpan(0, 2 * readings + 1);
        b[0] = _time.Now;
        for (int i = 0; i < readings; i++)
        {
            // The ioctl loop's system reads are not taken tightly around the device read: longer, noisier legs.
            _time.Advance(Leg(_o.LatencyBeforeNs + _o.BasicExtraNs) + Leg(0));
            b[2 * i + 1] = TimeAt(_time.Now);
            _time.Advance(Leg(_o.LatencyAfterNs + _o.BasicExtraNs) + Leg(0));
            b[2 * i + 2] = _time.Now;
        }
        return PhcMath.TryBestOfBasic(b, out sample) ? Errno.None : Errno.EIO;
    }

    private long Leg(long min) => min + (_o.JitterNs > 0 ? _random.NextInt64(_o.JitterNs) : 0);
}
