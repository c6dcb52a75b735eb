using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

/// <summary>Why a netlink buffer was rejected; each reason distinct (style: network input never throws).</summary>
public enum NetlinkParseError
{
    None,
    ShortHeader,
    BadMessageLength,
    ShortGenlHeader,
    BadAttributeLength,
    ShortErrorMessage,
    WrongCommand,
    MissingAttribute,
    BadBitset,
}

/// <summary>One netlink message: header fields and the bytes after nlmsghdr.</summary>
internal readonly ref struct NetlinkMessage
{
    public NetlinkMessage(ushort type, ushort flags, uint seq, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Flags = flags;
        Seq = seq;
        Payload = payload;
    }

    public ushort Type { get; }
    public ushort Flags { get; }
    public uint Seq { get; }
    public ReadOnlySpan<byte> Payload { get; }
}

internal static class NetlinkReader
{
    /// <summary>Takes the next message off <paramref name="buffer"/> (messages are 4-aligned in a datagram).</summary>
    public static bool TryNext(ref ReadOnlySpan<byte> buffer, out NetlinkMessage message, out NetlinkParseError error)
    {
        message = default;
        error = NetlinkParseError.None;
        if (buffer.Length < Nl.HeaderSize)
        {
            error = buffer.Length == 0 ? NetlinkParseError.None : NetlinkParseError.ShortHeader;
            return false;
        }
        uint len = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (len < Nl.HeaderSize || len > buffer.Length)
        {
            error = NetlinkParseError.BadMessageLength;
            return false;
        }
        message = new NetlinkMessage(
            BinaryPrimitives.ReadUInt16LittleEndian(buffer[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(buffer[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[8..]),
            buffer[Nl.HeaderSize..(int)len]);
        int next = NetlinkWriter.Align((int)len);
        buffer = next >= buffer.Length ? ReadOnlySpan<byte>.Empty : buffer[next..];
        return true;
    }

    /// <summary>
    /// Decodes NLMSG_ERROR: i32 error (−errno; 0 is an ACK), the echoed request header (and, unless
    /// NLM_F_CAPPED, the echoed request payload), then with NLM_F_ACK_TLVS the extended-ack attributes.
    /// </summary>
    public static bool TryReadError(in NetlinkMessage m, out NetlinkError error, out NetlinkParseError parseError)
    {
        error = default;
        parseError = NetlinkParseError.None;
        var p = m.Payload;
        if (p.Length < 4 + Nl.HeaderSize)
        {
            parseError = NetlinkParseError.ShortErrorMessage;
            return false;
        }
        int code = BinaryPrimitives.ReadInt32LittleEndian(p);
        int echoedLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(p[4..]);
        int skip = 4 + Nl.HeaderSize;
        if ((m.Flags & Nl.NLM_F_CAPPED) == 0 && code != 0)
            skip = 4 + Math.Max(Nl.HeaderSize, echoedLen);
        string? msg = null;
        uint? offset = null;
        if ((m.Flags & Nl.NLM_F_ACK_TLVS) != 0 && skip <= p.Length)
        {
            var it = new AttributeIterator(p[NetlinkWriter.Align(skip)..]);
            while (it.TryNext(out var type, out var data))
            {
                if (type == Nl.NLMSGERR_ATTR_MSG)
                    msg = ReadString(data);
                else if (type == Nl.NLMSGERR_ATTR_OFFS && data.Length >= 4)
                    offset = BinaryPrimitives.ReadUInt32LittleEndian(data);
            }
            if (it.Error != NetlinkParseError.None)
            {
                parseError = it.Error;
                return false;
            }
        }
        error = new NetlinkError(code == 0 ? Errno.None : (Errno)(-code), msg, offset);
        return true;
    }

    public static string ReadString(ReadOnlySpan<byte> data)
    {
        int z = data.IndexOf((byte)0);
        return Encoding.UTF8.GetString(z >= 0 ? data[..z] : data);
    }

    public static bool TryReadU32(ReadOnlySpan<byte> data, out uint value)
    {
        if (data.Length < 4)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt32LittleEndian(data);
        return true;
    }
}

/// <summary>The in-band error of a netlink request, with the kernel's extended-ack text when it sent one.</summary>
public readonly record struct NetlinkError(Errno Errno, string? Message, uint? Offset)
{
    public bool IsAck => Errno == Errno.None;

    public override string ToString() =>
        Interop.Describe(Errno) + (Message is null ? "" : $" ({Message})") + (Offset is null ? "" : $" at offset {Offset}");
}

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
