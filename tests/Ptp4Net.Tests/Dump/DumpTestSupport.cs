using Ptp4Net.Host;

namespace Ptp4Net.Tests.Dump;

/// <summary>Runs <c>ptp4net dump</c> in-process and finds the repository's files.</summary>
internal static class DumpTestSupport
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int exit = DumpCommand.Run(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    /// <summary>Writes <paramref name="bytes"/> to a fresh temporary file and returns its path.</summary>
    public static string TempFile(byte[] bytes, string extension = ".pcap")
    {
        string path = Path.Combine(Path.GetTempPath(), "ptp4net-dump-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The repository root: the directory holding PtpStack.sln above the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            for (int i = 0; i < 12 && dir is not null; i++, dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PtpStack.sln"))) return dir.FullName;
            throw new InvalidOperationException("PtpStack.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string TestData(string name) => Path.Combine(RepositoryRoot, "tests", "Ptp4Net.Tests", "TestData", name);
    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", name);

    /// <summary>The output lines without the capture time (the first field).</summary>
    public static string[] LinesWithoutTime(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.StartsWith("summary:", StringComparison.Ordinal) || l.StartsWith(' ') ? l : l[(l.IndexOf(' ') + 1)..])
            .ToArray();
}
