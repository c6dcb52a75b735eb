namespace Ptp4Net.Configuration;

/// <summary>
/// ptp4l's command line (linuxptp ptp4l.c): getopt_long with the short options "AEP246HSLf:i:p:sl:mqvh" and
/// one long option per config key ("--KEY VALUE" or "--KEY=VALUE", unambiguous prefixes accepted, as
/// glibc's getopt_long). Short flags and long options set global values and lock them against the file's
/// [global] section; interface sections of the file still override them per port, as in ptp4l. Options
/// are processed left to right, then the -f file is read. Never throws on user input.
/// </summary>
public static class Ptp4lCommandLine
{
    private const string ShortOptions = "AEP246HSLf:i:p:sl:mqvh";

    /// <summary>ptp4l's usage text (for -h and after usage errors).</summary>
    public static string FormatUsage(string programName) =>
        $"""

        usage: {programName} [options]

         Delay Mechanism

         -A        Auto, starting with E2E
         -E        E2E, delay request-response (default)
         -P        P2P, peer delay mechanism

         Network Transport

         -2        IEEE 802.3
         -4        UDP IPV4 (default)
         -6        UDP IPV6

         Time Stamping

         -H        HARDWARE (default)
         -S        SOFTWARE
         -L        LEGACY HW

         Other Options

         -f [file] read configuration from 'file'
         -i [dev]  interface device to use, for example 'eth0'
                   (may be specified multiple times)
         -p [dev]  Clock device to use, default auto
                   (ignored for SOFTWARE/LEGACY HW time stamping)
         -s        client only synchronization mode (overrides configuration file)
         -l [num]  set the logging level to 'num'
         -m        print messages to stdout
         -q        do not print messages to the syslog
         -v        prints the software version and exits
         -h        prints this message and exits
         --KEY VALUE  set any configuration file option (see config/default.cfg)

        """;

