using Ptp4Net.Configuration;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc -f: reads a ptp4l config file with the daemon's reader and takes from it what pmc uses (network_transport,
/// domainNumber, transportSpecific, uds_address), except what the command line already set. Throws
/// <see cref="ConfigException"/> (file and line in the message) for a bad file.
/// </summary>
public static class PmcConfigFile
{
    public static PmcOptions Apply(PmcOptions o, string path)
    {
        var config = new PtpConfig();
        config.ReadFile(path);
        if (!o.NetworkGiven)
        {
            string transport = config.GetValue(null, "network_transport").Text ?? "UDPv4";
            o = o with
            {
                Network = transport switch
                {
                    "UDPv6" => NetworkTransport.UdpV6,
                    "L2" => NetworkTransport.L2,
                    _ => NetworkTransport.UdpV4,
                },
            };
        }
        if (!o.DomainGiven) o = o with { DomainNumber = (byte)config.GetInt("domainNumber") };
        if (!o.TransportSpecificGiven) o = o with { TransportSpecific = (byte)(config.GetInt("transportSpecific") & 0x0F) };
        if (!o.ServerPathGiven && config.GetString("uds_address") is { Length: > 0 } uds) o = o with { ServerPath = uds };
        return o;
    }
}
