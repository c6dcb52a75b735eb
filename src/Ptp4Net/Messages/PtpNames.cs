using System.Text;

namespace Ptp4Net.Messages;

/// <summary>
/// Names for printing and for the command line: the standard's message type names ("Delay_Req") and linuxptp's
/// spelling of TLV types and management ids ("CURRENT_DATA_SET", "TIME_STATUS_NP"), as pmc prints and parses
/// them. Tables are built once; lookups do not allocate.
/// </summary>
public static class PtpNames
{
    private static readonly Dictionary<ManagementId, string> ManagementIdNames = BuildNames<ManagementId>(static _ => null);
    private static readonly Dictionary<TlvType, string> TlvTypeNames = BuildNames<TlvType>(static t => t switch
    {
        TlvType.Authentication2008 => "AUTHENTICATION_2008",
        TlvType.PtpMonReq => "PTPMON_REQ",
        TlvType.PtpMonResp => "PTPMON_RESP",
        _ => null,
    });
    private static readonly Dictionary<ManagementErrorId, string> ErrorNames = BuildNames<ManagementErrorId>(static _ => null);

    /// <summary>The standard's name (Table 36): "Sync", "Delay_Req", ... or "Reserved(n)" for a reserved value.</summary>
    public static string MessageTypeName(MessageType type) => type switch
    {
        MessageType.Sync => "Sync",
        MessageType.DelayReq => "Delay_Req",
        MessageType.PdelayReq => "Pdelay_Req",
        MessageType.PdelayResp => "Pdelay_Resp",
        MessageType.FollowUp => "Follow_Up",
        MessageType.DelayResp => "Delay_Resp",
        MessageType.PdelayRespFollowUp => "Pdelay_Resp_Follow_Up",
        MessageType.Announce => "Announce",
        MessageType.Signaling => "Signaling",
        MessageType.Management => "Management",
        _ => ReservedName((int)type),
    };

    /// <summary>linuxptp's name without the TLV_ prefix ("MANAGEMENT", "PATH_TRACE"), or "0xNNNN".</summary>
    public static string TlvTypeName(TlvType type) => TlvTypeNames.TryGetValue(type, out var n) ? n : Hex((ushort)type);

    /// <summary>linuxptp's name without the MID_ prefix ("CURRENT_DATA_SET", "TIME_STATUS_NP"), or "0xNNNN".</summary>
    public static string ManagementIdName(ManagementId id) => ManagementIdNames.TryGetValue(id, out var n) ? n : Hex((ushort)id);

    /// <summary>linuxptp's name of a managementErrorId ("NO_SUCH_ID"), or "0xNNNN".</summary>
    public static string ManagementErrorName(ManagementErrorId id) => ErrorNames.TryGetValue(id, out var n) ? n : Hex((ushort)id);

    /// <summary>"GET", "SET", "RESPONSE", "COMMAND", "ACKNOWLEDGE" as pmc prints them.</summary>
    public static string ManagementActionName(ManagementAction action) => action switch
    {
        ManagementAction.Get => "GET",
        ManagementAction.Set => "SET",
        ManagementAction.Response => "RESPONSE",
        ManagementAction.Command => "COMMAND",
        ManagementAction.Acknowledge => "ACKNOWLEDGE",
        _ => ReservedName((int)action),
    };

    /// <summary>Exact (case-insensitive) management id name, e.g. "CURRENT_DATA_SET".</summary>
    public static bool TryParseManagementId(ReadOnlySpan<char> name, out ManagementId id)
    {
        foreach (var (key, value) in ManagementIdNames)
        {
            if (name.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                id = key;
                return true;
            }
        }
        id = default;
        return false;
    }

    /// <summary>
    /// pmc's matching: an exact name wins, otherwise a unique case-insensitive prefix ("CURRENT" finds
    /// CURRENT_DATA_SET). Ambiguous prefixes ("PORT") fail with <paramref name="ambiguous"/> set.
    /// </summary>
    public static bool TryParseManagementIdPrefix(ReadOnlySpan<char> name, out ManagementId id, out bool ambiguous)
    {
        ambiguous = false;
        if (TryParseManagementId(name, out id)) return true;
        int matches = 0;
        if (!name.IsEmpty)
        {
            foreach (var (key, value) in ManagementIdNames)
            {
                if (value.AsSpan().StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    matches++;
                    id = key;
                }
            }
        }
        if (matches == 1) return true;
        ambiguous = matches > 1;
        id = default;
        return false;
    }

    /// <summary>Every named management id with its name, for help texts.</summary>
    public static IReadOnlyDictionary<ManagementId, string> AllManagementIds => ManagementIdNames;

    private static string ReservedName(int v) => "Reserved(" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
    private static string Hex(ushort v) => "0x" + v.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<T, string> BuildNames<T>(Func<T, string?> overrides) where T : struct, Enum
    {
        var d = new Dictionary<T, string>();
        foreach (var v in Enum.GetValues<T>()) d[v] = overrides(v) ?? ToUpperSnake(v.ToString());
        return d;
    }

    /// <summary>"TimeStatusNp" to "TIME_STATUS_NP": an underscore before each capital that follows a lower-case
    /// letter or a digit ("L1Sync" to "L1_SYNC"; "Priority1" stays "PRIORITY1").</summary>
    internal static string ToUpperSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]))) sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
