namespace Ptp4Net.Messages;

/// <summary>The TLV suffix of a message, enumerable with <c>foreach</c> without allocation.</summary>
public readonly ref struct TlvList
{
    public TlvList(ReadOnlySpan<byte> bytes) => Bytes = bytes;

    /// <summary>The encoded TLVs, exactly as received.</summary>
    public ReadOnlySpan<byte> Bytes { get; }
    public bool IsEmpty => Bytes.IsEmpty;

    public TlvEnumerator GetEnumerator() => new(Bytes);

    public int Count()
    {
        int n = 0;
        foreach (var _ in this) n++;
        return n;
    }

    /// <summary>The first TLV of the given type.</summary>
    public bool TryFind(TlvType type, out Tlv tlv)
    {
        foreach (var t in this)
        {
            if (t.Type == type)
            {
                tlv = t;
                return true;
            }
        }
        tlv = default;
        return false;
    }

    /// <summary>The first TLV, if any.</summary>
    public bool TryGetFirst(out Tlv tlv)
    {
        var e = GetEnumerator();
        if (e.MoveNext())
        {
            tlv = e.Current;
            return true;
        }
        tlv = default;
        return false;
    }
}
