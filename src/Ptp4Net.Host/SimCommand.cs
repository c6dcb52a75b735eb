namespace Ptp4Net.Host;

/// <summary>The "sim" role. Placeholder until its issue lands: it says so and fails.</summary>
internal static class SimCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ptp4net sim: not implemented yet");
        return 2;
    }
}
