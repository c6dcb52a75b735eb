using Ptp4Net.Host.Daemon.Interop;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// A port's link state, read once a second without allocating: SIOCGIFFLAGS on a socket of the daemon's own network
/// namespace (sysfs would show the namespace /sys was mounted in, which is not ours after a plain setns), up when
/// IFF_UP and IFF_RUNNING (carrier) are both set. A vanished interface counts as down. The Linux layer has no
/// RTNETLINK link notifications, hence the poll. Also answers the set-up questions "does the interface exist" and
/// "what is its MAC" in the same namespace-correct way.
/// </summary>
public sealed unsafe class LinkMonitor : IDisposable
{
    private readonly byte[] _ifreq = new byte[HostInterop.IfReqLength];
    private int _fd;

    public LinkMonitor(string interfaceName)
    {
        InterfaceName = interfaceName;
        int n = System.Text.Encoding.UTF8.GetByteCount(interfaceName);
        if (n == 0 || n >= 16) throw new DaemonStartupException($"bad interface name '{interfaceName}'");
        _fd = HostInterop.Socket(HostInterop.AF_INET, HostInterop.SOCK_DGRAM | HostInterop.SOCK_CLOEXEC, 0);
        if (_fd < 0) throw new DaemonStartupException("socket for interface queries failed: " + HostInterop.Describe(HostInterop.LastErrno()));
    }

    public string InterfaceName { get; }

    /// <summary>True when the interface exists in this network namespace.</summary>
    public static bool Exists(string interfaceName)
    {
        var name = HostInterop.CString(interfaceName);
        fixed (byte* p = name) return HostInterop.IfNameToIndex(p) != 0;
    }

    public bool ReadIsUp()
    {
        if (!Query(HostInterop.SIOCGIFFLAGS)) return false;
        short flags = (short)(_ifreq[16] | _ifreq[17] << 8);
        return (flags & HostInterop.IFF_UP) != 0 && (flags & HostInterop.IFF_RUNNING) != 0;
    }

    /// <summary>The interface's hardware address (SIOCGIFHWADDR), or false.</summary>
    public bool TryReadMac(Span<byte> six)
    {
        if (!Query(HostInterop.SIOCGIFHWADDR)) return false;
        _ifreq.AsSpan(18, 6).CopyTo(six);
        return true;
    }

    private bool Query(ulong request)
    {
        if (_fd < 0) return false;
        _ifreq.AsSpan().Clear();
        System.Text.Encoding.UTF8.GetBytes(InterfaceName, _ifreq);
        fixed (byte* p = _ifreq) return HostInterop.Ioctl(_fd, request, p) == 0;
    }

    public void Dispose()
    {
        if (_fd >= 0) HostInterop.Close(_fd);
        _fd = -1;
    }
}
