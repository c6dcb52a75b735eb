using Ptp4Net.Phc.Clocks;
using Ptp4Net.Time;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// One phc2sys loop iteration, I/O through interfaces: read the source (N readings, narrowest bracket), read the
/// target at the same system instant, ask the UTC provider, run the <see cref="Phc2SysEngine"/>, apply the answer to
/// the target (leap, TAI offset, step, frequency). The command calls <see cref="Update"/> every 1/R s; tests and
/// --simulate call it on simulated time. Measure-only mode never touches the target.
/// </summary>
public sealed class Phc2SysRunner
{
    private readonly ICrossTimestampSource _source;
    private readonly Phc2SysTarget _target;
    private readonly Phc2SysEngine _engine;
    private readonly IUtcInfoProvider? _utc;
    private readonly int _readings;
    private UtcInfo _lastUtc = UtcInfo.None;
    private bool _haveUtc;

    public Phc2SysRunner(ICrossTimestampSource source, Phc2SysTarget target, Phc2SysEngine engine, IUtcInfoProvider? utc, int readings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(readings, 1);
        _source = source;
        _target = target;
        _engine = engine;
        _utc = utc;
        _readings = readings;
    }

    public Phc2SysEngine Engine => _engine;
    public Phc2SysTarget Target => _target;
    public ICrossTimestampSource Source => _source;

    /// <summary>The UTC information used by the last update.</summary>
    public UtcInfo LastUtc => _lastUtc;

    /// <summary>True when the source reported a disruption and the servo was reset.</summary>
    public int Disruptions { get; private set; }

    public Phc2SysStep Update(long? monotonicNs = null)
    {
        if (!TryMeasure(out var sample, out long targetNs, out var failed))
            return failed;
        var u = _engine.Update(sample, targetNs, _lastUtc, monotonicNs);
        return Apply(u);
    }

    /// <summary>
    /// Set-once mode (boot service): measure and step the target by −offset so it equals the source (with the UTC
    /// offset), and arm a pending leap. No servo involved; the frequency is left as it is (a boot service must not
    /// undo what NTP or an earlier run learned).
    /// </summary>
    public Phc2SysStep SetOnce()
    {
        if (!TryMeasure(out var sample, out long targetNs, out var failed))
            return failed;
        var u = _engine.Measure(sample, targetNs, _lastUtc, out long offset);
        if (u.Suspended)
            return new Phc2SysStep(Phc2SysStepStatus.Suspended, u, Errno.None, null);
        u = u with { StepNs = -offset, ApplyFrequency = false, State = Phc2SysServoState.Jump };
        return Apply(u);
    }

    private bool TryMeasure(out PhcSample sample, out long targetNs, out Phc2SysStep failed)
    {
        targetNs = 0;
        failed = default;
        var e = _source.TryRead(_readings, out sample);
        if (e != Errno.None)
        {
            failed = new Phc2SysStep(Phc2SysStepStatus.SourceFailed, default, e, $"cannot read {_source.Name}: {e}");
            return false;
        }
        if (_source.ConsumeDisruption())
        {
            Disruptions++;
            _engine.Reset();
        }
        if (!_target.TryTimeAt(sample.SystemNanoseconds, out targetNs))
        {
            failed = new Phc2SysStep(Phc2SysStepStatus.TargetReadFailed, default, Errno.EIO, $"cannot read {_target.Name}");
            return false;
        }
        if (_utc is not null)
        {
            if (_utc.TryGet(out var info))
            {
                _lastUtc = info;
                _haveUtc = true;
            }
            else if (!_haveUtc)
            {
                failed = new Phc2SysStep(Phc2SysStepStatus.NoUtcInfo, default, Errno.EAGAIN, $"no UTC offset from {_utc.Origin} yet");
                return false;
            }
        }
        return true;
    }

    private Phc2SysStep Apply(Phc2SysUpdate u)
    {
        if (u.Suspended)
            return new Phc2SysStep(Phc2SysStepStatus.Suspended, u, Errno.None, null);
        if (_engine.Options.MeasureOnly)
            return new Phc2SysStep(Phc2SysStepStatus.Ok, u, Errno.None, null);

        var clock = _target.Clock;
        if (u.LeapToSet is { } leap && _target.Leap is { } lc && lc.SetLeap(leap) is { IsOk: false } lr)
            return Failed(u, lr, $"cannot set the leap state on {clock.Name}: {lr.Describe(clock)}");
        if (u.TaiOffsetToSet is { } tai && _target.Leap is { } tc && tc.SetTaiOffset(tai) is { IsOk: false } tr)
            return Failed(u, tr, $"cannot set the TAI offset on {clock.Name}: {tr.Describe(clock)}");
        if (u.StepNs != 0 && clock.Step(Duration.FromNanoseconds(u.StepNs)) is { IsOk: false } sr)
            return Failed(u, sr, $"cannot step {clock.Name}: {sr.Describe(clock)}");
        if (u.ApplyFrequency && clock.SetFrequencyPpb(u.FrequencyPpb) is { IsOk: false } fr)
            return Failed(u, fr, $"cannot set the frequency of {clock.Name}: {fr.Describe(clock)}");
        return new Phc2SysStep(Phc2SysStepStatus.Ok, u, Errno.None, null);
    }

    private Phc2SysStep Failed(Phc2SysUpdate u, ClockResult r, string message)
    {
        // The servo assumed its answer was applied: start it again (ptp4l/phc2sys reset the servo then).
        _engine.Reset();
        return new Phc2SysStep(Phc2SysStepStatus.ApplyFailed, u, r.Errno, message);
    }
}
