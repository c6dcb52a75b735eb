namespace Ptp4Net.Tests.Daemon;

/// <summary>
/// The lab set-up shared by the daemon tests and the demo: command lines for a ptp4net grandmaster (free_running on
/// CLOCK_REALTIME, so its time is the ground truth) and a ptp4net client on the emulated clock, software stamps,
/// UDPv4 E2E, management sockets in a private directory.
/// </summary>
public static class DaemonLab
{
    /// <summary>The emulated client's initial error: 1 ms ahead, running 20 ppm fast.</summary>
    public const long InitialOffsetNs = 1_000_000;
    public const long FrequencyErrorPpb = 20_000;

    public static string[] GrandmasterArgs(string iface, string udsDir, params string[] extra) =>
    [
        "-i", iface, "-S", "-4", "-E", "-m", "-q", "--free_running", "1", "--priority1", "100",
        "--uds_address", Path.Combine(udsDir, "gm"), "--uds_ro_address", Path.Combine(udsDir, "gmro"), .. extra,
    ];

    /// <summary>The client. pi_*_scale 0.7/0.3 are ptp4l's hardware gains: veth software stamps jitter by well under
    /// a microsecond, and ptp4l's software gains (0.1/0.001) would take minutes to pull the 20 ppm in.</summary>
    public static string[] ClientArgs(string iface, string udsDir, params string[] extra) =>
    [
        "-i", iface, "-S", "-4", "-E", "-s", "-m", "-q",
        "--emulated_clock", "1", "--emulated_clock_offset_ns", InitialOffsetNs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--emulated_clock_freq_ppb", FrequencyErrorPpb.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--pi_proportional_scale", "0.7", "--pi_integral_scale", "0.3",
        "--uds_address", Path.Combine(udsDir, "client"), "--uds_ro_address", Path.Combine(udsDir, "clientro"), .. extra,
    ];

    /// <summary>A fresh private directory for management sockets.</summary>
    public static string NewUdsDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"p4n-uds-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
