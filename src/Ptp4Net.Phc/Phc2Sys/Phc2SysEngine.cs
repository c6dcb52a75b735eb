using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// The phc2sys computation, pure: a source reading (source time at a system time), the target's time at that same
/// system time and the UTC information in; the adjustment for the target out (<see cref="Phc2SysUpdate"/>). It reads
/// no clock and touches none. Follows phc2sys's update_clock / clock_handle_leap / get_sync_offset (linuxptp
/// phc2sys.c), in our own code:
/// <list type="bullet">
/// <item>offset = target − source + utcOffset·direction; direction = targetIsUtc − sourceIsUtc, or −1 with -O
/// (then target = source + O);</item>
/// <item>with a leap in play and a UTC clock involved, updates are suspended in the last second of the UTC day,
/// the leap state is taken up after 06:00 and dropped after midnight, and the target is told to leap (kernel
/// STA_INS/STA_DEL) or, when it cannot, the servo;</item>
/// <item>the servo's Jump steps by −offset; Jump/Locked set the frequency.</item>
/// </list>
/// </summary>
public sealed class Phc2SysEngine
{
    private readonly IPhc2SysServo _servo;
    private readonly Phc2SysEngineOptions _options;
    private int _leapSet;
    private int? _taiOffsetSet;

    public Phc2SysEngine(IPhc2SysServo servo, Phc2SysEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(servo);
        ArgumentNullException.ThrowIfNull(options);
        _servo = servo;
        _options = options;
    }

    public Phc2SysEngineOptions Options => _options;

    /// <summary>The servo state after the last update.</summary>
    public Phc2SysServoState State { get; private set; }

    /// <summary>The leap state the target was last told (+1/−1/0).</summary>
    public int LeapSet => _leapSet;

    /// <summary>−1, 0, +1 as in phc2sys get_sync_offset.</summary>
    public int Direction => _options.ForcedUtcOffsetSec.HasValue
        ? -1
        : (_options.TargetIsUtc ? 1 : 0) - (_options.SourceIsUtc ? 1 : 0);

    /// <summary>
    /// One update. <paramref name="sample"/>: the source read against CLOCK_REALTIME; <paramref name="targetNs"/>:
    /// the target's time at <c>sample.SystemNanoseconds</c>; <paramref name="monotonicNs"/>: for the sanity check
    /// (null skips it).
    /// </summary>
    public Phc2SysUpdate Update(in PhcSample sample, long targetNs, in UtcInfo utc, long? monotonicNs = null)
    {
        var u = Measure(sample, targetNs, utc, out long offset);
        if (u.Suspended || _options.MeasureOnly)
            return u;

        if (monotonicNs is { } mono && _servo.CheckSanity(targetNs, mono))
            State = Phc2SysServoState.Unlocked;

        var r = _servo.Sample(offset, targetNs);
        State = r.State;
        return u with
        {
            State = r.State,
            FrequencyPpb = r.FrequencyPpb,
            ApplyFrequency = r.State != Phc2SysServoState.Unlocked,
            StepNs = r.State == Phc2SysServoState.Jump ? r.StepNs : 0,
        };
    }

    /// <summary>
    /// The offset the servo would see, with the leap and UTC logic applied, without sampling the servo: the set-once
    /// mode steps the target by −offset.
    /// </summary>
    public Phc2SysUpdate Measure(in PhcSample sample, long targetNs, in UtcInfo utc, out long offset)
    {
        long raw = targetNs - sample.PhcNanoseconds;
        int direction = Direction;
        int utcOffset = _options.ForcedUtcOffsetSec ?? (utc.Valid ? utc.CurrentUtcOffset : 0);
        int? leapToSet = null;
        int? taiToSet = null;
        var u = new Phc2SysUpdate
        {
            RawOffsetNs = raw,
            DelayNs = sample.DelayNanoseconds,
            Method = sample.Method,
            State = State,
            UtcOffsetDirection = direction,
        };

        bool utcInvolved = _options.TargetIsUtc || _options.SourceIsUtc;
        if (utcInvolved && (utc.Leap != 0 || _leapSet != 0))
        {
            // The UTC reading that decides: the source's when it runs UTC (it carries the leap), else the target's,
            // taken as it will be after a pending first step.
            long ts = _options.SourceIsUtc ? sample.PhcNanoseconds : targetNs;
            if (!_options.SourceIsUtc && State == Phc2SysServoState.Unlocked && !_options.MeasureOnly)
                ts -= raw + (long)utcOffset * LeapSeconds.NsPerSecond * direction;

            if (LeapSeconds.IsUtcAmbiguous(ts))
            {
                offset = 0;
                return u with { Suspended = true, UtcOffsetSec = utcOffset };
            }

            int leap = utc.LeapForDayOf(ts);
            // The early/late correction works on TAI − UTC; a forced -O is target − source, which is −(TAI − UTC)
            // for a TAI source and a UTC target.
            int sign = _options.ForcedUtcOffsetSec.HasValue && _options.TargetIsUtc && !_options.SourceIsUtc ? -1 : 1;
            int taiMinusUtc = utcOffset * sign;
            int status = LeapSeconds.Status(ts, _leapSet, ref leap, ref taiMinusUtc);
            utcOffset = taiMinusUtc * sign;
            if (status != _leapSet)
            {
                // Only the target that keeps UTC can leap by itself (phc2sys: "only the system clock can leap").
                if (_options.TargetIsUtc && _options.KernelLeap)
                    leapToSet = status;
                else if (!_options.MeasureOnly)
                    _servo.Leap(status);
                if (status == 0)
                    _servo.ResetSanity();
                _leapSet = status;
            }
        }

        if (utc.Traceable && _options.TargetIsUtc && !_options.ForcedUtcOffsetSec.HasValue && _taiOffsetSet != utcOffset)
        {
            taiToSet = utcOffset;
            _taiOffsetSet = utcOffset;
        }

        offset = raw + (long)utcOffset * LeapSeconds.NsPerSecond * direction;
        return u with { OffsetNs = offset, UtcOffsetSec = utcOffset, LeapToSet = leapToSet, TaiOffsetToSet = taiToSet };
    }

    /// <summary>Forget the servo's samples (a vmclock disruption, a failed adjustment).</summary>
    public void Reset()
    {
        _servo.Reset();
        State = Phc2SysServoState.Unlocked;
    }
}
