using System.Runtime.InteropServices;
using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Time;
using EngineTxToken = Ptp4Net.Engine.TxToken;

namespace Ptp4Net.Host.Daemon;

// Time stamp mapping, peer address ids, error-queue drain, and the set-up of the clock and the clock identity.
public sealed partial class PtpDaemon
{
    // ------------------------------------------------------------------ helpers

    private bool MapStamp(PacketTimestamp stamp, out PtpTimestamp ts)
    {
        ts = default;
        if (!stamp.IsPresent) return false;
        long ns = stamp.Nanoseconds;
        if (stamp.Source == TimestampSource.Software && !_clock.TryMapSoftwareTimestamp(ns, out ns))
            return false;
        return PtpTimestamp.TryFromNanoseconds(ns, out ts);
    }

    private int RememberPeer(int port, in PeerAddress source)
    {
        if (source.Kind == PeerAddressKind.None) return -1;
        int b = port * PeerSlots;
        for (int i = 0; i < PeerSlots; i++)
            if (_peers[b + i] == source) return b + i;
        int slot = _peerNext[port];
        _peerNext[port] = (slot + 1) % PeerSlots;
        _peers[b + slot] = source;
        return b + slot;
    }

    private PeerAddress Peer(int port, SendDestination dest, int address) =>
        dest == SendDestination.Unicast && address >= port * PeerSlots && address < (port + 1) * PeerSlots
            ? _peers[address] : default;

    private static PtpDestination Destination(SendDestination d) => d switch
    {
        SendDestination.PeerDelayMulticast => PtpDestination.PeerDelay,
        SendDestination.Unicast => PtpDestination.Unicast,
        _ => PtpDestination.Primary,
    };

    private static (IPtpClock, EmulatedClock?) OpenClock(DaemonSettings s, PtpTransport[] transports)
    {
        if (s.Emulated.EmulatedClock)
        {
            var emu = new EmulatedClock(SystemTimeSource.Instance, s.Emulated);
            return (emu, emu);
        }
        if (s.IsSoftwareTimestamping)
            return (s.FreeRunning ? SystemRealtimeClock.ReadOnly() : SystemRealtimeClock.OpenForSteering(), null);
        int index = s.PhcIndex >= 0 ? s.PhcIndex : transports[0].PhcIndex;
        if (index < 0)
            throw new DaemonStartupException($"no PHC for {transports[0].InterfaceName}: use time_stamping software (-S), or -p /dev/ptpN");
        try
        {
            var phc = PhcClock.Open(index);
            if (!s.FreeRunning) phc.RequireSteerable();
            return (phc, null);
        }
        catch (LinuxException e)
        {
            throw new DaemonStartupException(Explain($"cannot use /dev/ptp{index}: {e.Message}", e.Errno), e);
        }
    }

    /// <summary>clockIdentity from the first interface's MAC (EUI-48 to EUI-64, as ptp4l's generate_clock_identity).</summary>
    private static ClockIdentity ReadClockIdentity(LinkMonitor link)
    {
        Span<byte> six = stackalloc byte[6];
        if (!link.TryReadMac(six))
            throw new DaemonStartupException($"cannot read the MAC address of {link.InterfaceName} to derive the clockIdentity from");
        return ClockIdentity.FromMac(six);
    }

    private static string Explain(string message, Errno errno) => errno switch
    {
        Errno.EACCES or Errno.EPERM => message + " (run as root, or grant CAP_NET_BIND_SERVICE and CAP_NET_RAW)",
        Errno.EADDRINUSE => message + " (another PTP daemon is using the PTP ports 319/320)",
        _ => message,
    };
}
