using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

/// <summary>A socket descriptor (UDP, AF_PACKET, netlink, ioctl helper).</summary>
public sealed class SafeSocketFd : SafeFdHandle
{
}
