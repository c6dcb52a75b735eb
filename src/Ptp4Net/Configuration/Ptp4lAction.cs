namespace Ptp4Net.Configuration;

/// <summary>What the command line asks the daemon to do.</summary>
public enum Ptp4lAction
{
    /// <summary>Run with <see cref="Ptp4lInvocation.Config"/>.</summary>
    Run,

    /// <summary>-h: print <see cref="Ptp4lCommandLine.FormatUsage"/> to stderr (as ptp4l) and exit 0.</summary>
    ShowHelp,

    /// <summary>-v: print the version to stdout and exit 0.</summary>
    ShowVersion,

    /// <summary>Print <see cref="Ptp4lInvocation.ErrorMessage"/> (and the usage if <see cref="Ptp4lInvocation.ShowUsage"/>)
    /// to stderr and exit with <see cref="Ptp4lInvocation.ExitCode"/>.</summary>
    Error,
}
