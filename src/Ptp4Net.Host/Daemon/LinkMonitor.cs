using Ptp4Net.Host.Daemon.Interop;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// A port's link state from /sys/class/net/IFACE/operstate, read once a second without allocating (the Linux layer
/// has no RTNETLINK link notifications). "up" and "unknown" (loopback, some drivers) count as up; everything else
/// ("down", "lowerlayerdown", "dormant", "notpresent") and a vanished interface count as down.
/// </summary>
public sealed unsafe class LinkMonitor
{
    private readonly byte[] _path;

    public LinkMonitor(string interfaceName) => _path = HostInterop.CString($"/sys/class/net/{interfaceName}/operstate");

    public bool ReadIsUp()
    {
        byte* buf = stackalloc byte[32];
        int fd;
        fixed (byte* p = _path) fd = HostInterop.Open(p, HostInterop.O_RDONLY | HostInterop.O_CLOEXEC);
        if (fd < 0) return false;
        nint n = HostInterop.Read(fd, buf, 32);
        HostInterop.Close(fd);
        if (n <= 0) return false;
        var text = new ReadOnlySpan<byte>(buf, (int)n).TrimEnd((byte)'\n');
        return text.SequenceEqual("up"u8) || text.SequenceEqual("unknown"u8);
    }
}
