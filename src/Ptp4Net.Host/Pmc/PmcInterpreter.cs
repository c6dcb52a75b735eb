using System.Globalization;
using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc's command language (pmc_common.c pmc_do_command): "ACTION ID [values]" with the action GET, SET, CMD or
/// COMMAND and the id a name from <see cref="PmcIdTable"/>, both case-insensitive and abbreviable; "TARGET pid|*";
/// "HELP". It prints what pmc prints ("sending: GET CURRENT_DATA_SET", "sorry, TIME not supported yet", the
/// SET value errors) and hands each request it builds to the send callback.
/// </summary>
public sealed class PmcInterpreter
{
    /// <summary>Management events of SUBSCRIBE_EVENTS_NP (linuxptp notification.h).</summary>
    private const int NotifyPortState = 0;
    private const int NotifyTimeSync = 1;

    private readonly PmcMessageBuilder _builder;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly byte[] _buffer = new byte[PtpMessageWriter.MaxMessageLength];

    public PmcInterpreter(PmcMessageBuilder builder, TextWriter stdout, TextWriter stderr)
    {
        _builder = builder;
        _out = stdout;
        _err = stderr;
    }

    /// <summary>Runs one command; false for a command pmc calls bad ("bad command: ..." is the caller's to print).</summary>
    public bool Execute(string command, Action<ReadOnlySpan<byte>> send)
    {
        if ("HELP".StartsWith(command, StringComparison.OrdinalIgnoreCase))
        {
            PrintHelp();
            return true;
        }
        var tokens = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return false;
        string actionText = tokens[0].Length > 10 ? tokens[0][..10] : tokens[0];
        string idText = tokens[1].Length > 64 ? tokens[1][..64] : tokens[1];

        if ("TARGET".StartsWith(actionText, StringComparison.OrdinalIgnoreCase))
            return ParseTarget(idText);

        var action = ParseAction(actionText);
        int index = PmcIdTable.Find(idText);
        if (action is null || index == PmcIdTable.BadId) return false;
        if (index == PmcIdTable.AmbiguousId)
        {
            _out.WriteLine($"id {idText} is too ambiguous");
            return true;
        }
        var entry = PmcIdTable.Entries[index];
        _out.WriteLine($"sending: {ActionName(action.Value)} {entry.Name}");

        switch (entry.Handler)
        {
            case PmcIdHandler.NotSupported:
                _out.WriteLine($"sorry, {entry.Name} not supported yet");
                break;
            case PmcIdHandler.Null:
                if (action == ManagementAction.Get) send(Get(entry.Id));
                else _out.WriteLine("non-get actions still todo");
                break;
            case PmcIdHandler.GetOnly:
                if (action == ManagementAction.Get) send(Get(entry.Id));
                else _err.WriteLine($"{entry.Name} only allows GET");
                break;
            case PmcIdHandler.GetOrSet:
                if (action == ManagementAction.Get) send(Get(entry.Id));
                else if (action == ManagementAction.Set) Set(entry, tokens, send);
                else _err.WriteLine($"{entry.Name} only allows GET or SET");
                break;
        }
        return true;
    }

    private ReadOnlySpan<byte> Get(ManagementId id) => _buffer.AsSpan(0, _builder.BuildGet(_buffer, id));

    private void Set(PmcIdTable.Entry entry, string[] tokens, Action<ReadOnlySpan<byte>> send)
    {
        var scan = new PmcScanner(tokens, 2);
        Span<byte> data = stackalloc byte[SubscribeEventsNp.WireSize];
        int length;
        switch (entry.Id)
        {
            case ManagementId.Priority1 or ManagementId.Priority2:
                if (!scan.Unsigned(out ulong p))
                {
                    _err.WriteLine($"{entry.Name} SET needs 1 value");
                    return;
                }
                new ManagementDatum(entry.Id, (byte)p).Write(data);
                length = ManagementDatum.WireSize;
                break;
            case ManagementId.SynchronizationUncertainNp:
                if (!scan.Unsigned(out ulong u))
                {
                    _err.WriteLine($"{entry.Name} SET needs 1 value");
                    return;
                }
                if ((byte)u is not (0 or 1 or 0xFF))
                {
                    _err.WriteLine("\nusage: set SYNCHRONIZATION_UNCERTAIN_NP 0 (false), 1 (true), or 255 (don't care)\n");
                    return;
                }
                new ManagementDatum(entry.Id, (byte)u).Write(data);
                length = ManagementDatum.WireSize;
                break;
            case ManagementId.GrandmasterSettingsNp:
                if (!(scan.Word("clockClass") && scan.Unsigned(out ulong clockClass)
                    && scan.Word("clockAccuracy") && scan.Hex(out ulong accuracy)
                    && scan.Word("offsetScaledLogVariance") && scan.Hex(out ulong variance)
                    && scan.Word("currentUtcOffset") && scan.Signed(out long utcOffset)
                    && scan.Word("leap61") && scan.Signed(out long leap61)
                    && scan.Word("leap59") && scan.Signed(out long leap59)
                    && scan.Word("currentUtcOffsetValid") && scan.Signed(out long utcValid)
                    && scan.Word("ptpTimescale") && scan.Signed(out long ptpTimescale)
                    && scan.Word("timeTraceable") && scan.Signed(out long timeTraceable)
                    && scan.Word("frequencyTraceable") && scan.Signed(out long freqTraceable)
                    && scan.Word("timeSource") && scan.Hex(out ulong timeSource)))
                {
                    _err.WriteLine($"{entry.Name} SET needs 11 values");
                    return;
                }
                var flags = PtpFlags.None;
                if (leap61 != 0) flags |= PtpFlags.Leap61;
                if (leap59 != 0) flags |= PtpFlags.Leap59;
                if (utcValid != 0) flags |= PtpFlags.CurrentUtcOffsetValid;
                if (ptpTimescale != 0) flags |= PtpFlags.PtpTimescale;
                if (timeTraceable != 0) flags |= PtpFlags.TimeTraceable;
                if (freqTraceable != 0) flags |= PtpFlags.FrequencyTraceable;
                new GrandmasterSettingsNp(new ClockQuality((byte)clockClass, (ClockAccuracy)(byte)accuracy, (ushort)variance),
                    (short)utcOffset, flags, (TimeSource)(byte)timeSource).Write(data);
                length = GrandmasterSettingsNp.WireSize;
                break;
            case ManagementId.SubscribeEventsNp:
                if (!(scan.Word("duration") && scan.Unsigned(out ulong duration)
                    && scan.Word("NOTIFY_PORT_STATE") && scan.Text(3, out string portState)
                    && scan.Word("NOTIFY_TIME_SYNC") && scan.Text(3, out string timeSync)))
                {
                    _err.WriteLine($"{entry.Name} SET needs 3 values");
                    return;
                }
                var mask = new EventBitmask();
                if (portState.Equals("on", StringComparison.OrdinalIgnoreCase)) mask.Set(NotifyPortState);
                if (timeSync.Equals("on", StringComparison.OrdinalIgnoreCase)) mask.Set(NotifyTimeSync);
                new SubscribeEventsNp((ushort)duration, mask).Write(data);
                length = SubscribeEventsNp.WireSize;
                break;
            case ManagementId.PortDataSetNp:
                if (!(scan.Word("neighborPropDelayThresh") && scan.Unsigned(out ulong thresh)
                    && scan.Word("asCapable") && scan.Signed(out long asCapable)))
                {
                    _err.WriteLine($"{entry.Name} SET needs 2 values");
                    return;
                }
                new PortDataSetNp((uint)thresh, (int)asCapable).Write(data);
                length = PortDataSetNp.WireSize;
                break;
            default:
                return;
        }
        send(_buffer.AsSpan(0, _builder.BuildSet(_buffer, entry.Id, data[..length])));
    }

