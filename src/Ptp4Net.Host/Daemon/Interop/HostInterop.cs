using System.Runtime.InteropServices;

namespace Ptp4Net.Host.Daemon.Interop;

/// <summary>
/// The few libc calls the daemon's run loop needs that the Linux layer keeps internal: poll(2) over the
/// transports' and the management sockets' descriptors, AF_UNIX datagram sockets (management, /dev/log), the
/// error-queue drain, and raw open/read/close for the sysfs link state. x86-64 Linux (LP64) layouts.
/// Errors come back as -1 with errno (<see cref="Marshal.GetLastPInvokeError"/>), never as exceptions.
/// </summary>
internal static unsafe partial class HostInterop
{
    private const string Libc = "libc";

    internal const short POLLIN = 0x1;
    internal const short POLLPRI = 0x2;
    internal const short POLLERR = 0x8;
    internal const short POLLHUP = 0x10;
    internal const short POLLNVAL = 0x20;

    internal const int AF_UNIX = 1;
    internal const int SOCK_DGRAM = 2;
    internal const int SOCK_NONBLOCK = 0x800;
    internal const int SOCK_CLOEXEC = 0x80000;
    internal const int MSG_DONTWAIT = 0x40;
    internal const int MSG_ERRQUEUE = 0x2000;
    internal const int O_RDONLY = 0;
    internal const int O_CLOEXEC = 0x80000;

    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const int EACCES = 13;
    internal const int EADDRINUSE = 98;

    /// <summary>sun_path capacity of struct sockaddr_un (108 bytes, after the 2-byte family).</summary>
    internal const int SunPathLength = 108;
    /// <summary>sizeof(struct sockaddr_un).</summary>
    internal const int SockaddrUnLength = 110;

    /// <summary>struct pollfd: int fd, short events, short revents (8 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (56 bytes on x86-64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MsgHdr
    {
        public void* Name;
        public uint NameLen;
        public IoVec* Iov;
        public nuint IovLen;
        public void* Control;
        public nuint ControlLen;
        public int Flags;
    }

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint nfds, int timeoutMs);

    [LibraryImport(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Libc, EntryPoint = "bind", SetLastError = true)]
    internal static partial int Bind(int fd, byte* addr, uint addrLen);

    [LibraryImport(Libc, EntryPoint = "connect", SetLastError = true)]
    internal static partial int Connect(int fd, byte* addr, uint addrLen);

    [LibraryImport(Libc, EntryPoint = "sendto", SetLastError = true)]
    internal static partial nint SendTo(int fd, byte* buf, nuint len, int flags, byte* addr, uint addrLen);

    [LibraryImport(Libc, EntryPoint = "recvfrom", SetLastError = true)]
    internal static partial nint RecvFrom(int fd, byte* buf, nuint len, int flags, byte* addr, uint* addrLen);

    [LibraryImport(Libc, EntryPoint = "recvmsg", SetLastError = true)]
    internal static partial nint RecvMsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true)]
    internal static partial int Open(byte* path, int flags);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buf, nuint count);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "unlink", SetLastError = true)]
    internal static partial int Unlink(byte* path);

    [LibraryImport(Libc, EntryPoint = "chmod", SetLastError = true)]
    internal static partial int Chmod(byte* path, uint mode);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, byte* buf, nuint count);

    internal const int EFD_NONBLOCK = 0x800;
    internal const int EFD_CLOEXEC = 0x80000;

    [LibraryImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initval, int flags);

    [LibraryImport(Libc, EntryPoint = "geteuid")]
    internal static partial uint GetEuid();

    /// <summary>Writes struct sockaddr_un for <paramref name="path"/> into <paramref name="addr"/> (110 bytes);
    /// false when the path does not fit sun_path with its terminating NUL.</summary>
    internal static bool WriteSockaddrUn(string path, Span<byte> addr, out uint length)
    {
        addr[..SockaddrUnLength].Clear();
        addr[0] = AF_UNIX;
        int n = System.Text.Encoding.UTF8.GetByteCount(path);
        if (n == 0 || n >= SunPathLength)
        {
            length = 0;
            return false;
        }
        System.Text.Encoding.UTF8.GetBytes(path, addr.Slice(2, n));
        length = (uint)(2 + n + 1);
        return true;
    }

    /// <summary>A NUL-terminated UTF-8 copy of a path, for open/unlink (set-up only).</summary>
    internal static byte[] CString(string s)
    {
        var b = new byte[System.Text.Encoding.UTF8.GetByteCount(s) + 1];
        System.Text.Encoding.UTF8.GetBytes(s, b);
        return b;
    }

    internal static int LastErrno() => Marshal.GetLastPInvokeError();

    internal static string Describe(int errno) => errno switch
    {
        EACCES => "Permission denied",
        EADDRINUSE => "Address already in use",
        2 => "No such file or directory",
        1 => "Operation not permitted",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };
}
