using System.Globalization;

namespace Ptp4Net.Tests.Messages;

/// <summary>Hand-assembled test vectors: hex octets, one field per string, whitespace ignored.</summary>
internal static class Wire
{
    public static byte[] Hex(params string[] fields)
    {
        var all = string.Concat(fields).Replace(" ", "", StringComparison.Ordinal);
        if (all.Length % 2 != 0) throw new ArgumentException("odd number of hex digits");
        var b = new byte[all.Length / 2];
        for (int i = 0; i < b.Length; i++) b[i] = byte.Parse(all.AsSpan(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return b;
    }

    public static string ToHex(ReadOnlySpan<byte> b) => Convert.ToHexString(b);
}
