namespace Ptp4Net.Host;

/// <summary>Command line of <c>ptp4net dump [-v] [--json] FILE</c>.</summary>
internal sealed record DumpOptions(string Path, bool Verbose, bool Json)
{
    public static bool TryParse(ReadOnlySpan<string> args, out DumpOptions? options, out string? error, out bool help)
    {
        options = null;
        error = null;
        help = false;
        string? path = null;
        bool verbose = false, json = false, endOfOptions = false;
        foreach (var a in args)
        {
            if (!endOfOptions && a.Length > 1 && a[0] == '-')
            {
                switch (a)
                {
                    case "-v" or "--verbose": verbose = true; continue;
                    case "--json" or "-j": json = true; continue;
                    case "-h" or "--help": help = true; return false;
                    case "--": endOfOptions = true; continue;
                    default:
                        error = $"unknown option '{a}'";
                        return false;
                }
            }
            if (path is not null)
            {
                error = $"one capture file only (got '{path}' and '{a}')";
                return false;
            }
            path = a;
        }
        if (path is null)
        {
            error = "no capture file given";
            return false;
        }
        options = new DumpOptions(path, verbose, json);
        return true;
    }
}
