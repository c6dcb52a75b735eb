using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

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
