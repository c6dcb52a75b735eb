using Ptp4Net.Phc;
using Ptp4Net.Phc.Links;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// A port's link state, read once a second without allocating through the Linux layer's <see cref="LinkState"/>
/// (SIOCGIFFLAGS in the daemon's own network namespace; up when IFF_UP and IFF_RUNNING are both set). A vanished
/// interface counts as down. The Linux layer has no RTNETLINK link notifications, hence the poll. Also answers the
/// set-up questions "does the interface exist" and "what is its MAC".
/// </summary>
public sealed class LinkMonitor : IDisposable
{
    private readonly LinkState _state;

    public LinkMonitor(string interfaceName)
    {
        InterfaceName = interfaceName;
        try
        {
            _state = new LinkState(interfaceName);
        }
        catch (LinuxException e)
        {
            throw new DaemonStartupException(e.Message, e);
        }
    }

    public string InterfaceName { get; }

    /// <summary>True when the interface exists in this network namespace.</summary>
    public static bool Exists(string interfaceName) => LinkState.Exists(interfaceName);

    public bool ReadIsUp() => _state.TryReadIsUp(out bool up) == Errno.None && up;

    /// <summary>The interface's hardware address (SIOCGIFHWADDR), or false.</summary>
    public bool TryReadMac(Span<byte> six) => _state.TryReadMac(six) == Errno.None;

    public void Dispose() => _state.Dispose();
}
