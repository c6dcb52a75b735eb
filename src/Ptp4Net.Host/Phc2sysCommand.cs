namespace Ptp4Net.Host;

/// <summary>The "phc2sys" role. Placeholder until its issue lands: it says so and fails.</summary>
internal static class Phc2sysCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ptp4net phc2sys: not implemented yet");
        return 2;
    }
}
