using System.Text;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Transport;

internal static class SocketSetup
{
    /// <summary>SO_BINDTODEVICE with the interface name (needs CAP_NET_RAW).</summary>
    public static unsafe void BindToDevice(SafeSocketFd fd, string ifname)
    {
        byte[] name = Encoding.ASCII.GetBytes(ifname + "\0");
        fixed (byte* p = name)
        {
            if (SetSockOpt(fd, SOL_SOCKET, SO_BINDTODEVICE, p, (uint)name.Length) != 0)
                Check(LastErrno(), $"SO_BINDTODEVICE {ifname}");
        }
    }

    /// <summary>The interface's MAC address (SIOCGIFHWADDR) for the L2 source field.</summary>
    public static unsafe MacAddress GetHardwareAddress(SafeSocketFd fd, string ifname)
    {
        var req = default(Interop.Libc.IfReq);
        if (!req.TrySetName(ifname))
            throw new LinuxException($"bad interface name '{ifname}'");
        if (Ioctl(fd, SIOCGIFHWADDR, &req) != 0)
            Check(LastErrno(), $"SIOCGIFHWADDR {ifname}");
        // ifr_hwaddr is a struct sockaddr at @16: sa_family u16, then the address bytes.
        byte* b = (byte*)&req + 18;
        return MacAddress.Read(new ReadOnlySpan<byte>(b, 6));
    }
}