    /// <summary>Parses <paramref name="args"/> (without the program name) and reads the -f file.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="readFile">Reads a config file into the configuration; defaults to <see cref="PtpConfig.ReadFile"/>
    /// (tests pass an in-memory reader).</param>
    public static Ptp4lInvocation Parse(IReadOnlyList<string> args, Action<PtpConfig, string>? readFile = null)
    {
        var config = new PtpConfig();
        var result = new Ptp4lInvocation(Ptp4lAction.Run, config);
        var operands = new List<string>();
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (arg == "--")
                {
                    for (i++; i < args.Count; i++) operands.Add(args[i]);
                    break;
                }
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    if (!LongOption(config, args, ref i, result)) return result;
                    continue;
                }
                if (arg.Length < 2 || arg[0] != '-')
                {
                    operands.Add(arg); // getopt permutes operands to the end; ptp4l ignores them
                    continue;
                }
                for (int j = 1; j < arg.Length; j++)
                {
                    char c = arg[j];
                    int at = ShortOptions.IndexOf(c);
                    if (at < 0 || c == ':')
                        return Fail(result, $"invalid option -- '{c}'", usage: true);
                    string? optarg = null;
                    if (at + 1 < ShortOptions.Length && ShortOptions[at + 1] == ':')
                    {
                        if (j + 1 < arg.Length) optarg = arg[(j + 1)..];
                        else if (i + 1 < args.Count) optarg = args[++i];
                        else return Fail(result, $"option requires an argument -- '{c}'", usage: true);
                        j = arg.Length; // the rest of this word was the argument
                    }
                    if (!ShortOption(config, c, optarg, result)) return result;
                    if (result.Action != Ptp4lAction.Run) return result; // -h, -v
                }
            }
        }
        catch (ConfigException e)
        {
            return Fail(result, e.Message, usage: false);
        }
        result.Operands = operands;

        if (result.ConfigFile is not null)
        {
            try
            {
                (readFile ?? ((c, path) => c.ReadFile(path)))(config, result.ConfigFile);
            }
            catch (ConfigException e)
            {
                Fail(result, e.Message, usage: false);
                result.ExitCode = e.LineNumber > 0 ? 254 : 255;
                if (e.LineNumber > 0) result.ErrorMessage += $"\nfailed to parse configuration file {result.ConfigFile}";
                return result;
            }
        }
        if (config.Interfaces.Count == 0)
            return Fail(result, "no interface specified", usage: true);
        return result;
    }

    private static bool ShortOption(PtpConfig config, char c, string? optarg, Ptp4lInvocation result)
    {
        switch (c)
        {
            case 'A': config.SetFromCommandLine("delay_mechanism", "Auto"); break;
            case 'E': config.SetFromCommandLine("delay_mechanism", "E2E"); break;
            case 'P': config.SetFromCommandLine("delay_mechanism", "P2P"); break;
            case '2': config.SetFromCommandLine("network_transport", "L2"); break;
            case '4': config.SetFromCommandLine("network_transport", "UDPv4"); break;
            case '6': config.SetFromCommandLine("network_transport", "UDPv6"); break;
            case 'H': config.SetFromCommandLine("time_stamping", "hardware"); break;
            case 'S': config.SetFromCommandLine("time_stamping", "software"); break;
            case 'L': config.SetFromCommandLine("time_stamping", "legacy"); break;
            case 'f': result.ConfigFile = optarg; break;
            case 'i':
                if (optarg!.Length == 0) return Failed(result, "-i: empty interface name", usage: true);
                config.AddInterface(optarg);
                break;
            case 'p': result.PhcDevice = optarg; break;
            case 's': config.SetFromCommandLine("clientOnly", "1"); break;
            case 'l':
                // ptp4l's get_arg_val_i: an integer in PRINT_LEVEL_MIN..PRINT_LEVEL_MAX.
                var item = ConfigTable.Get("logging_level");
                var status = CNumber.ParseInteger(optarg!, false, item.MinInteger, item.MaxInteger, out _);
                if (status == ValueParseStatus.Malformed)
                    return Failed(result, $"-l: {optarg} is a malformed value", usage: false);
                if (status == ValueParseStatus.OutOfRange)
                    return Failed(result, $"-l: {optarg} is out of range. Must be in the range {item.MinInteger} to {item.MaxInteger}",
                        usage: false);
                config.SetFromCommandLine("logging_level", optarg!);
                break;
            case 'm': config.SetFromCommandLine("verbose", "1"); break;
            case 'q': config.SetFromCommandLine("use_syslog", "0"); break;
            case 'v': result.Action = Ptp4lAction.ShowVersion; break;
            case 'h': result.Action = Ptp4lAction.ShowHelp; break;
        }
        return true;
    }

    private static bool LongOption(PtpConfig config, IReadOnlyList<string> args, ref int i, Ptp4lInvocation result)
    {
        string arg = args[i];
        string body = arg[2..];
        int eq = body.IndexOf('=');
        string name = eq < 0 ? body : body[..eq];
        string? value = eq < 0 ? null : body[(eq + 1)..];

        var item = ConfigTable.Find(name);
        if (item is null)
        {
            // glibc getopt_long accepts an unambiguous prefix of a long option.
            var matches = ConfigTable.Items.Where(x => name.Length > 0 && x.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
                return Failed(result, $"unrecognized option '--{name}'", usage: true);
            if (matches.Count > 1)
                return Failed(result, $"option '--{name}' is ambiguous; possibilities: {string.Join(" ", matches.Select(m => "'--" + m.Name + "'"))}",
                    usage: true);
            item = matches[0];
        }
        if (value is null)
        {
            if (i + 1 >= args.Count)
                return Failed(result, $"option '--{item.Name}' requires an argument", usage: true);
            value = args[++i];
        }
        config.SetFromCommandLine(item.Name, value);
        return true;
    }

    private static Ptp4lInvocation Fail(Ptp4lInvocation result, string message, bool usage)
    {
        result.Action = Ptp4lAction.Error;
        result.ErrorMessage = message;
        result.ShowUsage = usage;
        result.ExitCode = 255;
        return result;
    }

    private static bool Failed(Ptp4lInvocation result, string message, bool usage)
    {
        Fail(result, message, usage);
        return false;
    }
}