    private bool ParseTarget(string text)
    {
        if (text.StartsWith('*'))
        {
            _builder.Target = PortIdentity.Wildcard;
            return true;
        }
        if (!PortIdentity.TryParse(text, out var pid)) return false;
        _builder.Target = pid;
        return true;
    }

    private static ManagementAction? ParseAction(string s)
    {
        if ("GET".StartsWith(s, StringComparison.OrdinalIgnoreCase)) return ManagementAction.Get;
        if ("SET".StartsWith(s, StringComparison.OrdinalIgnoreCase)) return ManagementAction.Set;
        if ("CMD".StartsWith(s, StringComparison.OrdinalIgnoreCase)) return ManagementAction.Command;
        if ("COMMAND".StartsWith(s, StringComparison.OrdinalIgnoreCase)) return ManagementAction.Command;
        return null;
    }

    internal static string ActionName(ManagementAction a) => a switch
    {
        ManagementAction.Get => "GET",
        ManagementAction.Set => "SET",
        ManagementAction.Response => "RESPONSE",
        ManagementAction.Command => "COMMAND",
        _ => "ACKNOWLEDGE",
    };

    private void PrintHelp()
    {
        _out.WriteLine();
        foreach (var e in PmcIdTable.Entries)
            if (e.Handler != PmcIdHandler.NotSupported)
                _out.WriteLine($"\t[action] {e.Name}");
        _out.WriteLine();
        _out.WriteLine("\tThe [action] can be GET, SET, CMD, or COMMAND");
        _out.WriteLine("\tCommands are case insensitive and may be abbreviated.");
        _out.WriteLine();
        _out.WriteLine("\tTARGET [portIdentity]");
        _out.WriteLine("\tTARGET *");
        _out.WriteLine();
    }

    /// <summary>
    /// The part of sscanf pmc's SET formats use, over whitespace-separated tokens: literal words, unsigned and
    /// signed decimal numbers, hex numbers (optional 0x) and short strings. Values wrap to the C field width at
    /// the caller, as scanf's %hhu does.
    /// </summary>
    private ref struct PmcScanner(string[] tokens, int start)
    {
        private int _next = start;

        public bool Word(string literal) =>
            _next < tokens.Length && string.Equals(tokens[_next], literal, StringComparison.Ordinal) && ++_next > 0;

        public bool Unsigned(out ulong value)
        {
            value = 0;
            if (_next >= tokens.Length) return false;
            var t = tokens[_next].AsSpan();
            bool neg = t.Length > 0 && t[0] == '-';
            if (t.Length > 0 && t[0] is '+' or '-') t = t[1..];
            if (!ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return false;
            if (neg) value = unchecked(0 - value);
            _next++;
            return true;
        }

        public bool Signed(out long value)
        {
            value = 0;
            if (_next >= tokens.Length || !long.TryParse(tokens[_next], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                return false;
            _next++;
            return true;
        }

        public bool Hex(out ulong value)
        {
            value = 0;
            if (_next >= tokens.Length) return false;
            var t = tokens[_next].AsSpan();
            if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) t = t[2..];
            if (!ulong.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)) return false;
            _next++;
            return true;
        }

        public bool Text(int max, out string value)
        {
            value = "";
            if (_next >= tokens.Length) return false;
            var t = tokens[_next++];
            value = t.Length > max ? t[..max] : t;
            return true;
        }
    }
}
