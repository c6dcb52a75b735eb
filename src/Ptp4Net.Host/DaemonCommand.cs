namespace Ptp4Net.Host;

/// <summary>The "daemon" role. Placeholder until its issue lands: it says so and fails.</summary>
internal static class DaemonCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ptp4net: the daemon is not implemented yet");
        return 2;
    }
}
