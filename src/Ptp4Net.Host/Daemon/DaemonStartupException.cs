namespace Ptp4Net.Host.Daemon;

/// <summary>A start-up failure with a message ready for the user (missing interface, no permission, busy port).
/// Thrown only while the daemon sets up; <see cref="DaemonCommand"/> prints it and exits non-zero.</summary>
public sealed class DaemonStartupException : Exception
{
    public DaemonStartupException(string message) : base(message) { }

    public DaemonStartupException(string message, Exception inner) : base(message, inner) { }

    public DaemonStartupException() { }
}
