using Ptp4Net.Configuration;

namespace Ptp4Net.Tests.Configuration;

/// <summary>Locates the repository's config/ folder and linuxptp's shipped configs used as test data.</summary>
internal static class ConfigTestFiles
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PtpStack.sln"))) return dir.FullName;
        throw new InvalidOperationException("PtpStack.sln not found above " + AppContext.BaseDirectory);
    }

    public static string OurConfigs() => Path.Combine(RepositoryRoot(), "config");

    /// <summary>
    /// linuxptp's configs (test data kept outside the repository, GPL-2.0): $PTP4NET_LINUXPTP_CONFIGS, else
    /// ../shared/linuxptp-configs next to the repository or its worktree root, else /work/shared/linuxptp-configs.
    /// Missing data fails the test with this explanation rather than letting it pass silently.
    /// </summary>
    public static string LinuxptpConfigs()
    {
        var candidates = new List<string>();
        var env = Environment.GetEnvironmentVariable("PTP4NET_LINUXPTP_CONFIGS");
        if (!string.IsNullOrEmpty(env)) candidates.Add(env);
        for (var dir = new DirectoryInfo(RepositoryRoot()); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "shared", "linuxptp-configs"));
        candidates.Add("/work/shared/linuxptp-configs");
        foreach (var c in candidates)
            if (File.Exists(Path.Combine(c, "default.cfg"))) return c;
        throw new InvalidOperationException(
            "linuxptp's shipped config files were not found; set PTP4NET_LINUXPTP_CONFIGS to a copy of linuxptp's configs/ folder. Looked in: "
            + string.Join(", ", candidates));
    }

    public static string Linuxptp(string name) => Path.Combine(LinuxptpConfigs(), name);

    public static PtpConfig Read(string path)
    {
        var config = new PtpConfig();
        config.ReadFile(path);
        return config;
    }

    public static PtpConfig Parse(string text, string fileName = "test.cfg")
    {
        var config = new PtpConfig();
        config.Read(new StringReader(text), fileName);
        return config;
    }
}
