using System.Text;

namespace Ptp4Net.Phc.Links;

/// <summary>
/// An interface's administrative and carrier state, read without allocating: SIOCGIFFLAGS on a socket of the
/// calling thread's network namespace (sysfs would show the namespace /sys was mounted in, which is not ours after a
/// plain setns). Up means IFF_UP and IFF_RUNNING (carrier) are both set. Also reads the hardware address
/// (SIOCGIFHWADDR) the same namespace-correct way.
/// </summary>
public sealed unsafe class LinkState : IDisposable
{
    private const short IFF_UP = 0x1;
    private const short IFF_RUNNING = 0x40;
    /// <summary>ifr_hwaddr is a struct sockaddr at @16: sa_family u16, then the address bytes @18.</summary>
    private const int HwAddrOffset = 18;

    private readonly SafeSocketFd _fd;
    private Interop.Libc.IfReq _request;

    /// <summary>Opens the query socket for <paramref name="interfaceName"/> (set-up; throws
    /// <see cref="LinuxException"/> on a name that cannot be an interface name).</summary>
    public LinkState(string interfaceName)
    {
        if (!_request.TrySetName(interfaceName))
            throw new LinuxException($"bad interface name '{interfaceName}'");
        InterfaceName = interfaceName;
        _fd = Interop.Libc.OpenSocket(Interop.Libc.AF_INET, Interop.Libc.SOCK_DGRAM, 0, "interface queries");
    }

    public string InterfaceName { get; }

    /// <summary>True when the interface exists in this network namespace.</summary>
    public static bool Exists(string interfaceName) =>
        Encoding.UTF8.GetByteCount(interfaceName) is > 0 and < Interop.Libc.IFNAMSIZ
        && Interop.Libc.IfNameToIndex(interfaceName) != 0;

    /// <summary>Reads the flags once (set-up and tests); throws <see cref="LinuxException"/> naming the interface when
    /// it does not exist.</summary>
    public static bool IsUp(string interfaceName)
    {
        using var state = new LinkState(interfaceName);
        var e = state.TryReadIsUp(out bool up);
        if (e == Errno.ENODEV)
            throw new LinuxException($"interface {interfaceName} does not exist", e);
        if (e != Errno.None)
            throw new LinuxException($"SIOCGIFFLAGS {interfaceName} failed: {Interop.Describe(e)}", e);
        return up;
    }

    /// <summary>The hot-path read: the errno (ENODEV once the interface has vanished) and, on success, whether the
    /// link is up and running.</summary>
    public Errno TryReadIsUp(out bool up)
    {
        up = false;
        var e = Query(Interop.Libc.SIOCGIFFLAGS);
        if (e != Errno.None)
            return e;
        up = (_request.Flags & IFF_UP) != 0 && (_request.Flags & IFF_RUNNING) != 0;
        return Errno.None;
    }

    /// <summary>The interface's hardware address (SIOCGIFHWADDR) into six bytes; the errno.</summary>
    public Errno TryReadMac(Span<byte> six)
    {
        var e = Query(Interop.Libc.SIOCGIFHWADDR);
        if (e != Errno.None)
            return e;
        fixed (Interop.Libc.IfReq* r = &_request)
            new ReadOnlySpan<byte>((byte*)r + HwAddrOffset, 6).CopyTo(six);
        return Errno.None;
    }

    private Errno Query(uint request)
    {
        // The kernel overwrites the union; the name at @0 stays, so only the union is cleared.
        fixed (Interop.Libc.IfReq* r = &_request)
        {
            new Span<byte>((byte*)r + Interop.Libc.IFNAMSIZ, sizeof(Interop.Libc.IfReq) - Interop.Libc.IFNAMSIZ).Clear();
            return Interop.Libc.Ioctl(_fd, request, r) == 0 ? Errno.None : Interop.LastErrno();
        }
    }

    public void Dispose() => _fd.Dispose();
}
