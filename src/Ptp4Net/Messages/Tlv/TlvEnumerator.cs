namespace Ptp4Net.Messages;

/// <summary>Walks TLVs in place. Stops (never throws) at the first TLV that does not fit.</summary>
public ref struct TlvEnumerator
{
    private ReadOnlySpan<byte> _rest;
    private Tlv _current;

    public TlvEnumerator(ReadOnlySpan<byte> tlvs)
    {
        _rest = tlvs;
        _current = default;
    }

    public readonly Tlv Current => _current;

    public bool MoveNext()
    {
        if (!Tlv.TryRead(_rest, out _current))
        {
            _rest = default;
            return false;
        }
        _rest = _rest[_current.Raw.Length..];
        return true;
    }
}
