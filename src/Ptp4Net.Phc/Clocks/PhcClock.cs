using Ptp4Net.Phc.Providers;
using Ptp4Net.Time;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Clocks;

/// <summary>
/// A PTP hardware clock, /dev/ptpN. Reads with clock_gettime on the dynamic clock id of the open fd; steers
/// with clock_adjtime (ADJ_FREQUENCY in scaled ppm, ADJ_SETOFFSET|ADJ_NANO, ADJ_OFFSET for the driver's phase
/// servo) and clock_settime. A pure PHC (see <see cref="PurePhcClassifier"/>) is read-only: steering returns
/// <see cref="ClockStatus.NotSteerable"/>, and <see cref="RequireSteerable"/> throws with the reason.
/// </summary>
public sealed class PhcClock : IPtpClock, IDisposable
{
    private readonly SafePtpDeviceFd _fd;
    private string? _readOnlyReason;
    private double _ppb;

    internal PhcClock(SafePtpDeviceFd fd, int index, string? clockName, PhcCapabilities caps, bool writable)
    {
        _fd = fd;
        Index = index;
        ClockName = clockName;
        Capabilities = caps;
        ClockId = FdToClockId(fd.Fd);
        _readOnlyReason = PurePhcClassifier.ReadOnlyReason(caps, clockName, writable);
    }

    public int Index { get; }
    public string? ClockName { get; }
    public PhcCapabilities Capabilities { get; }
    /// <summary>The dynamic POSIX clock id; valid while this object is open.</summary>
    public int ClockId { get; }
    public SafePtpDeviceFd Handle => _fd;
    public string Name => $"/dev/ptp{Index}";
    public bool CanSteer => _readOnlyReason is null;
    public string? ReadOnlyReason => _readOnlyReason;
    public double MaxFrequencyPpb => Capabilities.MaxAdjPpb;
    public double FrequencyPpb => _ppb;

    /// <summary>Opens /dev/ptpN (read-write if allowed, else read-only) and reads its capabilities.</summary>
    public static unsafe PhcClock Open(int index)
    {
        string path = $"/dev/ptp{index}";
        bool writable = true;
        int fd = Interop.Libc.Open(path, O_RDWR | O_CLOEXEC);
        if (fd < 0 && Interop.LastErrno() is Errno.EACCES or Errno.EPERM)
        {
            writable = false;
            fd = Interop.Libc.Open(path, O_RDONLY | O_CLOEXEC);
        }
        if (fd < 0)
        {
            var e = Interop.LastErrno();
            throw new LinuxException($"cannot open {path}: {Interop.Describe(e)}", e);
        }
        var h = new SafePtpDeviceFd();
        h.SetFd(fd);
        try
        {
            var caps = default(PtpClockCaps);
            if (Ioctl(h, PTP_CLOCK_GETCAPS2, &caps) != 0 && (Interop.LastErrno() != Errno.ENOTTY || Ioctl(h, PTP_CLOCK_GETCAPS, &caps) != 0))
            {
                var e = Interop.LastErrno();
                throw new LinuxException($"{path}: PTP_CLOCK_GETCAPS failed: {Interop.Describe(e)}", e);
            }
            string? name = null;
            try
            {
                name = File.ReadAllText($"/sys/class/ptp/ptp{index}/clock_name").Trim();
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            var c = new PhcCapabilities(caps.MaxAdj, caps.NAlarm, caps.NExtTs, caps.NPerOut, caps.Pps != 0, caps.NPins,
                caps.CrossTimestamping != 0, caps.AdjustPhase != 0, caps.MaxPhaseAdj);
            return new PhcClock(h, index, name, c, writable);
        }
        catch
        {
            h.Dispose();
            throw;
        }
    }

    /// <summary>Opens the PHC of an interface (the one ETHTOOL_GET_TS_INFO reports).</summary>
    public static PhcClock OpenForInterface(string ifname)
    {
        using var s = HwTstampIoctl.OpenIoctlSocket();
        var e = HwTstampIoctl.GetTsInfo(s, ifname, out var info);
        if (e != Errno.None)
            throw new LinuxException($"{ifname}: ETHTOOL_GET_TS_INFO failed: {Interop.Describe(e)}", e);
        if (info.PhcIndex < 0)
            throw new LinuxException($"{ifname} has no PTP hardware clock (PHC index none)");
        return Open(info.PhcIndex);
    }

    /// <summary>Set-up check for the daemon: throws with a clear message when this PHC must not be steered.</summary>
    public void RequireSteerable()
    {
        if (_readOnlyReason is not null)
            throw new LinuxException($"{Name} cannot be steered: {_readOnlyReason}; use it as a time source (phc2sys -s) only");
    }

    public unsafe long NowNanoseconds()
    {
        Timespec ts;
        return ClockGetTime(ClockId, &ts) == 0 ? ts.TotalNanoseconds : long.MinValue;
    }

    private ClockResult Refused(Errno e)
    {
        if (e == Errno.EOPNOTSUPP)
        {
            // The driver refused adjustment at all: it is a pure clock, whatever max_adj said.
            _readOnlyReason ??= "the driver refused adjustment (EOPNOTSUPP): a pure time source";
            return new ClockResult(ClockStatus.NotSteerable, e);
        }
        return new ClockResult(e == Errno.ERANGE ? ClockStatus.OutOfRange : ClockStatus.Failed, e);
    }

    public unsafe ClockResult Step(Duration delta)
    {
        if (_readOnlyReason is not null)
            return new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);
        var tx = PhcMath.StepTimex(delta.Nanoseconds);
        return ClockAdjTime(ClockId, &tx) < 0 ? Refused(Interop.LastErrno()) : ClockResult.Ok;
    }

