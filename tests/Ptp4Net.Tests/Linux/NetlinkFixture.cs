using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Tests.Linux;

/// <summary>
/// Builds netlink byte fixtures straight from the UAPI layouts (netlink.h, genetlink.h, ethtool_netlink.h),
/// independently of the production writer, so the decoder is checked against the spec and not against itself.
/// </summary>
internal sealed class NetlinkFixture
{
    private readonly List<byte> _b = [];
    private readonly Stack<int> _open = new();

    public byte[] ToArray() => [.. _b];
    public int Length => _b.Count;

    private void U16(ushort v) { _b.Add((byte)v); _b.Add((byte)(v >> 8)); }
    private void U32(uint v) { for (int i = 0; i < 4; i++) _b.Add((byte)(v >> (8 * i))); }
    private void Pad() { while (_b.Count % 4 != 0) _b.Add(0); }

    /// <summary>nlmsghdr (length patched by End) + optional genlmsghdr.</summary>
    public NetlinkFixture Msg(ushort type, ushort flags, uint seq, byte? genlCmd = null)
    {
        _open.Push(_b.Count);
        U32(0); U16(type); U16(flags); U32(seq); U32(0);
        if (genlCmd is { } c) { _b.Add(c); _b.Add(1); U16(0); }
        return this;
    }

    public NetlinkFixture End()
    {
        int start = _open.Pop();
        BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_b)[start..], (uint)(_b.Count - start));
        return this;
    }

    public NetlinkFixture AttrU32(ushort type, uint v) { U16(8); U16(type); U32(v); return this; }
    public NetlinkFixture AttrU16(ushort type, ushort v) { U16(6); U16(type); U16(v); Pad(); return this; }
    public NetlinkFixture AttrFlag(ushort type) { U16(4); U16(type); return this; }

    public NetlinkFixture AttrString(ushort type, string s)
    {
        var bytes = Encoding.ASCII.GetBytes(s + "\0");
        U16((ushort)(4 + bytes.Length)); U16(type); _b.AddRange(bytes); Pad();
        return this;
    }

    public NetlinkFixture AttrBinary(ushort type, params uint[] words)
    {
        U16((ushort)(4 + 4 * words.Length)); U16(type);
        foreach (var w in words) U32(w);
        return this;
    }

    public NetlinkFixture Nest(ushort type)
    {
        _open.Push(_b.Count);
        U16(0); U16((ushort)(type | 0x8000));
        return this;
    }

    public NetlinkFixture EndNest()
    {
        int start = _open.Pop();
        BinaryPrimitives.WriteUInt16LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_b)[start..], (ushort)(_b.Count - start));
        return this;
    }

    public NetlinkFixture Raw(ReadOnlySpan<byte> bytes) { _b.AddRange(bytes.ToArray()); return this; }
    public NetlinkFixture I32(int v) { U32((uint)v); return this; }

    /// <summary>A compact bitset: NOMASK, SIZE, VALUE words.</summary>
    public NetlinkFixture CompactBitset(ushort type, uint size, params uint[] words) =>
        Nest(type).AttrFlag(1).AttrU32(2, size).AttrBinary(4, words).EndNest();

    /// <summary>One TSINFO_GET_REPLY (cmd 26) for a provider.</summary>
    public NetlinkFixture TsInfo(uint seq, int ifindex, string name, uint sof, uint tx, uint rx, int phc,
        uint? qualifier, uint? source, uint? phyIndex)
    {
        Msg(21, 0, seq, 26);
        Nest(1).AttrU32(1, (uint)ifindex).AttrString(2, name).EndNest();
        CompactBitset(2, 19, sof);
        if (tx != 0) CompactBitset(3, 4, tx);
        if (rx != 0) CompactBitset(4, 16, rx);
        if (phc >= 0) AttrU32(5, (uint)phc);
        if (qualifier is { } q) Nest(7).AttrU32(1, (uint)phc).AttrU32(2, q).EndNest();
        if (source is { } s) AttrU32(8, s);
        if (phyIndex is { } p) AttrU32(9, p);
        return End();
    }
}
