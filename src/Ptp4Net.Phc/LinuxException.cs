namespace Ptp4Net.Phc;

/// <summary>A set-up failure of a kernel call, with the errno and a message that says what was attempted.</summary>
public sealed class LinuxException : Exception
{
    public LinuxException(string message, Errno errno) : base(message) => Errno = errno;

    public LinuxException(string message) : base(message) => Errno = Errno.None;

    public Errno Errno { get; }
}
