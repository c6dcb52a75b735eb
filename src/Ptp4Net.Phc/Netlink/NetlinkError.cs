using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

/// <summary>The in-band error of a netlink request, with the kernel's extended-ack text when it sent one.</summary>
public readonly record struct NetlinkError(Errno Errno, string? Message, uint? Offset)
{
    public bool IsAck => Errno == Errno.None;

    public override string ToString() =>
        Interop.Describe(Errno) + (Message is null ? "" : $" ({Message})") + (Offset is null ? "" : $" at offset {Offset}");
}
