using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ptp4Net.Identity;

/// <summary>
/// IEEE 1588-2019 ClockIdentity (5.3.4, 7.5.2.2): 8 octets. Held as a big-endian ulong so that the
/// numeric order is the octet-string order the BMCA compares by. Printed as linuxptp prints it:
/// "001122.fffe.334455".
/// </summary>
public readonly struct ClockIdentity : IEquatable<ClockIdentity>, IComparable<ClockIdentity>, ISpanFormattable
{
    public const int WireSize = 8;
    private readonly ulong _value;

    public ClockIdentity(ulong value) => _value = value;

    public ulong Value => _value;
    public static ClockIdentity Zero => default;
    /// <summary>All ones: the wildcard of targetPortIdentity (Table 41).</summary>
    public static ClockIdentity All => new(ulong.MaxValue);

    public static ClockIdentity Read(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt64BigEndian(source));
    public void Write(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, _value);

    /// <summary>EUI-64 from an EUI-48 MAC address by inserting FF-FE in the middle, as linuxptp does.</summary>
    public static ClockIdentity FromMac(ReadOnlySpan<byte> mac)
    {
        if (mac.Length != 6) throw new ArgumentException("a MAC address has 6 octets", nameof(mac));
        Span<byte> b = stackalloc byte[8];
        mac[..3].CopyTo(b);
        b[3] = 0xFF;
        b[4] = 0xFE;
        mac[3..].CopyTo(b[5..]);
        return Read(b);
    }

    /// <summary>Parses "001122.fffe.334455" (linuxptp) or 16 hex digits with optional ':' or '-' separators.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ClockIdentity value)
    {
        value = default;
        ulong v = 0;
        int digits = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '.' or ':' or '-') continue;
            int d = HexValue(c);
            if (d < 0 || ++digits > 16) return false;
            v = (v << 4) | (uint)d;
        }
        if (digits != 16) return false;
        value = new ClockIdentity(v);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    public bool Equals(ClockIdentity other) => _value == other._value;
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ClockIdentity c && Equals(c);
    public override int GetHashCode() => _value.GetHashCode();
    public int CompareTo(ClockIdentity other) => _value.CompareTo(other._value);
    public static bool operator ==(ClockIdentity a, ClockIdentity b) => a._value == b._value;
    public static bool operator !=(ClockIdentity a, ClockIdentity b) => a._value != b._value;
    public static bool operator <(ClockIdentity a, ClockIdentity b) => a._value < b._value;
    public static bool operator >(ClockIdentity a, ClockIdentity b) => a._value > b._value;

    public override string ToString() => ToString(null, null);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buf = stackalloc char[18];
        TryFormat(buf, out int n, default, null);
        return new string(buf[..n]);
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 18) return false;
        int p = 0;
        for (int i = 0; i < 8; i++)
        {
            if (i == 3 || i == 5) destination[p++] = '.';
            byte b = (byte)(_value >> (56 - 8 * i));
            destination[p++] = "0123456789abcdef"[b >> 4];
            destination[p++] = "0123456789abcdef"[b & 0xF];
        }
        charsWritten = p;
        return true;
    }
}
