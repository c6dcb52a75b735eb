namespace Ptp4Net.Phc;

/// <summary>Who this process runs as, for the checks that decide whether root-only features can work.</summary>
public static class ProcessIdentity
{
    /// <summary>True when the effective user id is 0.</summary>
    public static bool IsRoot => Interop.Libc.GetEuid() == 0;

    /// <summary>Sends signal <paramref name="signal"/> to process <paramref name="pid"/> (kill(2)); the errno.</summary>
    public static Errno Signal(int pid, int signal) =>
        Interop.Libc.Kill(pid, signal) == 0 ? Errno.None : Interop.LastErrno();
}
