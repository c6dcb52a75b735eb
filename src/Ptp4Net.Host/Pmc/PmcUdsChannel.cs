using Ptp4Net.Host.Daemon.Interop;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc's local transport (linuxptp uds.c): an AF_UNIX datagram socket bound at the client's own path (so the daemon
/// can reply) that sends to the server's path. Reuses the daemon's libc interop (<see cref="HostInterop"/>). The
/// client's socket file is removed on <see cref="Dispose"/>.
/// </summary>
public sealed unsafe class PmcUdsChannel : IPmcChannel
{
    private readonly byte[] _server;
    private readonly uint _serverLength;
    private readonly byte[] _localPathC;
    private int _fd;

    private PmcUdsChannel(int fd, byte[] localPathC, byte[] server, uint serverLength)
    {
        _fd = fd;
        _localPathC = localPathC;
        _server = server;
        _serverLength = serverLength;
    }

    public string? LocalPath { get; private init; }

    /// <summary>Binds <paramref name="localPath"/> (removing a stale file there first, as pmc does) and aims at
    /// <paramref name="serverPath"/>. Throws <see cref="IOException"/> with the reason on failure (set-up).</summary>
    public static PmcUdsChannel Open(string localPath, string serverPath)
    {
        var server = new byte[HostInterop.SockaddrUnLength];
        if (!HostInterop.WriteSockaddrUn(serverPath, server, out uint serverLength))
            throw new IOException($"server path {serverPath}: empty or longer than {HostInterop.SunPathLength - 1} bytes");
        Span<byte> local = stackalloc byte[HostInterop.SockaddrUnLength];
        if (!HostInterop.WriteSockaddrUn(localPath, local, out uint localLength))
            throw new IOException($"local path {localPath}: empty or longer than {HostInterop.SunPathLength - 1} bytes");
        int fd = HostInterop.Socket(HostInterop.AF_UNIX, HostInterop.SOCK_DGRAM | HostInterop.SOCK_CLOEXEC, 0);
        if (fd < 0)
            throw new IOException($"uds: socket failed: {HostInterop.Describe(HostInterop.LastErrno())}");
        var pathC = HostInterop.CString(localPath);
        fixed (byte* p = pathC)
        fixed (byte* a = local)
        {
            HostInterop.Unlink(p);
            if (HostInterop.Bind(fd, a, localLength) < 0)
            {
                int e = HostInterop.LastErrno();
                HostInterop.Close(fd);
                throw new IOException($"uds: bind {localPath} failed: {HostInterop.Describe(e)}");
            }
        }
        return new PmcUdsChannel(fd, pathC, server, serverLength) { LocalPath = localPath };
    }

    public bool Send(ReadOnlySpan<byte> message, out string? error)
    {
        nint n;
        fixed (byte* b = message)
        fixed (byte* a = _server)
            n = HostInterop.SendTo(_fd, b, (nuint)message.Length, 0, a, _serverLength);
        error = n == message.Length ? null : $"uds: sendto failed: {HostInterop.Describe(HostInterop.LastErrno())}";
        return error is null;
    }

    public int Receive(Span<byte> buffer, int timeoutMs)
    {
        var pfd = new HostInterop.PollFd { Fd = _fd, Events = HostInterop.POLLIN };
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int left = (int)Math.Max(0, deadline - Environment.TickCount64);
            int r = HostInterop.Poll(&pfd, 1, left);
            if (r < 0 && HostInterop.LastErrno() == HostInterop.EINTR) continue;
            if (r <= 0) return 0;
            nint n;
            fixed (byte* b = buffer)
                n = HostInterop.RecvFrom(_fd, b, (nuint)buffer.Length, HostInterop.MSG_DONTWAIT, null, null);
            if (n > 0) return (int)n;
            if (left == 0) return 0;
        }
    }

    public void Dispose()
    {
        if (_fd < 0) return;
        HostInterop.Close(_fd);
        _fd = -1;
        fixed (byte* p = _localPathC) HostInterop.Unlink(p);
    }
}
