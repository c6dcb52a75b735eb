using Xunit.Abstractions;

namespace Ptp4Net.Tests.Infrastructure;

/// <summary>
/// Whether a test's environment is there (root, a tool on PATH). Each check returns null when satisfied,
/// else the reason to print when the test returns early. CI runs as root with the tools, so these tests run.
/// </summary>
public static class Requirements
{
    private static readonly string[] SearchPath =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]).Distinct().ToArray();

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Full path of a tool, or null.</summary>
    public static string? FindTool(string name)
    {
        foreach (var dir in SearchPath)
        {
            var p = Path.Combine(dir, name);
            if (File.Exists(p))
                return p;
        }
        return null;
    }

    public static string? Root() => IsRoot ? null : "needs root (network namespaces, raw sockets); CI runs as root";

    public static string? Tool(string name) => FindTool(name) is null ? $"needs the tool '{name}' on PATH" : null;

    /// <summary>Root plus the tools; null when all are present.</summary>
    public static string? RootAnd(params string[] tools)
    {
        if (Root() is { } r)
            return r;
        foreach (var t in tools)
            if (Tool(t) is { } reason)
                return reason;
        return null;
    }

    /// <summary>True (and the reason written to the test output) when the test must return early.</summary>
    public static bool Unmet(ITestOutputHelper output, string? reason)
    {
        if (reason is null)
            return false;
        output.WriteLine("SKIPPED: " + reason);
        return true;
    }
}
