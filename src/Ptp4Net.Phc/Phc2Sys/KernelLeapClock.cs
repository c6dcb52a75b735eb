using Ptp4Net.Phc.Clocks;
using Ptp4Net.Time;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// Gives a UTC-keeping clock (the emulated stand-in for CLOCK_REALTIME) the kernel's leap second behaviour: once armed
/// with +1 the second after 23:59:59 is 23:59:59 again (POSIX time has no 23:59:60: the kernel steps back one second
/// at midnight); with −1, 23:59:59 never occurs (one second forward at 23:59:59). The leap takes effect exactly when
/// the clock's own reading reaches the instant: every reading at or after it is shifted, and the inner clock is
/// stepped on the next read or adjustment so the shift persists. Nothing here touches a real clock unless the inner
/// clock is one.
/// </summary>
public sealed class KernelLeapClock : IPtpClock, ILeapControl
{
    private readonly IPtpClock _inner;
    private int _armed;
    private long _leapAt;

    public KernelLeapClock(IPtpClock inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public IPtpClock Inner => _inner;
    public string Name => _inner.Name;
    public bool CanSteer => _inner.CanSteer;
    public string? ReadOnlyReason => _inner.ReadOnlyReason;
    public double MaxFrequencyPpb => _inner.MaxFrequencyPpb;
    public double FrequencyPpb => _inner.FrequencyPpb;

    /// <summary>The armed leap (+1/−1/0).</summary>
    public int ArmedLeap => _armed;

    /// <summary>The clock reading at which the armed leap takes effect (meaningful while <see cref="ArmedLeap"/> ≠ 0).</summary>
    public long ArmedLeapInstantNs => _leapAt;

    /// <summary>The TAI offset last set (ADJ_TAI equivalent); null before.</summary>
    public int? TaiOffset { get; private set; }

    /// <summary>Leaps applied so far.</summary>
    public int LeapsApplied { get; private set; }

    /// <summary>The clock reading (before the shift) at which the last leap took effect.</summary>
    public long LastLeapInstantNs { get; private set; }

    public ClockResult SetLeap(int leap)
    {
        if (leap is < -1 or > 1)
            return new ClockResult(ClockStatus.OutOfRange, Errno.EINVAL);
        Commit();
        _armed = leap;
        if (leap != 0)
        {
            long midnight = LeapSeconds.NextMidnight(_inner.NowNanoseconds());
            _leapAt = leap > 0 ? midnight : midnight - LeapSeconds.NsPerSecond;
        }
        return ClockResult.Ok;
    }

    public ClockResult SetTaiOffset(int taiMinusUtc)
    {
        TaiOffset = taiMinusUtc;
        return ClockResult.Ok;
    }

    public long NowNanoseconds()
    {
        long raw = _inner.NowNanoseconds();
        if (_armed != 0 && raw >= _leapAt)
        {
            long shifted = raw - _armed * LeapSeconds.NsPerSecond;
            Apply();
            return shifted;
        }
        return raw;
    }

    public PtpTimestamp Now() => PtpTimestamp.FromNanoseconds(NowNanoseconds());

    public bool TryMapSoftwareTimestamp(long realtimeNanoseconds, out long clockNanoseconds)
    {
        if (!_inner.TryMapSoftwareTimestamp(realtimeNanoseconds, out long raw))
        {
            clockNanoseconds = 0;
            return false;
        }
        clockNanoseconds = _armed != 0 && raw >= _leapAt ? raw - _armed * LeapSeconds.NsPerSecond : raw;
        return true;
    }

    public ClockResult Step(Duration delta)
    {
        Commit();
        return _inner.Step(delta);
    }

    public ClockResult SetFrequencyPpb(double ppb)
    {
        Commit();
        return _inner.SetFrequencyPpb(ppb);
    }

    public ClockResult AdjustPhase(Duration offset)
    {
        Commit();
        return _inner.AdjustPhase(offset);
    }

    private void Commit()
    {
        if (_armed != 0 && _inner.NowNanoseconds() >= _leapAt)
            Apply();
    }

    private void Apply()
    {
        var r = _inner.Step(Duration.FromNanoseconds(-_armed * LeapSeconds.NsPerSecond));
        if (!r.IsOk)
            return;
        LastLeapInstantNs = _leapAt;
        LeapsApplied++;
        _armed = 0;
    }
}
