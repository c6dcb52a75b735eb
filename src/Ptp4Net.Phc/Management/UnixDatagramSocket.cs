using System.Text;

namespace Ptp4Net.Phc.Management;

/// <summary>
/// An AF_UNIX datagram socket, the management transport of ptp4l, pmc and phc2sys (linuxptp uds.c) and the
/// syslog socket: bound at a path (with a file mode) or unbound, sends to and receives from addresses given as
/// encoded struct sockaddr_un bytes (<see cref="TryEncodeAddress"/>), so the per-message calls allocate nothing and
/// return the errno. The socket file it bound is removed on <see cref="Dispose"/>. Set-up failures throw
/// <see cref="LinuxException"/>.
/// </summary>
public sealed unsafe class UnixDatagramSocket : IDisposable
{
    /// <summary>sizeof(struct sockaddr_un): u16 sun_family @0, char sun_path[108] @2.</summary>
    public const int AddressSize = 110;
    /// <summary>The longest path in bytes (UTF-8) that fits sun_path with its terminating NUL.</summary>
    public const int MaxPathBytes = 107;
    private const int PathOffset = 2;

    private readonly SafeSocketFd _fd;

    private UnixDatagramSocket(SafeSocketFd fd, string? path)
    {
        _fd = fd;
        Path = path;
    }

    /// <summary>The path this socket is bound at (null when unbound).</summary>
    public string? Path { get; }

    /// <summary>The descriptor, for a <see cref="Events.Poller"/>.</summary>
    public SafeSocketFd Handle => _fd;

    /// <summary>
    /// Binds a new socket at <paramref name="path"/>. A stale file there is removed first (as uds.c: a leftover from
    /// a previous run would make bind fail), but a path a live socket still serves is refused with EADDRINUSE: uds.c
    /// would silently take it over. With <paramref name="fileMode"/> the socket file gets that mode (chmod).
    /// </summary>
    public static UnixDatagramSocket Bind(string path, uint? fileMode = null, bool nonBlocking = true)
    {
        Span<byte> addr = stackalloc byte[AddressSize];
        if (!TryEncodeAddress(path, addr, out int len))
            throw new LinuxException($"{path}: the path is empty or longer than {MaxPathBytes} bytes");
        if (IsServed(path))
            throw new LinuxException($"{path} is in use by a running process", Errno.EADDRINUSE);
        var fd = OpenSocket(nonBlocking);
        int rc;
        Interop.Libc.Unlink(path);
        fixed (byte* a = addr)
            rc = Interop.Libc.Bind(fd, a, (uint)len);
        if (rc < 0)
        {
            var e = Interop.LastErrno();
            fd.Dispose();
            throw new LinuxException($"bind {path} failed: {e.Message()}", e);
        }
        if (fileMode is uint mode && Interop.Libc.Chmod(path, mode) < 0)
        {
            var e = Interop.LastErrno();
            fd.Dispose();
            Interop.Libc.Unlink(path);
            throw new LinuxException($"chmod {path} failed: {e.Message()}", e);
        }
        return new UnixDatagramSocket(fd, path);
    }

    /// <summary>A socket bound nowhere (it can send, e.g. to /dev/log, but nobody can answer it).</summary>
    public static UnixDatagramSocket CreateUnbound(bool nonBlocking = true) => new(OpenSocket(nonBlocking), null);

    /// <summary>
    /// True when a live socket is bound at <paramref name="path"/>: a datagram connect() to it succeeds, while a
    /// stale file left by a crashed process answers ECONNREFUSED and a missing one ENOENT.
    /// </summary>
    public static bool IsServed(string path)
    {
        Span<byte> addr = stackalloc byte[AddressSize];
        if (!TryEncodeAddress(path, addr, out int len))
            return false;
        int raw = Interop.Libc.Socket(Interop.Libc.AF_UNIX, Interop.Libc.SOCK_DGRAM | Interop.Libc.SOCK_CLOEXEC, 0);
        if (raw < 0)
            return false;
        using var probe = new SafeSocketFd();
        probe.SetFd(raw);
        fixed (byte* a = addr)
            return Interop.Libc.Connect(probe, a, (uint)len) == 0;
    }

