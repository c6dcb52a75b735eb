using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// ScaledNs (802.1AS 6.4.3.1; linuxptp's Integer96): signed nanoseconds times 2^16 in 96 bits, sent as
/// nanoseconds_msb (2), nanoseconds_lsb (8), fractional_nanoseconds (2). Held sign-extended in an Int128.
/// </summary>
public readonly record struct ScaledNs(Int128 Scaled)
{
    public const int WireSize = 12;

    public static ScaledNs Read(ReadOnlySpan<byte> s)
    {
        Int128 hi = BinaryPrimitives.ReadInt16BigEndian(s);
        UInt128 mid = BinaryPrimitives.ReadUInt64BigEndian(s[2..]);
        UInt128 lo = BinaryPrimitives.ReadUInt16BigEndian(s[10..]);
        return new ScaledNs((hi << 80) | (Int128)(mid << 16) | (Int128)lo);
    }

    public void Write(Span<byte> d)
    {
        BinaryPrimitives.WriteInt16BigEndian(d, (short)(Scaled >> 80));
        BinaryPrimitives.WriteUInt64BigEndian(d[2..], (ulong)(Scaled >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(d[10..], (ushort)Scaled);
    }
}
