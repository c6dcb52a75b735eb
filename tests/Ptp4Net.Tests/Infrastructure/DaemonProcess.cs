using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ptp4Net.Tests.Infrastructure;

/// <summary>
/// A daemon (linuxptp's ptp4l, or ours) started inside a namespace by a test, without CAP_SYS_TIME
/// (`setpriv --bounding-set=-sys_time --inh-caps=-sys_time`), so it can never touch a real clock. Its
/// stdout/stderr lines are collected; Dispose kills exactly this process (by its id) and waits.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _p;
    private readonly ConcurrentQueue<string> _lines = new();

    private DaemonProcess(Process p)
    {
        _p = p;
        _p.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _p.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _p.BeginOutputReadLine();
        _p.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> Lines => _lines;
    public bool HasExited => _p.HasExited;
    public int Id => _p.Id;

    /// <summary>Starts `ip netns exec NS setpriv --bounding-set=-sys_time --inh-caps=-sys_time PROGRAM ARGS`.</summary>
    public static DaemonProcess StartInNamespace(string ns, string program, params string[] args)
    {
        var psi = new ProcessStartInfo(Requirements.FindTool("ip") ?? "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["netns", "exec", ns, Requirements.FindTool("setpriv") ?? "setpriv",
                     "--bounding-set=-sys_time", "--inh-caps=-sys_time", Requirements.FindTool(program) ?? program, .. args])
            psi.ArgumentList.Add(a);
        return new DaemonProcess(Process.Start(psi)!);
    }

    /// <summary>linuxptp's ptp4l as a peer: software stamps, free_running 1 (never steers), on one interface.</summary>
    public static DaemonProcess StartPtp4l(string ns, string iface, string transportFlag, params string[] extra) =>
        StartInNamespace(ns, "ptp4l", ["-i", iface, "-S", transportFlag, "-m", "-q", "--free_running", "1", .. extra]);

    /// <summary>Waits (bounded) until a line contains the text.</summary>
    public bool WaitForLine(string text, int timeoutMs)
    {
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < timeoutMs)
        {
            foreach (var l in _lines)
                if (l.Contains(text, StringComparison.Ordinal))
                    return true;
            if (_p.HasExited)
                return false;
            Thread.Sleep(20);
        }
        return false;
    }

    public void Dispose()
    {
        try
        {
            if (!_p.HasExited)
            {
                _p.Kill();
                _p.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _p.Dispose();
    }
}