    public unsafe ClockResult SetFrequencyPpb(double ppb)
    {
        if (_readOnlyReason is not null)
            return new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);
        if (double.IsNaN(ppb) || Math.Abs(ppb) > Capabilities.MaxAdjPpb)
            return new ClockResult(ClockStatus.OutOfRange, Errno.ERANGE);
        var tx = new Timex { Modes = ADJ_FREQUENCY, Freq = PhcMath.PpbToScaledPpm(ppb) };
        if (ClockAdjTime(ClockId, &tx) < 0)
            return Refused(Interop.LastErrno());
        _ppb = ppb;
        return ClockResult.Ok;
    }

    /// <summary>Reads the frequency adjustment in force (modes 0: a read, no change).</summary>
    public unsafe bool TryReadFrequencyPpb(out double ppb)
    {
        var tx = default(Timex);
        ppb = 0;
        if (ClockAdjTime(ClockId, &tx) < 0)
            return false;
        ppb = PhcMath.ScaledPpmToPpb(tx.Freq);
        return true;
    }

    public unsafe ClockResult AdjustPhase(Duration offset)
    {
        if (_readOnlyReason is not null)
            return new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);
        if (!Capabilities.AdjustPhase)
            return new ClockResult(ClockStatus.NotSupported, Errno.EOPNOTSUPP);
        if (offset.Nanoseconds is > int.MaxValue or < int.MinValue
            || (Capabilities.MaxPhaseAdjNs > 0 && Math.Abs(offset.Nanoseconds) > Capabilities.MaxPhaseAdjNs))
            return new ClockResult(ClockStatus.OutOfRange, Errno.ERANGE);
        var tx = new Timex { Modes = ADJ_OFFSET | ADJ_NANO, Offset = offset.Nanoseconds };
        return ClockAdjTime(ClockId, &tx) < 0 ? Refused(Interop.LastErrno()) : ClockResult.Ok;
    }

    /// <summary>Sets the clock (clock_settime); for initialising a PHC, never on the servo path.</summary>
    public unsafe ClockResult SetTime(PtpTimestamp time)
    {
        if (_readOnlyReason is not null)
            return new ClockResult(ClockStatus.NotSteerable, Errno.EPERM);
        var ts = new Timespec { Sec = (long)time.Seconds, Nsec = time.Nanoseconds };
        return ClockSetTime(ClockId, &ts) < 0 ? Refused(Interop.LastErrno()) : ClockResult.Ok;
    }

    /// <summary>A PHC has no fixed relation to CLOCK_REALTIME: software stamps do not map.</summary>
    public PtpTimestamp Now() => PtpTimestamp.FromNanoseconds(NowNanoseconds());

    public bool TryMapSoftwareTimestamp(long realtimeNanoseconds, out long clockNanoseconds)
    {
        clockNanoseconds = 0;
        return false;
    }

    /// <summary>
    /// The PHC–CLOCK_REALTIME offset: PTP_SYS_OFFSET_PRECISE when the clock cross-timestamps, else
    /// PTP_SYS_OFFSET_EXTENDED, else basic PTP_SYS_OFFSET; n samples (≤ 25), the narrowest bracket wins.
    /// Uses the "2" ioctls, falling back to the originals on ENOTTY.
    /// </summary>
    public unsafe Errno TryCrossTimestamp(int samples, out PhcSample best)
    {
        best = default;
        samples = Math.Clamp(samples, 1, PTP_MAX_SAMPLES);
        if (Capabilities.CrossTimestamping)
        {
            var p = default(PtpSysOffsetPrecise);
            if (Ioctl(_fd, PTP_SYS_OFFSET_PRECISE2, &p) == 0 || (Interop.LastErrno() == Errno.ENOTTY && Ioctl(_fd, PTP_SYS_OFFSET_PRECISE, &p) == 0))
            {
                best = new PhcSample(p.Device.TotalNanoseconds, p.SysRealtime.TotalNanoseconds, 0, CrossTimestampMethod.Precise);
                return Errno.None;
            }
        }
        var ext = default(PtpSysOffsetExtended);
        ext.NSamples = (uint)samples;
        if (Ioctl(_fd, PTP_SYS_OFFSET_EXTENDED2, &ext) == 0 || (Interop.LastErrno() == Errno.ENOTTY && Ioctl(_fd, PTP_SYS_OFFSET_EXTENDED, &ext) == 0))
        {
            Span<long> t = stackalloc long[samples * 3];
            var ts = (PtpClockTime*)ext.Ts;
            for (int i = 0; i < t.Length; i++)
                t[i] = ts[i].TotalNanoseconds;
            return PhcMath.TryBestOfExtended(t, out best) ? Errno.None : Errno.EIO;
        }
        var basic = default(PtpSysOffset);
        basic.NSamples = (uint)samples;
        if (Ioctl(_fd, PTP_SYS_OFFSET2, &basic) == 0 || (Interop.LastErrno() == Errno.ENOTTY && Ioctl(_fd, PTP_SYS_OFFSET, &basic) == 0))
        {
            Span<long> t = stackalloc long[2 * samples + 1];
            var ts = (PtpClockTime*)basic.Ts;
            for (int i = 0; i < t.Length; i++)
                t[i] = ts[i].TotalNanoseconds;
            return PhcMath.TryBestOfBasic(t, out best) ? Errno.None : Errno.EIO;
        }
        return Interop.LastErrno();
    }

    public void Dispose() => _fd.Dispose();
}
