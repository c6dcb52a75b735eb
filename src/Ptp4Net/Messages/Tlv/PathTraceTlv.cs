using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>PATH_TRACE TLV (IEEE 1588-2019 16.2.5, Table 115): pathSequence, a list of ClockIdentity (8 each).</summary>
public readonly ref struct PathTraceTlv : ITlvValue
{
    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>From encoded clock identities (8 octets each).</summary>
    public PathTraceTlv(ReadOnlySpan<byte> pathSequence) => _bytes = pathSequence;

    public int Count => _bytes.Length / ClockIdentity.WireSize;
    public ClockIdentity this[int index] => ClockIdentity.Read(_bytes.Slice(index * ClockIdentity.WireSize, ClockIdentity.WireSize));
    public ReadOnlySpan<byte> PathSequence => _bytes;

    public TlvType Type => TlvType.PathTrace;
    public int ValueLength => Count * ClockIdentity.WireSize;

    public static bool TryRead(Tlv tlv, out PathTraceTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.PathTrace) { error = ParseError.TlvTypeMismatch; return false; }
        if (tlv.Value.Length % ClockIdentity.WireSize != 0) { error = ParseError.TlvLengthInvalid; return false; }
        value = new PathTraceTlv(tlv.Value);
        error = ParseError.None;
        return true;
    }

    /// <summary>Encodes a path into <paramref name="destination"/> (8 octets each) for the constructor.</summary>
    public static int Encode(ReadOnlySpan<ClockIdentity> path, Span<byte> destination)
    {
        for (int i = 0; i < path.Length; i++) path[i].Write(destination[(i * ClockIdentity.WireSize)..]);
        return path.Length * ClockIdentity.WireSize;
    }

    public void WriteValue(Span<byte> d) => _bytes[..ValueLength].CopyTo(d);
}
