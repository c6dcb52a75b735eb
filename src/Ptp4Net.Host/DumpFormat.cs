using System.Globalization;
using Ptp4Net.Time;

namespace Ptp4Net.Host;

/// <summary>Value formatting shared by the dump's outputs.</summary>
internal static class DumpFormat
{
    /// <summary>"seconds.nanoseconds" with nine digits, as linuxptp prints timestamps.</summary>
    public static string Timestamp(PtpTimestamp t) =>
        t.Seconds.ToString(CultureInfo.InvariantCulture) + "." + t.Nanoseconds.ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>
    /// A TimeInterval in nanoseconds, exactly: scaled/2^16 always has a finite decimal expansion of at
    /// most 16 fractional digits (2^-16 = 0.0000152587890625). "1234", "-0.5", "0.0000152587890625".
    /// </summary>
    public static string Nanoseconds(TimeInterval value) => ScaledNanoseconds(value.ScaledNanoseconds);

    /// <summary>Any ns * 2^16 value (TimeInterval, the 96-bit ScaledNs) as exact decimal nanoseconds.</summary>
    public static string ScaledNanoseconds(Int128 scaled)
    {
        bool negative = scaled < 0;
        UInt128 abs = negative ? (UInt128)(-(scaled + 1)) + 1 : (UInt128)scaled;
        UInt128 whole = abs >> 16;
        ulong fraction = (ulong)(abs & 0xFFFF) * 152_587_890_625UL; // units of 10^-16 ns
        string s = whole.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0) s += "." + fraction.ToString("D16", CultureInfo.InvariantCulture).TrimEnd('0');
        return negative ? "-" + s : s;
    }

    public static string HexString(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
