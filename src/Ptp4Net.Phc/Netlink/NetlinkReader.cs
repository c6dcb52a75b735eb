using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

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
