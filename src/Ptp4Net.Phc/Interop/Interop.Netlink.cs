using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>struct sockaddr_nl (12): u16 family (AF_NETLINK), u16 pad, u32 pid (0 = kernel), u32 groups.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockaddrNl
        {
            public ushort Family;
            public ushort Pad;
            public uint Pid;
            public uint Groups;
        }
    }
}
