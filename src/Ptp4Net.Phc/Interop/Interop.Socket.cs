using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int AF_UNIX = 1;
        internal const int AF_INET = 2;
        internal const int AF_INET6 = 10;
        internal const int AF_NETLINK = 16;
        internal const int AF_PACKET = 17;
        internal const int SOCK_DGRAM = 2;
        internal const int SOCK_RAW = 3;
        internal const int SOCK_NONBLOCK = 0x800;
        internal const int SOCK_CLOEXEC = 0x80000;

        internal const int SOL_SOCKET = 1;
        internal const int SOL_IP = 0;
        internal const int SOL_IPV6 = 41;
        internal const int SOL_PACKET = 263;
        internal const int SOL_NETLINK = 270;

        internal const int SO_REUSEADDR = 2;
        internal const int SO_PRIORITY = 12;
        internal const int SO_BINDTODEVICE = 25;
        internal const int SO_ATTACH_FILTER = 26;
        internal const int SO_TIMESTAMPNS = 35;
        internal const int SO_TIMESTAMPING = 37;
        internal const int SO_SELECT_ERR_QUEUE = 45;
        internal const int SCM_TIMESTAMPING = SO_TIMESTAMPING;
        internal const int SCM_TS_OPT_ID = 81;

        internal const int IP_TOS = 1;
        internal const int IP_RECVERR = 11;
        internal const int IP_MULTICAST_IF = 32;
        internal const int IP_MULTICAST_TTL = 33;
        internal const int IP_MULTICAST_LOOP = 34;
        internal const int IP_ADD_MEMBERSHIP = 35;
        internal const int IPV6_UNICAST_HOPS = 16;
        internal const int IPV6_MULTICAST_IF = 17;
        internal const int IPV6_MULTICAST_HOPS = 18;
        internal const int IPV6_MULTICAST_LOOP = 19;
        internal const int IPV6_ADD_MEMBERSHIP = 20;
        internal const int IPV6_V6ONLY = 26;
        internal const int IPV6_RECVERR = 25;
        internal const int IPV6_TCLASS = 67;
        internal const int IP_TTL = 2;

        internal const int PACKET_ADD_MEMBERSHIP = 1;
        internal const int PACKET_MR_MULTICAST = 0;
        internal const int PACKET_MR_PROMISC = 1;
        internal const int PACKET_MR_ALLMULTI = 2;
        internal const int PACKET_TX_TIMESTAMP = 16;
        internal const int PACKET_IGNORE_OUTGOING = 23;

        internal const int MSG_CTRUNC = 0x08;
        internal const int MSG_TRUNC = 0x20;
        internal const int MSG_DONTWAIT = 0x40;
        internal const int MSG_ERRQUEUE = 0x2000;

        internal const byte SO_EE_ORIGIN_TIMESTAMPING = 4;

        // SOF_TIMESTAMPING_* (net_tstamp.h)
        internal const uint SOF_TX_HARDWARE = 0x1;
        internal const uint SOF_TX_SOFTWARE = 0x2;
        internal const uint SOF_RX_HARDWARE = 0x4;
        internal const uint SOF_RX_SOFTWARE = 0x8;
        internal const uint SOF_SOFTWARE = 0x10;
        internal const uint SOF_SYS_HARDWARE = 0x20;
        internal const uint SOF_RAW_HARDWARE = 0x40;
        internal const uint SOF_OPT_ID = 0x80;
        internal const uint SOF_OPT_TSONLY = 0x800;
        internal const uint SOF_BIND_PHC = 0x8000;

        /// <summary>struct so_timestamping (8): int flags @0, int bind_phc @4 (a virtual PHC of the bound device).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SoTimestamping
        {
            public int Flags;
            public int BindPhc;
        }

        /// <summary>struct iovec (16): ptr base @0, u64 len @8.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct IoVec
        {
            public void* Base;
            public ulong Length;
        }

        /// <summary>struct msghdr (56): name @0, namelen @8, iov @16, iovlen @24, control @32, controllen @40, flags @48.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct MsgHdr
        {
            public void* Name;
            public uint NameLen;
            public IoVec* Iov;
            public ulong IovLen;
            public void* Control;
            public ulong ControlLen;
            public int Flags;
        }

        /// <summary>struct cmsghdr (16): u64 len @0, i32 level @8, i32 type @12, data @16, 8-byte aligned.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct CmsgHdr
        {
            public ulong Len;
            public int Level;
            public int Type;
        }

        internal static int CmsgAlign(int len) => (len + 7) & ~7;
        internal static int CmsgSpace(int dataLen) => 16 + CmsgAlign(dataLen);
        internal static int CmsgLen(int dataLen) => 16 + dataLen;

        /// <summary>struct scm_timestamping (48): ts[0] software, ts[1] legacy, ts[2] raw hardware.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct ScmTimestamping
        {
            public Timespec Software;
            public Timespec Legacy;
            public Timespec Hardware;
        }

        /// <summary>struct sock_extended_err (16; errqueue.h).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockExtendedErr
        {
            public uint Errno;
            public byte Origin;
            public byte Type;
            public byte Code;
            public byte Pad;
            public uint Info;
            public uint Data;
        }

        /// <summary>struct sockaddr_in (16): u16 family, be16 port @2, be32 addr @4, zero[8].</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SockaddrIn
        {
            public ushort Family;
            public ushort PortBE;
            public uint AddrBE;
            public fixed byte Zero[8];
        }

        /// <summary>struct sockaddr_in6 (28): family, be16 port @2, flowinfo @4, addr[16] @8, scope_id @24.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SockaddrIn6
        {
            public ushort Family;
            public ushort PortBE;
            public uint FlowInfo;
            public fixed byte Addr[16];
            public uint ScopeId;
        }

        /// <summary>struct sockaddr_ll (20; if_packet.h).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SockaddrLl
        {
            public ushort Family;
            public ushort ProtocolBE;
            public int IfIndex;
            public ushort HaType;
            public byte PktType;
            public byte HaLen;
            public fixed byte Addr[8];
        }

        /// <summary>struct packet_mreq (16).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct PacketMreq
        {
            public int IfIndex;
            public ushort Type;
            public ushort ALen;
            public fixed byte Address[8];
        }

        /// <summary>struct ip_mreqn (12): group @0, local address @4, ifindex @8.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct IpMreqn
        {
            public uint MultiAddrBE;
            public uint LocalAddrBE;
            public int IfIndex;
        }

        /// <summary>struct ipv6_mreq (20): addr[16] @0, ifindex @16.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct Ipv6Mreq
        {
            public fixed byte Addr[16];
            public int IfIndex;
        }

        /// <summary>struct sock_filter (8): u16 code, u8 jt, u8 jf, u32 k.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockFilter
        {
            public ushort Code;
            public byte Jt;
            public byte Jf;
            public uint K;

            public SockFilter(ushort code, byte jt, byte jf, uint k)
            {
                Code = code;
                Jt = jt;
                Jf = jf;
                K = k;
            }
        }

        /// <summary>struct sock_fprog (16): u16 len @0, filter pointer @8.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SockFprog
        {
            public ushort Len;
            public SockFilter* Filter;
        }

        [LibraryImport(Name, EntryPoint = "socket", SetLastError = true)]
        internal static partial int Socket(int domain, int type, int protocol);

        [LibraryImport(Name, EntryPoint = "bind", SetLastError = true)]
        internal static unsafe partial int Bind(SafeSocketFd fd, void* addr, uint addrLen);

        [LibraryImport(Name, EntryPoint = "connect", SetLastError = true)]
        internal static unsafe partial int Connect(SafeSocketFd fd, void* addr, uint addrLen);

        [LibraryImport(Name, EntryPoint = "setsockopt", SetLastError = true)]
        internal static unsafe partial int SetSockOpt(SafeSocketFd fd, int level, int name, void* value, uint len);

        [LibraryImport(Name, EntryPoint = "getsockopt", SetLastError = true)]
        internal static unsafe partial int GetSockOpt(SafeSocketFd fd, int level, int name, void* value, uint* len);

        [LibraryImport(Name, EntryPoint = "sendmsg", SetLastError = true)]
        internal static unsafe partial nint SendMsg(SafeSocketFd fd, MsgHdr* msg, int flags);

        [LibraryImport(Name, EntryPoint = "recvmsg", SetLastError = true)]
        internal static unsafe partial nint RecvMsg(SafeSocketFd fd, MsgHdr* msg, int flags);

        [LibraryImport(Name, EntryPoint = "sendto", SetLastError = true)]
        internal static unsafe partial nint SendTo(SafeSocketFd fd, void* buf, nuint len, int flags, void* addr, uint addrLen);

        [LibraryImport(Name, EntryPoint = "recvfrom", SetLastError = true)]
        internal static unsafe partial nint RecvFrom(SafeSocketFd fd, void* buf, nuint len, int flags, void* addr, uint* addrLen);

        [LibraryImport(Name, EntryPoint = "recv", SetLastError = true)]
        internal static unsafe partial nint Recv(SafeSocketFd fd, void* buf, nuint len, int flags);

        /// <summary>Creates a socket or throws with the errno: for set-up only.</summary>
        internal static SafeSocketFd OpenSocket(int domain, int type, int protocol, string what)
        {
            int fd = Socket(domain, type | SOCK_CLOEXEC, protocol);
            if (fd < 0)
            {
                var e = LastErrno();
                throw new LinuxException($"socket() for {what} failed: {Describe(e)}", e);
            }
            var h = new SafeSocketFd();
            h.SetFd(fd);
            return h;
        }

        internal static unsafe Errno SetInt(SafeSocketFd fd, int level, int name, int value)
        {
            return SetSockOpt(fd, level, name, &value, sizeof(int)) == 0 ? Errno.None : LastErrno();
        }

        internal static unsafe Errno GetInt(SafeSocketFd fd, int level, int name, out int value)
        {
            int v = 0;
            uint len = sizeof(int);
            var e = GetSockOpt(fd, level, name, &v, &len) == 0 ? Errno.None : LastErrno();
            value = v;
            return e;
        }

        internal static unsafe Errno SetStruct<T>(SafeSocketFd fd, int level, int name, in T value) where T : unmanaged
        {
            fixed (T* p = &value)
                return SetSockOpt(fd, level, name, p, (uint)sizeof(T)) == 0 ? Errno.None : LastErrno();
        }

        internal static void Check(Errno e, string what)
        {
            if (e != Errno.None)
                throw new LinuxException($"{what} failed: {Describe(e)}", e);
        }
    }
}
