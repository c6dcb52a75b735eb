namespace Ptp4Net.Phc;

/// <summary>The running kernel's version (uname release, as .NET reports it), for feature gates.</summary>
internal static class KernelVersion
{
    private static readonly Version Current = Environment.OSVersion.Version;

    public static bool AtLeast(int major, int minor) =>
        Current.Major > major || (Current.Major == major && Current.Minor >= minor);

    public static string Text => Current.ToString();
}