    /// <summary>Writes struct sockaddr_un for <paramref name="path"/> into <paramref name="address"/>
    /// (<see cref="AddressSize"/> bytes); false when the path is empty or does not fit.</summary>
    public static bool TryEncodeAddress(string path, Span<byte> address, out int length)
    {
        length = 0;
        if (address.Length < AddressSize)
            return false;
        int n = Encoding.UTF8.GetByteCount(path);
        if (n == 0 || n > MaxPathBytes)
            return false;
        address[..AddressSize].Clear();
        address[0] = Interop.Libc.AF_UNIX; // sun_family, little-endian u16
        Encoding.UTF8.GetBytes(path, address.Slice(PathOffset, n));
        length = PathOffset + n + 1;
        return true;
    }

    /// <summary>The encoded address of <paramref name="path"/> (set-up; throws when it does not fit).</summary>
    public static byte[] EncodeAddress(string path)
    {
        var a = new byte[AddressSize];
        if (!TryEncodeAddress(path, a, out int len))
            throw new LinuxException($"{path}: the path is empty or longer than {MaxPathBytes} bytes");
        return a.AsSpan(0, len).ToArray();
    }

    /// <summary>Sends one datagram to an encoded address; <paramref name="sent"/> is its length on success.</summary>
    public Errno SendTo(ReadOnlySpan<byte> message, ReadOnlySpan<byte> address, out int sent)
    {
        nint n;
        fixed (byte* b = message)
        fixed (byte* a = address)
            n = Interop.Libc.SendTo(_fd, b, (nuint)message.Length, 0, a, (uint)address.Length);
        if (n < 0)
        {
            sent = 0;
            return Interop.LastErrno();
        }
        sent = (int)n;
        return Errno.None;
    }

    /// <summary>
    /// Receives one datagram without blocking (EAGAIN when there is none). The sender's encoded address is written
    /// to <paramref name="address"/> (give <see cref="AddressSize"/> bytes); <paramref name="addressLength"/> is 2 or
    /// less for an unbound sender, which cannot be answered.
    /// </summary>
    public Errno ReceiveFrom(Span<byte> buffer, Span<byte> address, out int received, out int addressLength)
    {
        uint alen = (uint)address.Length;
        nint n;
        fixed (byte* b = buffer)
        fixed (byte* a = address)
            n = Interop.Libc.RecvFrom(_fd, b, (nuint)buffer.Length, Interop.Libc.MSG_DONTWAIT, a, &alen);
        if (n < 0)
        {
            received = 0;
            addressLength = 0;
            return Interop.LastErrno();
        }
        received = (int)n;
        addressLength = (int)Math.Min(alen, (uint)address.Length);
        return Errno.None;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a non-empty datagram and receives it; EAGAIN when none
    /// came before the deadline.</summary>
    public Errno Receive(Span<byte> buffer, int timeoutMs, out int received)
    {
        received = 0;
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int left = (int)Math.Max(0, deadline - Environment.TickCount64);
            if (!Events.Poller.WaitReadable(_fd, left))
                return Errno.EAGAIN;
            nint n;
            fixed (byte* b = buffer)
                n = Interop.Libc.RecvFrom(_fd, b, (nuint)buffer.Length, Interop.Libc.MSG_DONTWAIT, null, null);
            if (n > 0)
            {
                received = (int)n;
                return Errno.None;
            }
            if (n < 0 && Interop.LastErrno() is var e && e != Errno.EAGAIN && e != Errno.EINTR)
                return e;
            if (left == 0)
                return Errno.EAGAIN;
        }
    }

    /// <summary>Closes the socket and removes the file it was bound at.</summary>
    public void Dispose()
    {
        if (_fd.IsClosed)
            return;
        _fd.Dispose();
        if (Path is not null)
            Interop.Libc.Unlink(Path);
    }

    private static SafeSocketFd OpenSocket(bool nonBlocking) =>
        Interop.Libc.OpenSocket(Interop.Libc.AF_UNIX,
            Interop.Libc.SOCK_DGRAM | (nonBlocking ? Interop.Libc.SOCK_NONBLOCK : 0), 0, "a Unix datagram socket");
}
