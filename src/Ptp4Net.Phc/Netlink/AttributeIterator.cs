using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

/// <summary>Walks nlattrs with a bounds check before every read.</summary>
internal ref struct AttributeIterator
{
    private ReadOnlySpan<byte> _rest;

    public AttributeIterator(ReadOnlySpan<byte> attrs)
    {
        _rest = attrs;
        Error = NetlinkParseError.None;
    }

    public NetlinkParseError Error { get; private set; }

    /// <summary>The next attribute; its type without NLA_F_NESTED/NET_BYTEORDER.</summary>
    public bool TryNext(out ushort type, out ReadOnlySpan<byte> payload)
    {
        type = 0;
        payload = default;
        if (_rest.Length == 0)
            return false;
        if (_rest.Length < Nl.AttrHeaderSize)
        {
            Error = NetlinkParseError.BadAttributeLength;
            return false;
        }
        int len = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
        if (len < Nl.AttrHeaderSize || len > _rest.Length)
        {
            Error = NetlinkParseError.BadAttributeLength;
            return false;
        }
        type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(_rest[2..]) & Nl.NLA_TYPE_MASK);
        payload = _rest[Nl.AttrHeaderSize..len];
        int next = NetlinkWriter.Align(len);
        _rest = next >= _rest.Length ? ReadOnlySpan<byte>.Empty : _rest[next..];
        return true;
    }
}
