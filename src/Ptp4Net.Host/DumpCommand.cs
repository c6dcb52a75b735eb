namespace Ptp4Net.Host;

/// <summary>The "dump" role. Placeholder until its issue lands: it says so and fails.</summary>
internal static class DumpCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ptp4net dump: not implemented yet");
        return 2;
    }
}
