using Ptp4Net.Phc.Providers;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Netlink;

/// <summary>A netlink request the kernel refused (errno plus the extended-ack text), or a malformed answer.</summary>
public sealed class NetlinkException : Exception
{
    public NetlinkException(string message, NetlinkError error) : base(message) => Error = error;

    public NetlinkError Error { get; }
    public Errno Errno => Error.Errno;
}
