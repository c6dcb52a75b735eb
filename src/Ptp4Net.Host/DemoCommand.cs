using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ptp4Net.Host.Daemon;
using Ptp4Net.Phc;

namespace Ptp4Net.Host;

/// <summary>
/// The README's first command: two network namespaces joined by a veth pair, a ptp4net grandmaster (free_running on
/// CLOCK_REALTIME) and a ptp4net client on the emulated clock (1 ms off, +20 ppm), software stamps, UDPv4 E2E, both
/// child processes under setpriv without CAP_SYS_TIME. Prints the client's log as it locks (master offset and
/// emulated clock offset lines) for <c>--seconds N</c> (default 30), then tears everything down, also on Ctrl-C.
/// Without root it says so and runs the simulator demo (<c>ptp4net sim</c>) instead.
/// </summary>
internal static class DemoCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        int seconds = 30;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length
                && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s is > 0 and <= 3600)
                seconds = s;
            else
            {
                stderr.WriteLine("usage: ptp4net demo [--seconds N]   (N from 1 to 3600, default 30)");
                return 2;
            }
        }

        string? missing = !ProcessIdentity.IsRoot ? "root (network namespaces)"
            : Which("ip") is null ? "the 'ip' tool (iproute2)"
            : Which("setpriv") is null ? "the 'setpriv' tool (util-linux)" : null;
        if (missing is not null)
        {
            stdout.WriteLine($"ptp4net demo: the namespace demo needs {missing}; running the simulator demo instead (ptp4net sim).");
            stdout.WriteLine();
            return SimCommand.Run([], stdout, stderr);
        }
        return RunLab(seconds, stdout, stderr);
    }

    private static int RunLab(int seconds, TextWriter stdout, TextWriter stderr)
    {
        string id = (Environment.ProcessId % 100000).ToString(CultureInfo.InvariantCulture);
        string nsA = $"p4ndemo{id}a", nsB = $"p4ndemo{id}b", ifA = $"p4nd{id}a", ifB = $"p4nd{id}b";
        string uds = Path.Combine(Path.GetTempPath(), $"p4ndemo-{id}");
        var created = new List<string>();
        var children = new List<Process>();
        using var stop = new ManualResetEventSlim();
        void OnSignal(PosixSignalContext ctx)
        {
            ctx.Cancel = true; // tear down first; the children get the terminal's SIGINT themselves
            stop.Set();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var truth = new List<long>();
        try
        {
            stdout.WriteLine($"ptp4net demo: namespaces {nsA} and {nsB}, veth {ifA} <-> {ifB}, 198.18.254.1 <-> 198.18.254.2");
            foreach (var (ns, ifname, ip) in new[] { (nsA, ifA, "198.18.254.1/24"), (nsB, ifB, "198.18.254.2/24") })
            {
                Must("ip", "netns", "add", ns);
                created.Add(ns);
                Must("ip", "-n", ns, "link", "set", "lo", "up");
            }
            Must("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
            Must("ip", "-n", nsA, "addr", "add", "198.18.254.1/24", "dev", ifA);
            Must("ip", "-n", nsB, "addr", "add", "198.18.254.2/24", "dev", ifB);
            Must("ip", "-n", nsA, "link", "set", ifA, "up");
            Must("ip", "-n", nsB, "link", "set", ifB, "up");
            Directory.CreateDirectory(uds);
            // veth carrier comes up a moment after both ends are up; start the daemons on a live link (bounded wait).
            for (int i = 0; i < 100 && !Exec("ip", "netns", "exec", nsB, "cat", $"/sys/class/net/{ifB}/operstate").Output.StartsWith("up", StringComparison.Ordinal); i++)
                Thread.Sleep(20);

            string[] common = ["-S", "-4", "-E", "-m", "-q"];
            string[] gmArgs = ["-i", ifA, .. common, "--free_running", "1", "--priority1", "100",
                "--uds_address", Path.Combine(uds, "gm"), "--uds_ro_address", Path.Combine(uds, "gmro")];
            string[] clArgs = ["-i", ifB, .. common, "-s", "--emulated_clock", "1", "--emulated_clock_offset_ns", "1000000",
                "--emulated_clock_freq_ppb", "20000", "--pi_proportional_scale", "0.7", "--pi_integral_scale", "0.3",
                "--uds_address", Path.Combine(uds, "client"), "--uds_ro_address", Path.Combine(uds, "clientro")];
            stdout.WriteLine("grandmaster: ptp4net " + string.Join(' ', gmArgs));
            stdout.WriteLine("client:      ptp4net " + string.Join(' ', clArgs));
            stdout.WriteLine($"the client starts 1 ms ahead and 20 ppm fast; running {seconds} s (Ctrl-C stops early)");
            stdout.WriteLine();

            var gate = new object();
            children.Add(StartChild(nsA, gmArgs, "gm    ", stdout, gate, null));
            children.Add(StartChild(nsB, clArgs, "client", stdout, gate, truth));
            stop.Wait(TimeSpan.FromSeconds(seconds));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            stderr.WriteLine("ptp4net demo: " + e.Message);
            return 1;
        }
        finally
        {
            foreach (var p in children)
            {
                try
                {
                    if (!p.HasExited) ProcessIdentity.Signal(p.Id, 15); // SIGTERM: let it remove its sockets
                    if (!p.WaitForExit(10_000)) p.Kill();
                    p.WaitForExit(5_000);
                }
                catch (InvalidOperationException)
                {
                }
            }
            for (int i = created.Count - 1; i >= 0; i--) Exec("ip", "netns", "del", created[i]);
            try
            {
                if (Directory.Exists(uds)) Directory.Delete(uds, recursive: true);
            }
            catch (IOException)
            {
            }
            Summarise(truth, stdout);
            stdout.WriteLine("ptp4net demo: namespaces removed");
        }
    }

    private static void Summarise(List<long> truth, TextWriter stdout)
    {
        long[] last;
        lock (truth) last = truth.Count > 10 ? truth.GetRange(truth.Count - 10, 10).ToArray() : [];
        if (last.Length == 0) return;
        double rms = Math.Sqrt(last.Average(v => (double)v * v));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ptp4net demo: client's true offset from the grandmaster over the last 10 s: rms {rms:F0} ns, max {last.Max(Math.Abs)} ns"));
    }

    private static Process StartChild(string ns, string[] args, string label, TextWriter stdout, object gate, List<long>? truth)
    {
        var psi = new ProcessStartInfo(Which("ip")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["netns", "exec", ns, Which("setpriv")!, "--bounding-set=-sys_time", "--inh-caps=-sys_time"])
            psi.ArgumentList.Add(a);
        foreach (var a in SelfCommand()) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = new Process { StartInfo = psi };
        void Line(string? l)
        {
            if (l is null) return;
            if (truth is not null)
            {
                int at = l.IndexOf("emulated clock offset ", StringComparison.Ordinal);
                if (at >= 0 && long.TryParse(l.AsSpan(at + 22), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
                    lock (truth) truth.Add(v);
            }
            lock (gate) stdout.WriteLine($"{label} | {l}");
        }
        p.OutputDataReceived += (_, e) => Line(e.Data);
        p.ErrorDataReceived += (_, e) => Line(e.Data);
        if (!p.Start()) throw new InvalidOperationException("cannot start " + psi.FileName);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>This executable: the apphost, or "dotnet ptp4net.dll" when started through the muxer.</summary>
    private static string[] SelfCommand()
    {
        string exe = Environment.ProcessPath ?? "ptp4net";
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet")
            return [exe, typeof(DemoCommand).Assembly.Location];
        return [exe];
    }

    private static void Must(string file, params string[] args)
    {
        var (code, output) = Exec(file, args);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}): {output.Trim()}");
    }

    private static (int Code, string Output) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(Which(file) ?? file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(15_000))
        {
            p.Kill();
            return (-1, "timed out");
        }
        return (p.ExitCode, o.Result + e.Result);
    }

    private static string? Which(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]))
        {
            if (dir.Length == 0) continue;
            string p = Path.Combine(dir, tool);
            if (File.Exists(p)) return p;
        }
        return null;
    }
}
