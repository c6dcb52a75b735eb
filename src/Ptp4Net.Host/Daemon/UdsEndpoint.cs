using Ptp4Net.Host.Daemon.Interop;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// One of ptp4l's management sockets (uds.c): an AF_UNIX datagram socket bound at a path (uds_address, read-write,
/// or uds_ro_address, read-only). pmc binds its own path and sends raw PTP management messages; the reply goes back
/// to the sender's address. The last few senders are remembered by slot so that the engine can name the reply
/// target with an int. A stale socket file at the path is removed before binding (as ptp4l), but a path a running daemon
/// still serves is refused; the file is removed on <see cref="Dispose"/>.
/// </summary>
public sealed unsafe class UdsEndpoint : IDisposable
{
    private const int Slots = 8;
    private readonly byte[] _peers = new byte[Slots * HostInterop.SockaddrUnLength];
    private readonly uint[] _peerLen = new uint[Slots];
    private readonly byte[] _pathC;
    private int _next;

    private UdsEndpoint(string path, int fd, bool readWrite)
    {
        Path = path;
        Fd = fd;
        ReadWrite = readWrite;
        _pathC = HostInterop.CString(path);
    }

    public string Path { get; }
    public int Fd { get; private set; }
    /// <summary>SET is accepted only from the read-write socket (ptp4l's uds_ro_address answers GET only).</summary>
    public bool ReadWrite { get; }

    /// <summary>Binds the socket (set-up; throws <see cref="DaemonStartupException"/> with a clear message).</summary>
    public static UdsEndpoint Open(string path, bool readWrite, uint fileMode)
    {
        Span<byte> addr = stackalloc byte[HostInterop.SockaddrUnLength];
        if (!HostInterop.WriteSockaddrUn(path, addr, out uint len))
            throw new DaemonStartupException($"uds address {path}: the path is empty or longer than {HostInterop.SunPathLength - 1} bytes");
        if (IsInUse(addr, len))
            throw new DaemonStartupException($"uds address {path} is in use by another running daemon (ptp4l or ptp4net); "
                + "stop it or give this one another uds_address / uds_ro_address");
        int fd = HostInterop.Socket(HostInterop.AF_UNIX, HostInterop.SOCK_DGRAM | HostInterop.SOCK_NONBLOCK | HostInterop.SOCK_CLOEXEC, 0);
        if (fd < 0)
            throw new DaemonStartupException($"uds: socket failed: {HostInterop.Describe(HostInterop.LastErrno())}");
        var ep = new UdsEndpoint(path, fd, readWrite);
        fixed (byte* p = ep._pathC)
        fixed (byte* a = addr)
        {
            HostInterop.Unlink(p); // as uds.c: a leftover file from a previous run would make bind fail
            if (HostInterop.Bind(fd, a, len) < 0)
            {
                int e = HostInterop.LastErrno();
                HostInterop.Close(fd);
                throw new DaemonStartupException($"uds: bind {path} failed: {HostInterop.Describe(e)}");
            }
            HostInterop.Chmod(p, fileMode);
        }
        return ep;
    }

    /// <summary>
    /// True when a live socket is bound at the address: a datagram connect() to it succeeds, while a stale file left by
    /// a crashed daemon answers ECONNREFUSED. ptp4l's uds.c simply unlinks the path, silently taking management away
    /// from a daemon that is still running; we refuse instead.
    /// </summary>
    private static bool IsInUse(ReadOnlySpan<byte> addr, uint len)
    {
        int probe = HostInterop.Socket(HostInterop.AF_UNIX, HostInterop.SOCK_DGRAM | HostInterop.SOCK_CLOEXEC, 0);
        if (probe < 0) return false;
        int rc;
        fixed (byte* a = addr) rc = HostInterop.Connect(probe, a, len);
        HostInterop.Close(probe);
        return rc == 0;
    }

    /// <summary>Receives one request into <paramref name="buffer"/>; returns its length (0: nothing) and the sender's slot.</summary>
    public int Receive(Span<byte> buffer, out int slot)
    {
        slot = _next;
        uint alen = HostInterop.SockaddrUnLength;
        nint n;
        fixed (byte* b = buffer)
        fixed (byte* a = &_peers[slot * HostInterop.SockaddrUnLength])
            n = HostInterop.RecvFrom(Fd, b, (nuint)buffer.Length, HostInterop.MSG_DONTWAIT, a, &alen);
        if (n <= 0) return 0;
        if (alen <= 2) return (int)n; // an unbound sender: no address to reply to
        _peerLen[slot] = alen;
        _next = (_next + 1) % Slots;
        return (int)n;
    }

    /// <summary>Sends a reply to the sender remembered in <paramref name="slot"/>; false if it is gone.</summary>
    public bool Reply(int slot, ReadOnlySpan<byte> message)
    {
        if ((uint)slot >= Slots || _peerLen[slot] == 0) return false;
        nint n;
        fixed (byte* b = message)
        fixed (byte* a = &_peers[slot * HostInterop.SockaddrUnLength])
            n = HostInterop.SendTo(Fd, b, (nuint)message.Length, HostInterop.MSG_DONTWAIT, a, _peerLen[slot]);
        return n == message.Length;
    }

    public void Dispose()
    {
        if (Fd < 0) return;
        HostInterop.Close(Fd);
        Fd = -1;
        fixed (byte* p = _pathC) HostInterop.Unlink(p);
    }
}
