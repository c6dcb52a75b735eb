using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// vmclock as a phc2sys source straight from its page: a counter read bracketed by two CLOCK_REALTIME reads, turned into
/// time with the page's counter-to-time parameters; the narrowest of N brackets is kept (reported as Extended, the
/// method with the same shape). The timescale is the page's time_type (TAI or UTC); its TAI offset and leap indicator
/// are the UTC information (<see cref="IUtcInfoProvider"/>); a changed disruption_marker (live migration) is reported
/// once so the servo forgets its calibration. Updates are skipped while clock_status is initializing or unreliable.
/// </summary>
public sealed class VmClockPageSource : ICrossTimestampSource, IUtcInfoProvider
{
    private readonly VmClockSnapshotReader _reader;
    private readonly ICounterReader _counter;
    private readonly ITimeSource _system;
    private VmClockPage _page;
    private bool _disrupted;

    /// <summary>Reads the page once to learn its timescale; throws <see cref="LinuxException"/> if it cannot.</summary>
    public VmClockPageSource(string name, VmClockSnapshotReader reader, ICounterReader counter, ITimeSource system)
    {
        Name = name;
        _reader = reader;
        _counter = counter;
        _system = system;
        if (!reader.TryRead(out _page, out var error))
            throw new LinuxException($"{name}: no usable vmclock page ({error})");
        if (_page.TimeType is not (VmClockTimeType.Tai or VmClockTimeType.Utc))
            throw new LinuxException($"{name}: vmclock time_type {_page.TimeType} is not UTC or TAI");
        IsUtc = _page.TimeType == VmClockTimeType.Utc;
    }

    public string Name { get; }
    public bool IsUtc { get; }
    public UtcOrigin Origin => UtcOrigin.VmClock;
    public VmClockPage LastPage => _page;
    public VmClockError LastError { get; private set; }

    public Errno TryRead(int readings, out PhcSample sample)
    {
        sample = default;
        if (!_reader.TryRead(out var page, out var error))
        {
            LastError = error;
            return error == VmClockError.NoConsistentSnapshot ? Errno.EAGAIN : Errno.EIO;
        }
        if (page.DisruptionMarker != _page.DisruptionMarker)
            _disrupted = true;
        _page = page;
        if (page.ClockStatus is VmClockStatus.Initializing or VmClockStatus.Unreliable)
            return Errno.EAGAIN;

        bool any = false;
        for (int i = 0; i < Math.Clamp(readings, 1, 25); i++)
        {
            long pre = _system.RealtimeNanoseconds();
            ulong counter = _counter.ReadCounter();
            long post = _system.RealtimeNanoseconds();
            if (!page.TryTimeAt(counter, out long t))
            {
                LastError = VmClockError.NoCounterRelation;
                return Errno.EIO;
            }
            long delay = post - pre;
            if (delay < 0 || (any && delay >= sample.DelayNanoseconds))
                continue;
            sample = new PhcSample(t, pre + delay / 2, delay, CrossTimestampMethod.Extended);
            any = true;
        }
        return any ? Errno.None : Errno.EIO;
    }

    public bool ConsumeDisruption()
    {
        bool d = _disrupted;
        _disrupted = false;
        return d;
    }

    public bool TryGet(out UtcInfo info)
    {
        info = VmClockUtcInfoProvider.From(_page);
        return true;
    }
}
