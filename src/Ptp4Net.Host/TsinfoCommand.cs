namespace Ptp4Net.Host;

/// <summary>The "tsinfo" role. Placeholder until its issue lands: it says so and fails.</summary>
internal static class TsinfoCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ptp4net tsinfo: not implemented yet");
        return 2;
    }
}
