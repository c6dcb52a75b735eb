using System.Globalization;

namespace Ptp4Net.Configuration;

/// <summary>
/// Number parsing with the C library semantics linuxptp relies on (util.c get_ranged_int/uint/double):
/// integers by strtol/strtoul with base 0, so "0x1F" is hexadecimal and "0660" octal, the whole string
/// must be consumed, and overflow is "out of range".
/// </summary>
internal static class CNumber
{
    public static ValueParseStatus ParseInteger(string text, bool isUnsigned, long min, long max, out long value)
    {
        value = 0;
        int i = 0;
        while (i < text.Length && IsCSpace(text[i])) i++;
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        int radix = 10;
        if (i + 2 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X') && Digit(text[i + 2], 16) >= 0)
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }
        int start = i;
        ulong magnitude = 0;
        bool overflow = false;
        for (; i < text.Length; i++)
        {
            int d = Digit(text[i], radix);
            if (d < 0) break;
            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix) overflow = true;
            else magnitude = magnitude * (ulong)radix + (ulong)d;
        }
        if (i == start || i != text.Length) return ValueParseStatus.Malformed;
        if (overflow) return ValueParseStatus.OutOfRange;

        if (isUnsigned)
        {
            // strtoul negates in unsigned arithmetic: "-1" is ULONG_MAX, out of any 32-bit range.
            if (negative && magnitude != 0) return ValueParseStatus.OutOfRange;
            if (magnitude > (ulong)long.MaxValue) return ValueParseStatus.OutOfRange;
            value = (long)magnitude;
        }
        else
        {
            if (negative)
            {
                if (magnitude > (ulong)long.MaxValue + 1) return ValueParseStatus.OutOfRange;
                value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            }
            else
            {
                if (magnitude > long.MaxValue) return ValueParseStatus.OutOfRange;
                value = (long)magnitude;
            }
        }
        return value < min || value > max ? ValueParseStatus.OutOfRange : ValueParseStatus.Ok;
    }

    /// <summary>strtod-like: decimal notation with optional exponent; infinities are out of range, NaN is
    /// refused as malformed (linuxptp would let NaN through its range check; we do not).</summary>
    public static ValueParseStatus ParseDouble(string text, double min, double max, out double value)
    {
        value = 0;
        if (text.Length == 0 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            return ValueParseStatus.Malformed;
        if (double.IsNaN(d)) return ValueParseStatus.Malformed;
        if (d < min || d > max || double.IsInfinity(d)) return ValueParseStatus.OutOfRange;
        value = d;
        return ValueParseStatus.Ok;
    }

    /// <summary>C isspace in the "C" locale.</summary>
    public static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int Digit(char c, int radix)
    {
        int d = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return d < radix ? d : -1;
    }
}
