using System.Diagnostics;
using Ptp4Net.Tests.Infrastructure;

namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>
/// One interop run: two fresh network namespaces joined by a veth pair (<see cref="NetNs"/>), a private temporary
/// directory for config files, management sockets and captures, and the processes started in it. Every process runs
/// without CAP_SYS_TIME (<see cref="DaemonProcess"/> wraps it in setpriv); linuxptp's ptp4l always gets
/// <c>free_running 1</c>; ptp4net always the emulated clock. <see cref="Dispose"/> stops every process, deletes the
/// namespaces and the directory, also after a failed assertion.
/// </summary>
public sealed class InteropLab : IDisposable
{
    private readonly List<DaemonProcess> _processes = [];
    private readonly Action<string> _log;

    private InteropLab(NetNs ns, string dir, Action<string> log)
    {
        Ns = ns;
        Dir = dir;
        _log = log;
    }

    public NetNs Ns { get; }
    public string Dir { get; }

    /// <summary>Why the interop tests cannot run here, or null: root, iproute2, setpriv, linuxptp and our executable.</summary>
    public static string? Unmet(params string[] moreTools)
    {
        if (Requirements.RootAnd(["ip", "setpriv", "ptp4l", "pmc", .. moreTools]) is { } r) return r;
        return File.Exists(DaemonProcess.Ptp4NetExecutable) ? null : $"the ptp4net executable is missing at {DaemonProcess.Ptp4NetExecutable}";
    }

    public static InteropLab Create(Action<string> log)
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"p4n-interop-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(dir);
        try
        {
            return new InteropLab(NetNs.Create(log), dir, log);
        }
        catch
        {
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    public string Path(string name) => System.IO.Path.Combine(Dir, name);

    /// <summary>linuxptp's ptp4l with <paramref name="config"/> (free_running 1 and its own uds_address are added).</summary>
    public DaemonProcess StartPtp4l(string netns, string iface, string config, string label)
    {
        string cfg = WriteConfig(label, "free_running 1\n" + $"uds_address {Path(label + ".sock")}\n" + config);
        return Track(DaemonProcess.Start(netns, Requirements.FindTool("ptp4l")!, ["-f", cfg, "-i", iface, "-S", "-m"], label, _log));
    }

    /// <summary>ptp4net on the emulated clock with <paramref name="config"/> (emulated_clock 1 and uds addresses added).</summary>
    public DaemonProcess StartPtp4Net(string netns, string iface, string config, string label)
    {
        string cfg = WriteConfig(label, "emulated_clock 1\n" + $"uds_address {Path(label + ".sock")}\n" +
            $"uds_ro_address {Path(label + ".ro")}\n" + config);
        return Track(DaemonProcess.StartPtp4Net(netns, ["-f", cfg, "-i", iface, "-S", "-m"], label, _log));
    }

    /// <summary>The management socket path of the daemon started with <paramref name="label"/>.</summary>
    public string Uds(string label) => Path(label + ".sock");

    /// <summary>Starts any program in a namespace without CAP_SYS_TIME (e.g. dumpcap); stopped on Dispose.</summary>
    public DaemonProcess StartTool(string netns, string program, IEnumerable<string> args, string label) =>
        Track(DaemonProcess.Start(netns, Requirements.FindTool(program) ?? program, args, label, _log));

    /// <summary>Runs a short command to completion in a namespace (bounded); exit code, stdout and stderr.</summary>
    public (int Code, string Out, string Err) Run(string netns, string program, params string[] args)
    {
        var (code, o, e) = NetNs.Run("ip", ["netns", "exec", netns, Requirements.FindTool("setpriv")!,
            "--bounding-set=-sys_time", "--inh-caps=-sys_time", Requirements.FindTool(program) ?? program, .. args], 30_000);
        _log($"$ {program} {string.Join(' ', args)} -> {code}\n{o}{e}");
        return (code, o, e);
    }

    /// <summary>linuxptp's pmc against a daemon's management socket, from inside its namespace.</summary>
    public string LinuxptpPmc(string netns, string label, params string[] commands) =>
        Run(netns, "pmc", ["-u", "-b", "0", "-s", Uds(label), "-i", Path($"pmc.{Guid.NewGuid():N}"[..12]), .. commands]).Out;

    /// <summary>Our pmc against a daemon's management socket, from inside its namespace.</summary>
    public string OurPmc(string netns, string label, params string[] commands) =>
        Run(netns, DaemonProcess.Ptp4NetExecutable, ["pmc", "-u", "-b", "0", "-s", Uds(label), "-i", Path($"ours.{Guid.NewGuid():N}"[..13]), .. commands]).Out;

    private string WriteConfig(string label, string body)
    {
        string path = Path(label + ".cfg");
        File.WriteAllText(path, "[global]\n" + body);
        _log($"{label}.cfg:\n[global]\n{body}");
        return path;
    }

    private DaemonProcess Track(DaemonProcess p)
    {
        lock (_processes) _processes.Add(p);
        return p;
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; false on timeout.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            if (condition()) return true;
            Thread.Sleep(100);
        }
        return condition();
    }

    public void Dispose()
    {
        for (int i = _processes.Count - 1; i >= 0; i--)
            _processes[i].Dispose();
        Ns.Dispose();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException e)
        {
            _log($"could not remove {Dir}: {e.Message}");
        }
    }
}
