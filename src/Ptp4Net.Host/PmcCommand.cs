using Ptp4Net.Host.Pmc;
using Ptp4Net.Identity;
using Ptp4Net.Phc;

namespace Ptp4Net.Host;

/// <summary>
/// The "pmc" role: linuxptp's pmc command line (-u, -b, -d, -f, -i, -s, -t, -z, -2/-4/-6, -h, -v, commands as
/// arguments or on standard input) and its output, over a Unix socket to a local daemon or over the network.
/// </summary>
internal static class PmcCommand
{
    private const string ProgName = "pmc";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Console.In);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var o = PmcOptions.Parse(args, out var error);
        if (o is null)
        {
            stderr.WriteLine($"{ProgName}: {error}");
            PmcOptions.Usage(stderr, ProgName);
            return 255;
        }
        if (o.ConfigFile is not null)
        {
            try
            {
                o = PmcConfigFile.Apply(o, o.ConfigFile);
            }
            catch (Ptp4Net.Configuration.ConfigException e)
            {
                stderr.WriteLine(e.Message);
                return 255;
            }
        }
        if (o.Help)
        {
            PmcOptions.Usage(stderr, ProgName);
            return 0;
        }
        if (o.Version)
        {
            stdout.WriteLine(typeof(PmcCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            return 0;
        }

        IPmcChannel channel;
        PortIdentity source;
        try
        {
            if (o.Uds)
            {
                // pmc's UDS identity: clock identity zero, port number its process id (it names the socket too).
                int pid = Environment.ProcessId;
                channel = PmcUdsChannel.Open(o.LocalUdsPath(pid), o.ServerPath);
                source = new PortIdentity(ClockIdentity.Zero, unchecked((ushort)pid));
            }
            else
            {
                string iface = o.Interface ?? "eth0";
                source = new PortIdentity(InterfaceClockIdentity(iface), 1);
                channel = PmcNetworkChannel.Open(iface, o.Network!.Value);
            }
        }
        catch (Exception e) when (e is IOException or LinuxException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{ProgName}: {e.Message}");
            stderr.WriteLine("failed to create pmc");
            return 255;
        }

        using (channel)
        {
            var builder = new PmcMessageBuilder(source, o.DomainNumber, o.TransportSpecific, o.BoundaryHops, o.ZeroLengthGets);
            var session = new PmcSession(channel, builder, stdout, stderr);
            session.Run(o.Commands.Count > 0 ? o.Commands : PmcSession.Lines(stdin));
        }
        return 0;
    }

    /// <summary>linuxptp generate_clock_identity: the EUI-64 made from the interface's MAC (ff:fe in the middle).</summary>
    private static ClockIdentity InterfaceClockIdentity(string iface)
    {
        string path = $"/sys/class/net/{iface}/address";
        if (!File.Exists(path)) throw new IOException($"interface {iface}: no such device");
        var text = File.ReadAllText(path).Trim();
        var parts = text.Split(':');
        if (parts.Length != 6) throw new IOException($"interface {iface}: no MAC address ({text})");
        Span<byte> mac = stackalloc byte[6];
        for (int i = 0; i < 6; i++) mac[i] = Convert.ToByte(parts[i], 16);
        return ClockIdentity.FromMac(mac);
    }
}
