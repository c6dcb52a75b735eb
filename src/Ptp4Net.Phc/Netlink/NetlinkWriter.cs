using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

/// <summary>
/// Builds one netlink message in a caller buffer. Layout (netlink.h), host byte order:
/// <code>
/// nlmsghdr  u32 len | u16 type | u16 flags | u32 seq | u32 pid     (16)
/// genlmsghdr u8 cmd | u8 version | u16 reserved                    (4)
/// nlattr*   u16 nla_len (header+payload, no padding) | u16 type | payload, padded to 4
/// </code>
/// </summary>
internal ref struct NetlinkWriter
{
    private readonly Span<byte> _buf;
    private int _pos;
    private bool _overflow;

    public NetlinkWriter(Span<byte> buffer)
    {
        _buf = buffer;
        _pos = 0;
        _overflow = false;
    }

    public readonly bool Overflow => _overflow;
    public readonly int Length => _pos;

    private bool Reserve(int n)
    {
        if (_overflow || _pos + n > _buf.Length)
        {
            _overflow = true;
            return false;
        }
        return true;
    }

    /// <summary>nlmsghdr with a zero length to be patched by <see cref="Finish"/>, then genlmsghdr.</summary>
    public void BeginGenl(ushort family, ushort flags, uint seq, byte cmd, byte version)
    {
        if (!Reserve(Nl.HeaderSize + Nl.GenlHeaderSize))
            return;
        var h = _buf[_pos..];
        BinaryPrimitives.WriteUInt32LittleEndian(h, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], family);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], seq);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], 0);
        h[16] = cmd;
        h[17] = version;
        h[18] = 0;
        h[19] = 0;
        _pos += Nl.HeaderSize + Nl.GenlHeaderSize;
    }

    /// <summary>Writes the total length into nlmsghdr; returns it (0 when the buffer was too small).</summary>
    public int Finish()
    {
        if (_overflow)
            return 0;
        BinaryPrimitives.WriteUInt32LittleEndian(_buf, (uint)_pos);
        return _pos;
    }

    public void PutU32(ushort type, uint value)
    {
        if (!Reserve(8))
            return;
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[_pos..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[(_pos + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(_buf[(_pos + 4)..], value);
        _pos += 8;
    }

    public void PutFlag(ushort type)
    {
        if (!Reserve(4))
            return;
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[_pos..], 4);
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[(_pos + 2)..], type);
        _pos += 4;
    }

    public void PutBinary(ushort type, scoped ReadOnlySpan<byte> payload)
    {
        int len = Nl.AttrHeaderSize + payload.Length;
        int padded = Align(len);
        if (!Reserve(padded))
            return;
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[_pos..], (ushort)len);
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[(_pos + 2)..], type);
        payload.CopyTo(_buf[(_pos + 4)..]);
        _buf.Slice(_pos + len, padded - len).Clear();
        _pos += padded;
    }

    /// <summary>A NUL-terminated string attribute.</summary>
    public void PutString(ushort type, string value)
    {
        Span<byte> tmp = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length) + 1];
        int n = Encoding.UTF8.GetBytes(value, tmp);
        tmp[n] = 0;
        PutBinary(type, tmp[..(n + 1)]);
    }

    /// <summary>Opens a nest (NLA_F_NESTED set, as the kernel does on replies); returns its offset for EndNest.</summary>
    public int BeginNest(ushort type)
    {
        if (!Reserve(4))
            return -1;
        int start = _pos;
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[(_pos + 2)..], (ushort)(type | Nl.NLA_F_NESTED));
        _pos += 4;
        return start;
    }

    public void EndNest(int start)
    {
        if (_overflow || start < 0)
            return;
        BinaryPrimitives.WriteUInt16LittleEndian(_buf[start..], (ushort)(_pos - start));
    }

    /// <summary>A compact ethtool bitset with one bit set: NOMASK, SIZE, VALUE (one u32 word per 32 bits).</summary>
    public void PutSingleBitBitset(ushort type, int bit, int size)
    {
        int nest = BeginNest(type);
        PutFlag(Nl.ETHTOOL_A_BITSET_NOMASK);
        PutU32(Nl.ETHTOOL_A_BITSET_SIZE, (uint)size);
        Span<byte> words = stackalloc byte[((size + 31) / 32) * 4];
        words.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(words[(bit / 32 * 4)..], 1u << (bit % 32));
        PutBinary(Nl.ETHTOOL_A_BITSET_VALUE, words);
        EndNest(nest);
    }

    public static int Align(int n) => (n + 3) & ~3;
}
