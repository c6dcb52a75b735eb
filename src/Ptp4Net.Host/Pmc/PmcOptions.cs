using System.Globalization;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc's command line (linuxptp pmc.c, getopt string "246ub:d:f:hi:s:t:vz"): transport, boundary hops, domain,
/// interface (or the client's own UDS path), config file, server UDS path, transportSpecific, zero-length GETs, and the
/// commands as the remaining arguments. Parsing is getopt's: "-b0" and "-b 0" both work, flags combine ("-ub"
/// then its value), options and commands may interleave, "--" ends the options.
/// </summary>
public sealed record PmcOptions
{
    /// <summary>linuxptp's default server address (config.c uds_address).</summary>
    public const string DefaultServerPath = "/var/run/ptp4l";

    /// <summary>null: UDS (-u); otherwise the network transport.</summary>
    public NetworkTransport? Network { get; init; } = NetworkTransport.UdpV4;
    public bool Uds => Network is null;
    /// <summary>-b: startingBoundaryHops and boundaryHops (pmc's default is 1).</summary>
    public byte BoundaryHops { get; init; } = 1;
    public byte DomainNumber { get; init; }
    /// <summary>-i: the interface (network) or the client's own socket path (UDS); null: pmc's default.</summary>
    public string? Interface { get; init; }
    /// <summary>-s: the server's UDS address.</summary>
    public string ServerPath { get; init; } = DefaultServerPath;
    /// <summary>-t: transportSpecific (majorSdoId), 0..15.</summary>
    public byte TransportSpecific { get; init; }
    /// <summary>-z: GET requests carry no dataField.</summary>
    public bool ZeroLengthGets { get; init; }
    /// <summary>-f: a ptp4l config file; its network_transport, domainNumber, transportSpecific and uds_address
    /// apply unless the command line set them (as pmc: command-line values are locked).</summary>
    public string? ConfigFile { get; init; }
    public bool NetworkGiven { get; init; }
    public bool DomainGiven { get; init; }
    public bool TransportSpecificGiven { get; init; }
    public bool ServerPathGiven { get; init; }
    public bool Help { get; init; }
    public bool Version { get; init; }
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>The client's own UDS path: -i, else pmc's /var/run/pmc.PID.</summary>
    public string LocalUdsPath(int pid) => Interface ?? $"/var/run/pmc.{pid}";

    /// <summary>Parses pmc's arguments; null and an error message (pmc prints its usage then) on a bad option.</summary>
    public static PmcOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var o = new PmcOptions();
        var commands = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--")
            {
                for (i++; i < args.Count; i++) commands.Add(args[i]);
                break;
            }
            if (a.Length < 2 || a[0] != '-')
            {
                commands.Add(a);
                continue;
            }
            for (int k = 1; k < a.Length; k++)
            {
                char c = a[k];
                if (c is 'b' or 'd' or 'f' or 'i' or 's' or 't')
                {
                    string value;
                    if (k + 1 < a.Length) value = a[(k + 1)..];
                    else if (i + 1 < args.Count) value = args[++i];
                    else
                    {
                        error = $"option requires an argument -- '{c}'";
                        return null;
                    }
                    switch (c)
                    {
                        case 'b': o = o with { BoundaryHops = (byte)Atoi(value) }; break;
                        case 'd':
                            int d = Atoi(value);
                            if (d is < 0 or > 255)
                            {
                                error = $"domainNumber {value} out of range 0..255";
                                return null;
                            }
                            o = o with { DomainNumber = (byte)d, DomainGiven = true };
                            break;
                        case 'f': o = o with { ConfigFile = value }; break;
                        case 'i': o = o with { Interface = value }; break;
                        case 's':
                            if (value.Length > 108)
                            {
                                error = $"path {value} too long, max is 108";
                                return null;
                            }
                            o = o with { ServerPath = value, ServerPathGiven = true };
                            break;
                        case 't':
                            // pmc reads it with %x and keeps it only if it parses.
                            if (TryHex(value, out int t))
                            {
                                if (t is < 0 or > 15)
                                {
                                    error = $"transportSpecific {value} out of range 0..f";
                                    return null;
                                }
                                o = o with { TransportSpecific = (byte)t, TransportSpecificGiven = true };
                            }
                            break;
                    }
                    break; // the value used the rest of this argument
                }
                switch (c)
                {
                    case '2': o = o with { Network = NetworkTransport.L2, NetworkGiven = true }; break;
                    case '4': o = o with { Network = NetworkTransport.UdpV4, NetworkGiven = true }; break;
                    case '6': o = o with { Network = NetworkTransport.UdpV6, NetworkGiven = true }; break;
                    case 'u': o = o with { Network = null, NetworkGiven = true }; break;
                    case 'z': o = o with { ZeroLengthGets = true }; break;
                    case 'h': o = o with { Help = true }; break;
                    case 'v': o = o with { Version = true }; break;
                    default:
                        error = $"invalid option -- '{c}'";
                        return null;
                }
            }
        }
        return o with { Commands = commands };
    }

    /// <summary>C atoi: leading blanks, optional sign, digits; anything else ends the number (0 if none).</summary>
    internal static int Atoi(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        bool neg = false;
        if (i < s.Length && s[i] is '+' or '-') neg = s[i++] == '-';
        long v = 0;
        while (i < s.Length && s[i] is >= '0' and <= '9' && v < int.MaxValue) v = v * 10 + (s[i++] - '0');
        return (int)(neg ? -v : v);
    }

    /// <summary>scanf %x: optional 0x prefix, hex digits.</summary>
    internal static bool TryHex(string s, out int value)
    {
        var t = s.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) t = t[2..];
        int n = 0;
        while (n < t.Length && Uri.IsHexDigit(t[n])) n++;
        return int.TryParse(t.AsSpan(0, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value) && n > 0;
    }

    internal static void Usage(TextWriter w, string progname) => w.Write(
        $"\nusage: {progname} [options] [commands]\n\n" +
        " Network Transport\n\n" +
        " -2        IEEE 802.3\n" +
        " -4        UDP IPV4 (default)\n" +
        " -6        UDP IPV6\n" +
        " -u        UDS local\n\n" +
        " Other Options\n\n" +
        " -b [num]  boundary hops, default 1\n" +
        " -d [num]  domain number, default 0\n" +
        " -f [file] read configuration from 'file'\n" +
        " -h        prints this message and exits\n" +
        " -i [dev]  interface device to use, default 'eth0'\n" +
        "           for network and '/var/run/pmc.$pid' for UDS.\n" +
        " -s [path] server address for UDS, default '/var/run/ptp4l'.\n" +
        " -t [hex]  transport specific field, default 0x0\n" +
        " -v        prints the software version and exits\n" +
        " -z        send zero length TLV values with the GET actions\n" +
        "\n");
}
