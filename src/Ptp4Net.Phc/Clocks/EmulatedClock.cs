using Ptp4Net.Time;

namespace Ptp4Net.Phc.Clocks;

/// <summary>
/// A clock in process, steerable like a PHC, touching no real clock:
/// emulated(t) = E0 + (t − R0) · (1 + (error + adjustment)·10⁻⁹), with t = CLOCK_REALTIME from the injected
/// source and (R0, E0) the anchor set at creation and moved on every step or frequency change. Rates are
/// held in femto-parts (10⁻¹⁵, i.e. ppb × 10⁶) and the product computed in Int128, so a given ppb over a
/// given interval yields exactly the expected nanoseconds (rounded toward −∞). The error and the adjustment
/// add (a first-order model; their product, below 10⁻⁸ of the interval at 100 ppm, is ignored).
/// </summary>
public sealed class EmulatedClock : IPtpClock
{
    private const long FemtoPerPpb = 1_000_000;
    private const long FemtoPerUnit = 1_000_000_000_000_000;

    private readonly ITimeSource _source;
    private readonly long _errorFemto;
    private long _adjustFemto;
    private long _anchorReal;
    private Int128 _anchorEmulated;
    private double _adjustPpb;

    public EmulatedClock(ITimeSource source, EmulatedClockOptions options)
    {
        _source = source;
        _errorFemto = checked(options.EmulatedClockFreqPpb * FemtoPerPpb);
        MaxFrequencyPpb = options.MaxFrequencyPpb;
        _anchorReal = source.RealtimeNanoseconds();
        _anchorEmulated = (Int128)_anchorReal + options.EmulatedClockOffsetNs;
    }

    public string Name => "emulated clock";
    public bool CanSteer => true;
    public string? ReadOnlyReason => null;
    public double MaxFrequencyPpb { get; }
    public double FrequencyPpb => _adjustPpb;
    /// <summary>The configured oscillator error, ppb.</summary>
    public double OscillatorErrorPpb => (double)_errorFemto / FemtoPerPpb;

    /// <summary>Emulated time at a given CLOCK_REALTIME reading (exact).</summary>
    public Int128 At(long realtimeNanoseconds)
    {
        Int128 dt = (Int128)realtimeNanoseconds - _anchorReal;
        Int128 extra = FloorDiv(dt * (_errorFemto + _adjustFemto), FemtoPerUnit);
        return _anchorEmulated + dt + extra;
    }

    public long NowNanoseconds() => (long)At(_source.RealtimeNanoseconds());

    /// <summary>Ground truth for labs: emulated − CLOCK_REALTIME at the same instant.</summary>
    public long TrueOffsetFromRealtime()
    {
        long t = _source.RealtimeNanoseconds();
        return (long)(At(t) - t);
    }

    public ClockResult Step(Duration delta)
    {
        Rebase();
        _anchorEmulated += delta.Nanoseconds;
        return ClockResult.Ok;
    }

    public ClockResult SetFrequencyPpb(double ppb)
    {
        if (double.IsNaN(ppb) || Math.Abs(ppb) > MaxFrequencyPpb)
            return new ClockResult(ClockStatus.OutOfRange, Errno.ERANGE);
        Rebase();
        _adjustFemto = (long)Math.Round(ppb * FemtoPerPpb, MidpointRounding.AwayFromZero);
        _adjustPpb = ppb;
        return ClockResult.Ok;
    }

    /// <summary>A phase adjustment is applied at once, as a step (the emulated "hardware" has no phase servo).</summary>
    public ClockResult AdjustPhase(Duration offset) => Step(offset);

    public PtpTimestamp Now() => PtpTimestamp.FromNanoseconds(NowNanoseconds());

    public bool TryMapSoftwareTimestamp(long realtimeNanoseconds, out long clockNanoseconds)
    {
        clockNanoseconds = (long)At(realtimeNanoseconds);
        return true;
    }

    private void Rebase()
    {
        long now = _source.RealtimeNanoseconds();
        _anchorEmulated = At(now);
        _anchorReal = now;
    }

    private static Int128 FloorDiv(Int128 a, long b)
    {
        Int128 q = a / b;
        if ((a % b != 0) && (a < 0))
            q -= 1;
        return q;
    }
}
