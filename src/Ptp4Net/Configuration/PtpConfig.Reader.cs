using System.Net;
using System.Net.Sockets;

namespace Ptp4Net.Configuration;

// The config file reader, following linuxptp config.c config_read line for line in what it accepts.
public sealed partial class PtpConfig
{
    private enum Section
    {
        None,
        Global,
        Port,
        UnicastMasterTable,
    }

    /// <summary>Reads a ptp4l config file ("-" reads standard input, as ptp4l). Throws <see cref="ConfigException"/>
    /// for every error, with the file name and line number in the message.</summary>
    public void ReadFile(string path)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? Console.In : File.OpenText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigException($"failed to open configuration file {path}: {e.Message}", path, 0);
        }
        using (reader)
        {
            try
            {
                Read(reader, path);
            }
            catch (IOException e)
            {
                throw new ConfigException($"failed to read configuration file {path}: {e.Message}", path, 0);
            }
        }
    }

    /// <summary>Reads config text; <paramref name="fileName"/> names it in messages.</summary>
    public void Read(TextReader reader, string fileName)
    {
        var section = Section.None;
        string? port = null;
        UnicastMasterTable? table = null;
        int lineNumber = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var origin = new SettingOrigin(fileName, lineNumber);
            string line = TrimC(raw);
            // Blank lines and lines whose first non-blank character is '#' are comments. There are no
            // trailing comments: "priority1 128 # x" is a malformed value, as in ptp4l.
            if (line.Length == 0 || line[0] == '#') continue;

            if (line[0] == '[')
            {
                if (line.Equals("[global]", StringComparison.OrdinalIgnoreCase))
                {
                    section = Section.Global;
                }
                else if (line.Equals("[unicast_master_table]", StringComparison.OrdinalIgnoreCase))
                {
                    section = Section.UnicastMasterTable;
                    table = null; // the section must start with table_id
                }
                else
                {
                    // ptp4l replaces the brackets with blanks and takes the first word as the port name.
                    var words = SplitWords(line.Replace('[', ' ').Replace(']', ' '));
                    if (words.Length == 0)
                        throw new ConfigException($"could not parse port name at line {lineNumber} in file {fileName}", fileName, lineNumber);
                    port = words[0];
                    AddInterface(port);
                    section = Section.Port;
                }
                continue;
            }

            switch (section)
            {
                case Section.None:
                    throw new ConfigException($"line {lineNumber} in file {fileName} is not in a section", fileName, lineNumber);
                case Section.UnicastMasterTable:
                    table = ReadUnicastTableLine(line, table, origin);
                    break;
                default:
                    int split = 0;
                    while (split < line.Length && !CNumber.IsCSpace(line[split])) split++;
                    if (split == line.Length)
                        throw new ConfigException(
                            $"could not parse line {lineNumber} in file {fileName}: expected an option name and a value",
                            fileName, lineNumber);
                    string key = line[..split];
                    string value = line[split..].TrimStart(' ', '\t', '\v', '\f', '\r', '\n');
                    Apply(section == Section.Port ? port : null, key, value, origin, commandLine: false);
                    break;
            }
        }
    }

    private UnicastMasterTable? ReadUnicastTableLine(string line, UnicastMasterTable? table, SettingOrigin origin)
    {
        var words = SplitWords(line);
        string where = origin.ToString();
        if (words.Length != 2)
            throw new ConfigException($"bad master table {where}: expected a keyword or transport and one value",
                origin.FileName, origin.LineNumber);
        string word = words[0], arg = words[1];

        if (word == "table_id")
        {
            if (CNumber.ParseInteger(arg, false, 1, int.MaxValue, out long id) != ValueParseStatus.Ok)
                throw new ConfigException($"table_id {arg} {where} is out of range. Must be in the range 1 to {int.MaxValue}",
                    origin.FileName, origin.LineNumber, "table_id");
            if (_tables.Exists(t => t.TableId == id))
                throw new ConfigException($"table_id {id} {where} already taken", origin.FileName, origin.LineNumber, "table_id");
            table = new UnicastMasterTable((int)id, origin);
            _tables.Add(table);
            return table;
        }
        if (table is null)
            throw new ConfigException($"missing table_id {where}: a [unicast_master_table] section starts with table_id",
                origin.FileName, origin.LineNumber);
        if (word == "logQueryInterval")
        {
            if (CNumber.ParseInteger(arg, false, sbyte.MinValue, sbyte.MaxValue, out long lqi) != ValueParseStatus.Ok)
                throw new ConfigException($"logQueryInterval {arg} {where} out of range (expected -128 to 127)",
                    origin.FileName, origin.LineNumber, "logQueryInterval");
            table.LogQueryInterval = (int)lqi;
            return table;
        }
        if (word == "peer_address")
        {
            table.PeerAddress = arg;
            return table;
        }
        NetworkTransportOption transport;
        if (word.Equals("UDPv4", StringComparison.OrdinalIgnoreCase)) transport = NetworkTransportOption.UDPv4;
        else if (word.Equals("UDPv6", StringComparison.OrdinalIgnoreCase)) transport = NetworkTransportOption.UDPv6;
        else if (word.Equals("L2", StringComparison.OrdinalIgnoreCase)) transport = NetworkTransportOption.L2;
        else
            throw new ConfigException(
                $"bad master table {where}: {word} is not table_id, logQueryInterval, peer_address, UDPv4, UDPv6 or L2",
                origin.FileName, origin.LineNumber);
        if (!IsValidAddress(transport, arg))
            throw new ConfigException($"bad address {arg} for {word} {where}", origin.FileName, origin.LineNumber);
        table.Add(new UnicastMasterAddress(transport, arg, origin));
        return table;
    }

    private static bool IsValidAddress(NetworkTransportOption transport, string text) => transport switch
    {
        NetworkTransportOption.UDPv4 => IPAddress.TryParse(text, out var a) && a.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3,
        NetworkTransportOption.UDPv6 => IPAddress.TryParse(text, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6,
        _ => IsMac(text),
    };

    /// <summary>Six hexadecimal octets separated by ':' (linuxptp's str2mac).</summary>
    internal static bool IsMac(string text) => IsOctets(text, 6);

    private static string[] SplitWords(string s) =>
        s.Split([' ', '\t', '\v', '\f', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string TrimC(string s) => s.Trim(' ', '\t', '\v', '\f', '\r', '\n');
}
