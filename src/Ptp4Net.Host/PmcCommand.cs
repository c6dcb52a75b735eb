namespace Ptp4Net.Host;

/// <summary>The "pmc" role. Placeholder until its issue lands: it says so and fails.</summary>
internal static class PmcCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ptp4net pmc: not implemented yet");
        return 2;
    }
}
