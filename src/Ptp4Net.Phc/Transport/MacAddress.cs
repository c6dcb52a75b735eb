using System.Globalization;

namespace Ptp4Net.Phc.Transport;

/// <summary>A 48-bit IEEE 802 MAC address, held in the low 48 bits of a ulong (first octet most significant).</summary>
public readonly struct MacAddress : IEquatable<MacAddress>
{
    private readonly ulong _value;

    public MacAddress(ulong value) => _value = value & 0xFFFF_FFFF_FFFFUL;

    /// <summary>01-1B-19-00-00-00, IEEE 1588 Annex E default (ptp_dst_mac).</summary>
    public static MacAddress PtpPrimary => new(0x011B19000000UL);
    /// <summary>01-80-C2-00-00-0E, link-local, peer delay and gPTP (p2p_dst_mac).</summary>
    public static MacAddress PtpPeerDelay => new(0x0180C200000EUL);

    public ulong Value => _value;
    public bool IsMulticast => (_value >> 40 & 1) != 0;

    public static MacAddress Read(ReadOnlySpan<byte> six)
    {
        ulong v = 0;
        for (int i = 0; i < 6; i++)
            v = (v << 8) | six[i];
        return new MacAddress(v);
    }

    public void Write(Span<byte> six)
    {
        for (int i = 0; i < 6; i++)
            six[i] = (byte)(_value >> (40 - 8 * i));
    }

    /// <summary>Parses "01:1B:19:00:00:00" (':' or '-' separators), as linuxptp's ptp_dst_mac.</summary>
    public static bool TryParse(string text, out MacAddress mac)
    {
        mac = default;
        var parts = text.Split(':', '-');
        if (parts.Length != 6)
            return false;
        ulong v = 0;
        foreach (var p in parts)
        {
            if (p.Length is < 1 or > 2 || !byte.TryParse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                return false;
            v = (v << 8) | b;
        }
        mac = new MacAddress(v);
        return true;
    }

    public bool Equals(MacAddress other) => _value == other._value;
    public override bool Equals(object? obj) => obj is MacAddress m && Equals(m);
    public override int GetHashCode() => _value.GetHashCode();
    public static bool operator ==(MacAddress a, MacAddress b) => a._value == b._value;
    public static bool operator !=(MacAddress a, MacAddress b) => a._value != b._value;

    public override string ToString()
    {
        Span<byte> b = stackalloc byte[6];
        Write(b);
        return string.Create(CultureInfo.InvariantCulture, $"{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}:{b[4]:x2}:{b[5]:x2}");
    }
}
