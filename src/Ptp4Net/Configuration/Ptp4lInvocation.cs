namespace Ptp4Net.Configuration;

/// <summary>The result of parsing ptp4l's command line (and reading the -f file).</summary>
public sealed class Ptp4lInvocation
{
    internal Ptp4lInvocation(Ptp4lAction action, PtpConfig config)
    {
        Action = action;
        Config = config;
    }

    public Ptp4lAction Action { get; internal set; }

    /// <summary>The configuration: defaults, the -f file, and the command line's locked values.</summary>
    public PtpConfig Config { get; }

    /// <summary>For <see cref="Ptp4lAction.Error"/>: the message, ready to print.</summary>
    public string? ErrorMessage { get; internal set; }

    /// <summary>For <see cref="Ptp4lAction.Error"/>: ptp4l prints its usage after this error (bad flag, no interface).</summary>
    public bool ShowUsage { get; internal set; }

    /// <summary>Process exit code: 0 for Run/ShowHelp/ShowVersion; 255 (ptp4l's -1) for usage and open errors,
    /// 254 (ptp4l's -2, from config_read) for an error inside the config file.</summary>
    public int ExitCode { get; internal set; }

    /// <summary>-f FILE, or null.</summary>
    public string? ConfigFile { get; internal set; }

    /// <summary>-p PHC ("/dev/ptp0"), or null. ptp4l ignores it with software or legacy stamping and with
    /// free_running; see <see cref="TryGetPhcIndex"/>.</summary>
    public string? PhcDevice { get; internal set; }

    /// <summary>Arguments that are not options (ptp4l ignores them).</summary>
    public IReadOnlyList<string> Operands { get; internal set; } = [];

    /// <summary>-m or verbose 1: print log messages to stdout.</summary>
    public bool PrintToStdout => Config.GetBool("verbose");

    /// <summary>use_syslog (-q clears it).</summary>
    public bool UseSyslog => Config.GetBool("use_syslog");

    /// <summary>logging_level (-l): syslog level 0 (LOG_EMERG) to 7 (LOG_DEBUG); messages above it are not printed.</summary>
    public int LoggingLevel => Config.GetInt("logging_level");

    /// <summary>The PHC index from -p "/dev/ptpN" (ptp4l's sscanf "/dev/ptp%d"); false if -p is absent or not of that form
    /// (ptp4l: "bad ptp device string").</summary>
    public bool TryGetPhcIndex(out int index)
    {
        index = -1;
        const string prefix = "/dev/ptp";
        if (PhcDevice is null || !PhcDevice.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = PhcDevice.AsSpan(prefix.Length);
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        return digits > 0 && int.TryParse(rest[..digits], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}
