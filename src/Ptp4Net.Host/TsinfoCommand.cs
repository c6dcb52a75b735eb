using Ptp4Net.Phc;
using Ptp4Net.Phc.Providers;

namespace Ptp4Net.Host;

/// <summary>
/// `ptp4net tsinfo IFACE`: what `ethtool -T IFACE` prints (capabilities, PHC index, TX types, RX filters, same
/// wording), then every hardware time-stamp provider (MAC / PHY, qualifier) and which one is active.
/// </summary>
internal static class TsinfoCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            stderr.WriteLine("usage: ptp4net tsinfo IFACE");
            return 2;
        }
        try
        {
            TimestampingReport.Collect(args[0]).Write(stdout);
            return 0;
        }
        catch (LinuxException e)
        {
            stderr.WriteLine($"ptp4net tsinfo: {e.Message}");
            return 1;
        }
    }
}
