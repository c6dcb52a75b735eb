namespace Ptp4Net.Host;

/// <summary>
/// One executable, several roles, as linuxptp ships several programs: the daemon (ptp4l's command line)
/// by default, and subcommands named by the first argument.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            var rest = args.AsSpan(1).ToArray();
            switch (args[0])
            {
                case "dump": return DumpCommand.Run(rest, Console.Out, Console.Error);
                case "tsinfo": return TsinfoCommand.Run(rest, Console.Out, Console.Error);
                case "sim": return SimCommand.Run(rest, Console.Out, Console.Error);
                case "demo": return DemoCommand.Run(rest, Console.Out, Console.Error);
                case "pmc": return PmcCommand.Run(rest, Console.Out, Console.Error);
                case "phc2sys": return Phc2sysCommand.Run(rest, Console.Out, Console.Error);
                case "help" or "--help":
                    Usage(Console.Out);
                    return 0;
            }
        }
        return DaemonCommand.Run(args, Console.Out, Console.Error);
    }

    internal static void Usage(TextWriter o)
    {
        o.WriteLine("usage: ptp4net [ptp4l options]        run the PTP daemon (ptp4l's flags and config files)");
        o.WriteLine("       ptp4net dump [-v] [--json] FILE  print the PTP messages of a pcap/pcapng capture");
        o.WriteLine("       ptp4net tsinfo IFACE             timestamping capabilities and hwtstamp providers");
        o.WriteLine("       ptp4net sim [--report] [--json]  run the deterministic simulator");
        o.WriteLine("       ptp4net demo [--seconds N]       grandmaster + emulated client in network namespaces (root)");
        o.WriteLine("       ptp4net pmc [pmc options] CMD    management client (linuxptp pmc syntax)");
        o.WriteLine("       ptp4net phc2sys -s SRC -c DST     synchronise a clock from a PHC");
    }
}
