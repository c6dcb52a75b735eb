using System.Diagnostics;
using System.Globalization;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Management;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// ptp4l's print.c for the daemon: each line gets the prefix <c>ptp4net[MONOTONIC.mmm]: </c> (ptp4l's
/// <c>ptp4l[%ld.%03ld]: </c>), goes to stdout with -m (verbose) and to syslog unless -q (use_syslog 0), and is
/// dropped when its level is above logging_level (-l). A line is built in a reused char buffer
/// (<see cref="Begin"/>, Append…, <see cref="Commit"/>) so that the per-Sync line allocates nothing; syslog is
/// written as a datagram to /dev/log (RFC 3164 framing, facility user), with no libc varargs call.
/// </summary>
public sealed class DaemonLog : IDisposable
{
    public const int Emerg = 0;
    public const int Err = 3;
    public const int Warning = 4;
    public const int Notice = 5;
    public const int Info = 6;
    public const int Debug = 7;

    private const int Capacity = 1024;
    private readonly char[] _line = new char[Capacity + 1];
    private readonly byte[] _bytes = new byte[Capacity * 3 + 64];
    private byte[] _devLog = [];
    private readonly TextWriter? _out;
    private readonly bool _verbose;
    private readonly int _level;
    private readonly string _tag;
    private UnixDatagramSocket? _syslog;
    private int _len;
    private int _lineLevel;
    private int _bodyStart;

    /// <param name="stdout">Where -m lines go.</param>
    /// <param name="verbose">-m: print to <paramref name="stdout"/>.</param>
    /// <param name="useSyslog">use_syslog: also send to /dev/log.</param>
    /// <param name="level">logging_level: lines above it are dropped.</param>
    /// <param name="tag">Program name in the prefix ("ptp4net").</param>
    public DaemonLog(TextWriter? stdout, bool verbose, bool useSyslog, int level, string tag = "ptp4net")
    {
        _out = stdout;
        _verbose = verbose && stdout is not null;
        _level = level;
        _tag = tag;
        if (useSyslog) OpenSyslog();
    }

    /// <summary>Lines written (after the level filter), for tests.</summary>
    public long Lines { get; private set; }

    public bool IsEnabled(int level) => level <= _level && (_verbose || _syslog is not null);

    /// <summary>Starts a line at <paramref name="level"/>; false (and nothing to do) when it would be dropped.</summary>
    public bool Begin(int level)
    {
        if (!IsEnabled(level)) return false;
        _lineLevel = level;
        _len = 0;
        long ns = MonotonicNs();
        Append(_tag);
        Append('[');
        Append(ns / 1_000_000_000);
        Append('.');
        AppendPadded(ns / 1_000_000 % 1000, 3, '0');
        Append("]: ");
        _bodyStart = _len;
        return true;
    }

    public DaemonLog Append(char c)
    {
        if (_len < Capacity) _line[_len++] = c;
        return this;
    }

    public DaemonLog Append(ReadOnlySpan<char> s)
    {
        int n = Math.Min(s.Length, Capacity - _len);
        s[..n].CopyTo(_line.AsSpan(_len));
        _len += n;
        return this;
    }

    public DaemonLog Append(long v)
    {
        if (v.TryFormat(_line.AsSpan(_len), out int w, default, CultureInfo.InvariantCulture)) _len += w;
        return this;
    }

    /// <summary>printf's %Nlld (right-aligned in <paramref name="width"/>), or %0Nlld with pad '0'; <paramref name="plus"/> is %+.</summary>
    public DaemonLog AppendPadded(long v, int width, char pad = ' ', bool plus = false)
    {
        Span<char> tmp = stackalloc char[24];
        int n = 0;
        if (plus && v >= 0) tmp[n++] = '+';
        v.TryFormat(tmp[n..], out int w, default, CultureInfo.InvariantCulture);
        n += w;
        if (pad == '0' && n < width)
        {
            // zero padding goes after the sign
            bool neg = tmp[0] is '-' or '+';
            if (neg) Append(tmp[0]);
            for (int i = n; i < width; i++) Append('0');
            return Append(tmp[(neg ? 1 : 0)..n]);
        }
        for (int i = n; i < width; i++) Append(' ');
        return Append(tmp[..n]);
    }

    /// <summary>printf's %N.0f / %+N.0f: rounded half to even (glibc rounds the exact binary value), no "-0".</summary>
    public DaemonLog AppendFixed0(double v, int width, bool plus = false)
    {
        if (!double.IsFinite(v)) return Append(double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf");
        double r = Math.Round(v, MidpointRounding.ToEven);
        if (r == 0) r = 0;
        return AppendPadded((long)r, width, ' ', plus);
    }

    /// <summary>Sends the line to its sinks.</summary>
    public void Commit()
    {
        Lines++;
        if (_verbose)
        {
            // The newline goes into the buffer (one spare slot is kept for it) so the line is one write(2).
            _line[_len] = '\n';
            _out!.Write(_line.AsSpan(0, _len + 1));
            _out.Flush();
        }
        if (_syslog is not null) SendSyslog(_line.AsSpan(_bodyStart, _len - _bodyStart));
    }

    /// <summary>A whole line (allocation is the caller's: for rare events).</summary>
    public void Write(int level, string text)
    {
        if (!Begin(level)) return;
        Append(text);
        Commit();
    }

    /// <summary>CLOCK_MONOTONIC in ns (Stopwatch is CLOCK_MONOTONIC on Linux).</summary>
    public static long MonotonicNs()
    {
        long t = Stopwatch.GetTimestamp();
        return Stopwatch.Frequency == 1_000_000_000 ? t : (long)(t * (1e9 / Stopwatch.Frequency));
    }

    private void OpenSyslog()
    {
        try
        {
            _devLog = UnixDatagramSocket.EncodeAddress("/dev/log");
            _syslog = UnixDatagramSocket.CreateUnbound(nonBlocking: true);
        }
        catch (LinuxException)
        {
            _syslog = null; // no syslog: lines still go to stdout when verbose
        }
    }

    private void SendSyslog(ReadOnlySpan<char> body)
    {
        // "<PRI>ptp4net[PID]: [12.345] text" — ptp4l's syslog line is "[%ld.%03ld] %s" under its ident.
        int n = 0;
        var b = _bytes.AsSpan();
        int pri = 8 + _lineLevel; // LOG_USER
        b[n++] = (byte)'<';
        pri.TryFormat(b[n..], out int w, default, CultureInfo.InvariantCulture);
        n += w;
        b[n++] = (byte)'>';
        n += System.Text.Encoding.ASCII.GetBytes(_tag, b[n..]);
        b[n++] = (byte)'[';
        Environment.ProcessId.TryFormat(b[n..], out w, default, CultureInfo.InvariantCulture);
        n += w;
        b[n++] = (byte)']';
        b[n++] = (byte)':';
        b[n++] = (byte)' ';
        b[n++] = (byte)'[';
        // the timestamp of the prefix without the tag: between '[' and ']'
        int open = _tag.Length + 1;
        int close = _bodyStart - 3;
        n += System.Text.Encoding.UTF8.GetBytes(_line.AsSpan(open, close - open), b[n..]);
        b[n++] = (byte)']';
        b[n++] = (byte)' ';
        n += System.Text.Encoding.UTF8.GetBytes(body, b[n..]);
        _syslog!.SendTo(_bytes.AsSpan(0, n), _devLog, out _);
    }

    public void Dispose()
    {
        _syslog?.Dispose();
        _syslog = null;
    }
}
