using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
namespace Ptp4Net.Tests.Infrastructure;

/// <summary>
/// The one helper for daemons a test starts: our ptp4net, or linuxptp's ptp4l/pmc for interop tests, inside a
/// network namespace the test created, always under
/// <c>setpriv --bounding-set=-sys_time --inh-caps=-sys_time</c> so that it cannot touch a real clock, and collects
/// its stdout/stderr lines with the parsed "master offset" and "emulated clock offset" values. Every wait is
/// bounded; <see cref="Dispose"/> stops the process with SIGTERM (then SIGKILL after 10 s) — only this process.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Action<string>? _echo;
    private readonly string _label;
    private string? _ownedFile;

    private DaemonProcess(Process p, string label, Action<string>? echo)
    {
        _process = p;
        _label = label;
        _echo = echo;
    }

    /// <summary>Our executable, copied next to the test assembly by the project reference.</summary>
    public static string Ptp4NetExecutable => Path.Combine(AppContext.BaseDirectory, "ptp4net");

    /// <summary>Starts <paramref name="program"/> with <paramref name="args"/> in namespace <paramref name="netns"/>
    /// (null: the test's own namespace) without CAP_SYS_TIME.</summary>
    public static DaemonProcess Start(string? netns, string program, IEnumerable<string> args, string label, Action<string>? echo = null)
    {
        var psi = new ProcessStartInfo(Requirements.FindTool("ip") ?? "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var all = new List<string>();
        if (netns is not null)
        {
            all.AddRange(["netns", "exec", netns]);
            all.Add(Requirements.FindTool("setpriv") ?? "setpriv");
        }
        else
        {
            psi.FileName = Requirements.FindTool("setpriv") ?? "setpriv";
        }
        all.AddRange(["--bounding-set=-sys_time", "--inh-caps=-sys_time", program]);
        all.AddRange(args);
        foreach (var a in all) psi.ArgumentList.Add(a);
        var p = new Process { StartInfo = psi };
        var d = new DaemonProcess(p, label, echo);
        p.OutputDataReceived += (_, e) => d.Add(e.Data);
        p.ErrorDataReceived += (_, e) => d.Add(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return d;
    }

    /// <summary>ptp4net in a namespace (see <see cref="Start"/>).</summary>
    public static DaemonProcess StartPtp4Net(string? netns, IEnumerable<string> args, string label, Action<string>? echo = null) =>
        Start(netns, Ptp4NetExecutable, args, label, echo);

    /// <summary>Starts <paramref name="program"/> (looked up on PATH and in the sbin directories) in namespace
    /// <paramref name="ns"/> without CAP_SYS_TIME.</summary>
    public static DaemonProcess StartInNamespace(string ns, string program, params string[] args) =>
        Start(ns, Requirements.FindTool(program) ?? program, args, program);

    /// <summary>linuxptp's ptp4l as a peer: software stamps, free_running 1 (never steers), on one interface. Unless
    /// <paramref name="extra"/> names one, it gets its own management socket in the temporary directory (removed on
    /// Dispose) instead of the machine-wide /var/run/ptp4l, which the file system shares across namespaces.</summary>
    public static DaemonProcess StartPtp4l(string ns, string iface, string transportFlag, params string[] extra)
    {
        string? uds = extra.Contains("--uds_address") ? null : Path.Combine(Path.GetTempPath(), $"p4n-ptp4l-{Guid.NewGuid():N}");
        var p = StartInNamespace(ns, "ptp4l",
            ["-i", iface, "-S", transportFlag, "-m", "-q", "--free_running", "1", .. uds is null ? [] : (string[])["--uds_address", uds], .. extra]);
        p._ownedFile = uds;
        return p;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        _echo?.Invoke($"[{_label}] {line}");
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>A snapshot of the lines so far.</summary>
    public string[] Lines
    {
        get { lock (_lines) return _lines.ToArray(); }
    }

    /// <summary>Waits (bounded) for a line matching <paramref name="match"/>; true if one came.</summary>
    public bool WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        int seen = 0;
        while (sw.Elapsed < timeout)
        {
            var lines = Lines;
            for (; seen < lines.Length; seen++)
                if (match(lines[seen])) return true;
            if (_process.HasExited && seen == Lines.Length) return false;
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>Waits (bounded) for a line containing <paramref name="text"/>; true if one came.</summary>
    public bool WaitForLine(string text, int timeoutMs) =>
        WaitForLine(l => l.Contains(text, StringComparison.Ordinal), TimeSpan.FromMilliseconds(timeoutMs));

    /// <summary>Waits (bounded) for the process to exit; its exit code, or null on timeout.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds)) return null;
        _process.WaitForExit(); // flush the asynchronous readers
        return _process.ExitCode;
    }

    /// <summary>SIGTERM (a clean stop), then the exit code (null if it did not exit in <paramref name="timeout"/>).</summary>
    public int? Terminate(TimeSpan timeout)
    {
        if (!_process.HasExited) kill(_process.Id, 15);
        return WaitForExit(timeout);
    }

    /// <summary>"emulated clock offset N" values in order, with the daemon's monotonic time of the line.</summary>
    public IReadOnlyList<(double Time, long OffsetNs)> EmulatedOffsets() => Parse<long>(TryParseEmulatedOffset);

    /// <summary>"master offset N sK freq F path delay D" values in order.</summary>
    public IReadOnlyList<(double Time, MasterOffsetLine Line)> MasterOffsets() => Parse<MasterOffsetLine>(TryParseMasterOffset);

    private delegate bool LineParser<T>(string line, out double time, out T value);

    private List<(double, T)> Parse<T>(LineParser<T> parser)
    {
        var list = new List<(double, T)>();
        foreach (var l in Lines)
            if (parser(l, out double t, out var v)) list.Add((t, v));
        return list;
    }

    /// <summary>Parses "prog[123.456]: text" into its time and text.</summary>
    public static bool TryParsePrefix(string line, out double time, out string text)
    {
        time = 0;
        text = line;
        int open = line.IndexOf('[');
        int close = line.IndexOf("]: ", StringComparison.Ordinal);
        if (open < 0 || close < open) return false;
        if (!double.TryParse(line.AsSpan(open + 1, close - open - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out time))
            return false;
        text = line[(close + 3)..];
        return true;
    }

    public static bool TryParseEmulatedOffset(string line, out double time, out long offsetNs)
    {
        offsetNs = 0;
        if (!TryParsePrefix(line, out time, out var text)) return false;
        const string key = "emulated clock offset ";
        return text.StartsWith(key, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(key.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offsetNs);
    }

    /// <summary>ptp4l's clock.c line; works on ptp4l's output too.</summary>
    public static bool TryParseMasterOffset(string line, out double time, out MasterOffsetLine value)
    {
        value = default;
        if (!TryParsePrefix(line, out time, out var text)) return false;
        int at = text.IndexOf("master offset ", StringComparison.Ordinal);
        if (at < 0) return false;
        var parts = text[(at + 14)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // N sK freq F path delay D
        if (parts.Length < 7 || parts[2] != "freq" || parts[4] != "path" || parts[5] != "delay" || parts[1].Length < 2 || parts[1][0] != 's')
            return false;
        var inv = CultureInfo.InvariantCulture;
        if (!long.TryParse(parts[0], NumberStyles.AllowLeadingSign, inv, out long off)
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, inv, out int state)
            || !double.TryParse(parts[3], NumberStyles.Float, inv, out double freq)
            || !long.TryParse(parts[6], NumberStyles.AllowLeadingSign, inv, out long delay))
            return false;
        value = new MasterOffsetLine(off, state, freq, delay);
        return true;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited && Terminate(TimeSpan.FromSeconds(10)) is null)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
        if (_ownedFile is not null)
            File.Delete(_ownedFile);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
