namespace Ptp4Net.Configuration;

/// <summary>Outcome of parsing one option value, as linuxptp's enum parser_result.</summary>
internal enum ValueParseStatus
{
    Ok,
    /// <summary>Not a number at all, or trailing characters ("12abc", "0x").</summary>
    Malformed,
    /// <summary>A number outside the item's range.</summary>
    OutOfRange,
    /// <summary>Not one of the labels of an enum, or rejected by an item's own validator.</summary>
    BadValue,
}
