using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ptp4Net.Tests.Infrastructure;

/// <summary>
/// Two fresh network namespaces joined by a veth pair, with names unique to this process and addresses that
/// exist only inside them (198.18.0.0/15 benchmark range, fd00:5054::/32 ULA; DAD off so they are usable at
/// once). Commands run with `ip netns exec`; code runs inside with <see cref="RunIn{T}"/> (a dedicated thread
/// that setns()es, so sockets it creates live in that namespace). Dispose always deletes both namespaces,
/// which also destroys the veth pair. Needs root and iproute2.
/// </summary>
public sealed class NetNs : IDisposable
{
    private static int s_counter;
    private readonly List<string> _created = [];
    private readonly Action<string>? _log;

    private NetNs(int n, Action<string>? log)
    {
        _log = log;
        string id = $"{Environment.ProcessId % 100000}x{n}";
        NameA = $"p4n{id}a";
        NameB = $"p4n{id}b";
        IfA = $"p4v{id}a";
        IfB = $"p4v{id}b";
        int octet = n % 250 + 1;
        Ipv4A = $"198.18.{octet}.1";
        Ipv4B = $"198.18.{octet}.2";
        Ipv6A = $"fd00:5054:{octet:x}::1";
        Ipv6B = $"fd00:5054:{octet:x}::2";
    }

    public string NameA { get; }
    public string NameB { get; }
    /// <summary>The veth end inside namespace A.</summary>
    public string IfA { get; }
    /// <summary>The veth end inside namespace B.</summary>
    public string IfB { get; }
    public string Ipv4A { get; }
    public string Ipv4B { get; }
    public string Ipv6A { get; }
    public string Ipv6B { get; }

    /// <summary>Creates the pair; on any failure removes what it made and throws with the command's output.</summary>
    public static NetNs Create(Action<string>? log = null)
    {
        var ns = new NetNs(Interlocked.Increment(ref s_counter), log);
        try
        {
            ns.SetUp();
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private void SetUp()
    {
        foreach (var (name, ifname, v4, v6) in new[] { (NameA, IfA, Ipv4A, Ipv6A), (NameB, IfB, Ipv4B, Ipv6B) })
        {
            Ip("netns", "add", name);
            _created.Add(name);
            MustExec(name, "ip", "link", "set", "lo", "up");
            // New devices take the namespace's defaults: no duplicate address detection, so addresses work now.
            MustExec(name, "sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0");
            MustExec(name, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0");
        }
        Ip("link", "add", IfA, "netns", NameA, "type", "veth", "peer", "name", IfB, "netns", NameB);
        foreach (var (name, ifname, v4, v6) in new[] { (NameA, IfA, Ipv4A, Ipv6A), (NameB, IfB, Ipv4B, Ipv6B) })
        {
            MustExec(name, "ip", "addr", "add", v4 + "/24", "dev", ifname);
            MustExec(name, "ip", "-6", "addr", "add", v6 + "/64", "dev", ifname, "nodad");
            MustExec(name, "ip", "link", "set", ifname, "up");
        }
        // veth carrier comes up when both ends are up; wait for it (bounded).
        for (int i = 0; i < 50; i++)
        {
            var (_, o, _) = Exec(NameA, "cat", $"/sys/class/net/{IfA}/operstate");
            if (o.Trim() == "up")
                break;
            Thread.Sleep(20);
        }
    }

    private void Ip(params string[] args)
    {
        var (code, o, e) = Run("ip", args);
        if (code != 0)
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({code}): {o}{e}");
    }

    private void MustExec(string ns, string cmd, params string[] args)
    {
        var (code, o, e) = Exec(ns, cmd, args);
        if (code != 0)
            throw new InvalidOperationException($"in {ns}: {cmd} {string.Join(' ', args)} failed ({code}): {o}{e}");
    }

    /// <summary>Runs a command inside a namespace (ip netns exec); 30 s limit.</summary>
    public (int Code, string Out, string Err) Exec(string ns, string cmd, params string[] args) =>
        Run("ip", ["netns", "exec", ns, cmd, .. args]);

    /// <summary>
    /// The tests' one runner for a program that must finish (ip, tshark, editcap, pmc, ptp4net dump): a time limit,
    /// and on timeout it kills the process it started (with its children) and returns -1 with "timed out".
    /// </summary>
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, int timeoutMs = 30_000)
    {
        var psi = new ProcessStartInfo(Requirements.FindTool(file) ?? file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(5000);
            return (-1, so.IsCompleted ? so.Result : "", $"timed out after {timeoutMs} ms");
        }
        return (p.ExitCode, so.Result, se.Result);
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a dedicated thread that has entered the namespace (setns). Sockets keep
    /// the namespace they were created in, so a transport opened here stays inside after the call.
    /// </summary>
    public T RunIn<T>(string ns, Func<T> body)
    {
        T result = default!;
        Exception? error = null;
        var t = new Thread(() =>
        {
            int own = open("/proc/thread-self/ns/net", 0x80000);
            int target = open($"/run/netns/{ns}", 0x80000);
            try
            {
                if (own < 0 || target < 0)
                    throw new InvalidOperationException($"cannot open namespace files for {ns} (errno {Marshal.GetLastPInvokeError()})");
                if (setns(target, 0x40000000) != 0)
                    throw new InvalidOperationException($"setns({ns}) failed: errno {Marshal.GetLastPInvokeError()}");
                try
                {
                    result = body();
                }
                finally
                {
                    setns(own, 0x40000000);
                }
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                if (own >= 0) close(own);
                if (target >= 0) close(target);
            }
        });
        t.Start();
        if (!t.Join(60_000))
            throw new TimeoutException($"code in namespace {ns} did not finish in 60 s");
        if (error is not null)
            throw new InvalidOperationException($"in namespace {ns}: {error.Message}", error);
        return result;
    }

    public void RunIn(string ns, Action body) => RunIn(ns, () => { body(); return 0; });

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    public void Dispose()
    {
        for (int i = _created.Count - 1; i >= 0; i--)
        {
            var (code, o, e) = Run("ip", ["netns", "del", _created[i]]);
            if (code != 0)
                _log?.Invoke($"ip netns del {_created[i]} failed: {o}{e}");
        }
        _created.Clear();
    }
}
