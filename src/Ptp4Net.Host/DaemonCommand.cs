using System.Reflection;
using System.Runtime.InteropServices;
using Ptp4Net.Configuration;
using Ptp4Net.Host.Daemon;
using Ptp4Net.Phc;

namespace Ptp4Net.Host;

/// <summary>
/// The daemon role: ptp4l's command line and config file (<see cref="Ptp4lCommandLine"/>), mapped by
/// <see cref="DaemonConfigMapper"/>, run by <see cref="PtpDaemon"/> until SIGINT/SIGTERM. Every start-up failure
/// is one clear message on stderr and a non-zero exit, never a stack trace.
/// </summary>
internal static class DaemonCommand
{
    public static string Version =>
        typeof(DaemonCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? "0.0.0";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <param name="started">Called with the running daemon (tests stop it with <see cref="PtpDaemon.Stop"/>).</param>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Action<PtpDaemon>? started)
    {
        var inv = Ptp4lCommandLine.Parse(args);
        switch (inv.Action)
        {
            case Ptp4lAction.ShowVersion:
                stdout.WriteLine(Version);
                return 0;
            case Ptp4lAction.ShowHelp:
                stderr.Write(Ptp4lCommandLine.FormatUsage("ptp4net"));
                return 0;
            case Ptp4lAction.Error:
                stderr.WriteLine("ptp4net: " + inv.ErrorMessage);
                if (inv.ShowUsage) stderr.Write(Ptp4lCommandLine.FormatUsage("ptp4net"));
                return inv.ExitCode == 0 ? 255 : inv.ExitCode;
        }

        var settings = DaemonConfigMapper.Map(inv, out var errors);
        if (settings is null)
        {
            foreach (var e in errors) stderr.WriteLine("ptp4net: " + e);
            return 255;
        }

        using var log = new DaemonLog(stdout, settings.Verbose, settings.UseSyslog, settings.LoggingLevel);
        foreach (var w in settings.Warnings)
        {
            // One warning per key, on stderr as well so that it is seen without -m.
            if (!settings.Verbose) stderr.WriteLine("ptp4net: warning: " + w);
            log.Write(DaemonLog.Warning, "warning: " + w);
        }

        PtpDaemon daemon;
        try
        {
            daemon = new PtpDaemon(settings, log);
        }
        catch (Exception e) when (e is DaemonStartupException or LinuxException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("ptp4net: " + e.Message);
            if (!settings.Verbose) log.Write(DaemonLog.Err, e.Message);
            return 1;
        }

        using (daemon)
        {
            void OnSignal(PosixSignalContext ctx)
            {
                ctx.Cancel = true;
                daemon.Stop();
            }
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            started?.Invoke(daemon);
            int rc = daemon.Run();
            log.Write(DaemonLog.Info, $"exiting (garbage collections since start-up: {GC.CollectionCount(0) - daemon.StartupCollections}, "
                + $"bytes allocated by the run loop in its last 10 s: {daemon.RecentRunLoopAllocations})");
            return rc;
        }
    }
}
