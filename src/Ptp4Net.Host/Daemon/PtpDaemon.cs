using System.Runtime.InteropServices;
using Ptp4Net.Engine;
using Ptp4Net.Host.Daemon.Interop;
using Ptp4Net.Identity;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Time;
using EngineTxToken = Ptp4Net.Engine.TxToken;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// The ptp4net daemon: one thread runs poll(2) over every port's event and general sockets, the two management
/// sockets and a wake-up eventfd, with the timeout set by the earliest engine timer (bounded to one second for the
/// link check and the emulated clock's ground-truth line). It feeds the sans-IO <see cref="PtpClockEngine"/> and
/// carries out its actions: sends (an event message's TX time stamp is collected for exactly that packet, within
/// tx_timestamp_timeout, and handed back to the engine, or reported lost), timers, clock steering on the
/// <see cref="IPtpClock"/> (never when free_running), log lines in ptp4l's wording and management replies.
/// Steady state allocates nothing per message: buffers, poll set, timer table and log line are preallocated.
/// </summary>
public sealed unsafe partial class PtpDaemon : IDisposable
{
    private const int UdsBase = 1 << 20;
    private const int PeerSlots = 16;
    private const int MaxTxQueue = 64;
    private const long OneSecondNs = 1_000_000_000;

    private readonly DaemonSettings _settings;
    private readonly DaemonLog _log;
    private readonly PtpTransport[] _transports;
    private readonly LinkMonitor[] _links;
    private readonly bool[] _linkUp;
    private readonly PeerAddress[] _peers;
    private readonly int[] _peerNext;
    private readonly IPtpClock _clock;
    private readonly EmulatedClock? _emulated;
    private readonly PtpClockEngine _engine;
    private readonly TimerTable _timers;
    private readonly UdsEndpoint? _udsRw;
    private readonly UdsEndpoint? _udsRo;
    private readonly HostInterop.PollFd[] _poll;
    private readonly byte[] _rx = new byte[2048];
    private readonly EngineTxToken[] _txToken = new EngineTxToken[MaxTxQueue];
    private readonly PtpTimestamp[] _txStamp = new PtpTimestamp[MaxTxQueue];
    private readonly bool[] _txLost = new bool[MaxTxQueue];
    private readonly SummaryStats _stats = new();
    private int _txHead;
    private int _txCount;
    private readonly int _wakeFd;
    private volatile bool _stop;
    private bool _steerWarned;
    private long _nextHousekeeping;
    private readonly long[] _allocatedAtTick = new long[AllocationWindow + 1];
    private int _ticks;
    private const int AllocationWindow = 10;

    /// <summary>Sets up everything (sockets, clock, engine); throws <see cref="DaemonStartupException"/> with a
    /// clear message on a missing interface, a missing permission or a busy port.</summary>
    public PtpDaemon(DaemonSettings settings, DaemonLog log)
    {
        _settings = settings;
        _log = log;
        int n = settings.Interfaces.Count;
        _transports = new PtpTransport[n];
        _links = new LinkMonitor[n];
        _linkUp = new bool[n];
        _peers = new PeerAddress[n * PeerSlots];
        _peerNext = new int[n];
        _wakeFd = HostInterop.EventFd(0, HostInterop.EFD_NONBLOCK | HostInterop.EFD_CLOEXEC);
        try
        {
            for (int i = 0; i < n; i++)
            {
                string name = settings.Interfaces[i];
                if (!Directory.Exists($"/sys/class/net/{name}"))
                    throw new DaemonStartupException($"interface {name} does not exist");
                try
                {
                    _transports[i] = PtpTransport.Open(name, settings.Transports[i], s => _log.Write(DaemonLog.Info, s));
                }
                catch (LinuxException e)
                {
                    throw new DaemonStartupException(Explain($"failed to open the {settings.Transports[i].NetworkTransport} transport on {name}: {e.Message}", e.Errno), e);
                }
                _links[i] = new LinkMonitor(name);
                _linkUp[i] = true;
            }

            (_clock, _emulated) = OpenClock(settings, _transports);
            var identity = ReadClockIdentity(settings.Interfaces[0]);
            var servo = settings.Servo with
            {
                PhcMaxAdjPpb = (int)Math.Min(_clock.MaxFrequencyPpb, int.MaxValue),
                InitialFrequencyPpb = _clock.FrequencyPpb,
            };
            var clockOptions = settings.Clock with { ClockIdentity = identity, Servo = servo };
            _engine = new PtpClockEngine(clockOptions, settings.Ports,
                new SeededRandomSource(identity.Value ^ (ulong)DaemonLog.MonotonicNs()));
            _timers = new TimerTable(n);

            _udsRw = UdsEndpoint.Open(settings.UdsAddress, readWrite: true, fileMode: 0x1B0);
            _udsRo = UdsEndpoint.Open(settings.UdsRoAddress, readWrite: false, fileMode: 0x1B6);

            _poll = new HostInterop.PollFd[1 + 2 * n + 2];
            _poll[0] = new HostInterop.PollFd { Fd = _wakeFd, Events = HostInterop.POLLIN };
            for (int i = 0; i < n; i++)
            {
                _poll[1 + 2 * i] = new HostInterop.PollFd { Fd = _transports[i].EventSocket.Fd, Events = HostInterop.POLLIN };
                _poll[2 + 2 * i] = new HostInterop.PollFd { Fd = _transports[i].GeneralSocket.Fd, Events = HostInterop.POLLIN };
            }
            _poll[^2] = new HostInterop.PollFd { Fd = _udsRw.Fd, Events = HostInterop.POLLIN };
            _poll[^1] = new HostInterop.PollFd { Fd = _udsRo.Fd, Events = HostInterop.POLLIN };
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public PtpClockEngine Engine => _engine;
    /// <summary>Gen-0 collections when the run loop started; the exit line reports those after it (target: none).</summary>
    public int StartupCollections { get; private set; }
    public IPtpClock Clock => _clock;

    /// <summary>Asks the run loop to finish (signal handlers, tests); safe from any thread.</summary>
    public void Stop()
    {
        _stop = true;
        long one = 1;
        if (_wakeFd >= 0) HostInterop.Write(_wakeFd, (byte*)&one, 8);
    }

    /// <summary>Runs until <see cref="Stop"/>. Returns the exit code (0).</summary>
    public int Run()
    {
        long now = DaemonLog.MonotonicNs();
        Dispatch(_engine.Start(now), now);
        _nextHousekeeping = now;
        StartupCollections = GC.CollectionCount(0);
        while (!_stop)
        {
            now = DaemonLog.MonotonicNs();
            // Timers due now, earliest first; bounded so a storm cannot starve the sockets.
            for (int k = 0; k < 64 && _timers.TryTakeDue(now, out int port, out var kind); k++)
                Dispatch(_engine.OnTimer(port, kind, now), now);
            if (now >= _nextHousekeeping)
            {
                Housekeeping(now);
                _nextHousekeeping = now + OneSecondNs;
            }

            long next = Math.Min(_timers.Earliest(), _nextHousekeeping);
            long waitNs = Math.Clamp(next - DaemonLog.MonotonicNs(), 0, OneSecondNs);
            int timeoutMs = (int)((waitNs + 999_999) / 1_000_000);
            int ready;
            fixed (HostInterop.PollFd* p = _poll)
                ready = HostInterop.Poll(p, (nuint)_poll.Length, timeoutMs);
            if (ready < 0)
            {
                int e = HostInterop.LastErrno();
                if (e == HostInterop.EINTR) continue;
                _log.Write(DaemonLog.Err, "poll failed: " + HostInterop.Describe(e));
                return 1;
            }
            if (ready == 0) continue;
            now = DaemonLog.MonotonicNs();
            if (_poll[0].Revents != 0) DrainWake();
            for (int i = 0; i < _transports.Length; i++)
            {
                ServiceSocket(i, PtpChannel.Event, ref _poll[1 + 2 * i], now);
                ServiceSocket(i, PtpChannel.General, ref _poll[2 + 2 * i], now);
            }
            if (_poll[^2].Revents != 0) ServiceUds(_udsRw!, now);
            if (_poll[^1].Revents != 0) ServiceUds(_udsRo!, now);
        }
        return 0;
    }

    // ------------------------------------------------------------------ inputs

    private void ServiceSocket(int port, PtpChannel channel, ref HostInterop.PollFd pfd, long now)
    {
        short rev = pfd.Revents;
        if (rev == 0) return;
        if ((rev & HostInterop.POLLIN) != 0)
        {
            var t = _transports[port];
            for (int k = 0; k < 32; k++)
            {
                var st = t.Receive(channel, _rx, out var msg);
                if (st == TransportStatus.WouldBlock || st == TransportStatus.Error) break;
                if (st != TransportStatus.Ok) continue; // truncated or not PTP: dropped
                MapStamp(msg.Timestamp, out var rxTs);
                int src = RememberPeer(port, msg.Source);
                Dispatch(_engine.OnMessage(port, _rx.AsSpan(0, msg.Length), rxTs, now, src), now);
            }
        }
        // POLLERR stays set while the error queue is non-empty: a TX stamp that came after its timeout (nobody
        // waits for it any more) or a queued ICMP error. Drain it, or poll would return at once forever.
        if ((rev & HostInterop.POLLERR) != 0)
            DrainErrorQueue(pfd.Fd);
    }

    private void ServiceUds(UdsEndpoint ep, long now)
    {
        for (int k = 0; k < 16; k++)
        {
            int len = ep.Receive(_rx, out int slot);
            if (len <= 0) break;
            int address = UdsBase + (ep.ReadWrite ? 0 : PeerSlots) + slot;
            Dispatch(_engine.OnManagement(_rx.AsSpan(0, len), address, ep.ReadWrite, now), now);
        }
    }

    /// <summary>Bytes the run loop's thread allocated over its last 10 housekeeping seconds (−1 before 10 s have
    /// passed). Steady state should be 0: every per-message buffer is preallocated.</summary>
    public long RecentRunLoopAllocations =>
        _ticks <= AllocationWindow ? -1
            : _allocatedAtTick[(_ticks - 1) % (AllocationWindow + 1)] - _allocatedAtTick[_ticks % (AllocationWindow + 1)];

    private void Housekeeping(long now)
    {
        _allocatedAtTick[_ticks % (AllocationWindow + 1)] = GC.GetAllocatedBytesForCurrentThread();
        _ticks++;
        for (int i = 0; i < _links.Length; i++)
        {
            bool up = _links[i].ReadIsUp();
            if (up == _linkUp[i]) continue;
            _linkUp[i] = up;
            // The engine's fault line says "link down"; the way back up is ours to tell (ptp4l: "port 1: link up").
            if (up && _log.Begin(DaemonLog.Notice))
            {
                _log.Append(_engine.GetPortLogName(i)).Append(": link up");
                _log.Commit();
            }
            Dispatch(_engine.OnLinkChanged(i, up, now), now);
        }
        if (_emulated is not null && _log.Begin(DaemonLog.Info))
        {
            _log.Append("emulated clock offset ").Append(_emulated.TrueOffsetFromRealtime());
            _log.Commit();
        }
    }

    // ------------------------------------------------------------------ actions

    /// <summary>Carries out one batch of actions, then feeds back the TX stamps it collected (each of which may
    /// produce another batch, e.g. the Follow_Up of a Sync).</summary>
    private void Dispatch(ReadOnlySpan<EngineAction> actions, long now)
    {
        Execute(actions, now);
        for (int guard = 0; _txCount > 0 && guard < 256; guard++)
        {
            int i = _txHead;
            _txHead = (_txHead + 1) % MaxTxQueue;
            _txCount--;
            var batch = _txLost[i]
                ? _engine.OnTxTimestampLost(_txToken[i], now)
                : _engine.OnTxTimestamp(_txToken[i], _txStamp[i], now);
            Execute(batch, now);
        }
    }

    private void Execute(ReadOnlySpan<EngineAction> actions, long now)
    {
        foreach (ref readonly var a in actions)
        {
            switch (a.Kind)
            {
                case ActionKind.SendEvent:
                    SendEvent(in a);
                    break;
                case ActionKind.SendGeneral:
                    SendGeneral(a.Port, a.Message.Span, a.Destination, a.Address);
                    break;
                case ActionKind.ArmTimer:
                    _timers.Arm(a.Port, a.Timer, now + a.DurationNs);
                    break;
                case ActionKind.CancelTimer:
                    _timers.Cancel(a.Port, a.Timer);
                    break;
                case ActionKind.StepClock:
                    Steer(_settings.FreeRunning ? ClockResult.Ok : _clock.Step(Duration.FromNanoseconds(a.StepNs)));
                    break;
                case ActionKind.SetFrequency:
                    Steer(_settings.FreeRunning ? ClockResult.Ok : _clock.SetFrequencyPpb(a.FrequencyPpb));
                    break;
                case ActionKind.AdjustPhase:
                    Steer(_settings.FreeRunning ? ClockResult.Ok : _clock.AdjustPhase(Duration.FromNanoseconds(a.StepNs)));
                    break;
                case ActionKind.PortStateChanged:
                    WriteEngineLine(DaemonLog.Notice, in a);
                    break;
                case ActionKind.Log:
                    LogEvent(in a);
                    break;
                case ActionKind.ManagementResponse:
                    ManagementResponse(in a);
                    break;
            }
        }
    }

    private void SendEvent(in EngineAction a)
    {
        var t = _transports[a.Port];
        var st = t.SendEvent(a.Message.Span, Destination(a.Destination), Peer(a.Port, a.Destination, a.Address), out var linuxToken);
        if (!a.TxToken.IsValid)
        {
            if (st != TransportStatus.Ok) SendFailed(a.Port, t);
            return;
        }
        if (st != TransportStatus.Ok)
        {
            SendFailed(a.Port, t);
            QueueTx(a.TxToken, default, lost: true);
            return;
        }
        var r = t.CollectTxTimestamp(linuxToken);
        if (r.IsOk && MapStamp(r.Timestamp, out var ts))
        {
            QueueTx(a.TxToken, ts, lost: false);
            return;
        }
        if (_log.IsEnabled(DaemonLog.Debug))
            _log.Write(DaemonLog.Debug, _engine.GetPortLogName(a.Port) + ": " + r.Describe(linuxToken, t.Options.TxTimestampTimeoutMs));
        QueueTx(a.TxToken, default, lost: true);
    }

    private void SendGeneral(int port, ReadOnlySpan<byte> message, SendDestination dest, int address)
    {
        var t = _transports[port];
        if (t.SendGeneral(message, Destination(dest), Peer(port, dest, address)) != TransportStatus.Ok)
            SendFailed(port, t);
    }

    private void ManagementResponse(in EngineAction a)
    {
        int addr = a.Address;
        if (addr >= UdsBase)
        {
            int slot = addr - UdsBase;
            var ep = slot >= PeerSlots ? _udsRo : _udsRw;
            ep?.Reply(slot % PeerSlots, a.Message.Span);
            return;
        }
        // Management over the network: answer the requester if known, else the primary group (as ptp4l).
        int port = a.Port >= 0 && a.Port < _transports.Length ? a.Port : addr >= 0 ? addr / PeerSlots : 0;
        if (port >= _transports.Length) port = 0;
        SendGeneral(port, a.Message.Span, addr >= 0 ? SendDestination.Unicast : SendDestination.PrimaryMulticast, addr);
    }

    private void QueueTx(EngineTxToken token, PtpTimestamp ts, bool lost)
    {
        if (_txCount == MaxTxQueue) return; // never expected: the engine bounds its outstanding tokens too
        int i = (_txHead + _txCount) % MaxTxQueue;
        _txToken[i] = token;
        _txStamp[i] = ts;
        _txLost[i] = lost;
        _txCount++;
    }

    private void SendFailed(int port, PtpTransport t)
    {
        if (_log.Begin(DaemonLog.Err))
        {
            _log.Append(_engine.GetPortLogName(port)).Append(": send failed: ").Append(HostInterop.Describe((int)t.LastErrno));
            _log.Commit();
        }
    }

    private void Steer(ClockResult r)
    {
        if (r.IsOk || _steerWarned) return;
        _steerWarned = true; // once: a read-only clock would otherwise repeat it every Sync
        _log.Write(DaemonLog.Err, "failed to adjust the clock: " + r.Describe(_clock));
    }

    private void LogEvent(in EngineAction a)
    {
        var e = a.Log;
        switch (e.Kind)
        {
            case LogKind.ServoSample:
                ServoLine(a.Port, e);
                break;
            case LogKind.Fault:
                WriteEngineLine(DaemonLog.Err, in a);
                break;
            case LogKind.DelayTimeout:
            case LogKind.ServoReset:
                WriteEngineLine(DaemonLog.Warning, in a);
                break;
            default:
                WriteEngineLine(DaemonLog.Notice, in a);
                break;
        }
    }

    /// <summary>clock.c: "master offset %10lld s%d freq %+7.0f path delay %9lld" per sample, or the statistics line
    /// every 2^(summary_interval − logSyncInterval) samples. Formatted in the reused line buffer.</summary>
    private void ServoLine(int port, in LogEvent e)
    {
        int logSync = port >= 0 && port < _transports.Length ? _engine.GetPortDataSet(port).LogSyncInterval : 0;
        _stats.SetInterval(_settings.SummaryInterval, logSync);
        if (_stats.MaxCount > 1)
        {
            if (!_stats.Add(e.OffsetNs, e.FrequencyPpb, e.PathDelayNs)) return;
            if (_log.Begin(DaemonLog.Info))
            {
                _stats.AppendLine(_log);
                _log.Commit();
            }
            _stats.Reset();
            return;
        }
        if (!_log.Begin(DaemonLog.Info)) return;
        _log.Append("master offset ").AppendPadded(e.OffsetNs, 10).Append(" s").Append((int)e.ServoState)
            .Append(" freq ").AppendFixed0(e.FrequencyPpb, 7, plus: true).Append(" path delay ").AppendPadded(e.PathDelayNs, 9);
        _log.Commit();
    }

    private void WriteEngineLine(int level, in EngineAction a)
    {
        if (!_log.IsEnabled(level)) return;
        var text = LogText.Format(in a, _engine);
        if (text is not null) _log.Write(level, text);
    }

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

    private void DrainWake()
    {
        long v;
        HostInterop.Read(_wakeFd, (byte*)&v, 8);
    }

    private static void DrainErrorQueue(int fd)
    {
        byte* data = stackalloc byte[256];
        byte* control = stackalloc byte[256];
        for (int k = 0; k < 16; k++)
        {
            var iov = new HostInterop.IoVec { Base = data, Length = 256 };
            var msg = new HostInterop.MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = 256 };
            if (HostInterop.RecvMsg(fd, &msg, HostInterop.MSG_ERRQUEUE | HostInterop.MSG_DONTWAIT) < 0) break;
        }
    }

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
    private static ClockIdentity ReadClockIdentity(string iface)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/sys/class/net/{iface}/address").Trim();
        }
        catch (IOException e)
        {
            throw new DaemonStartupException($"cannot read the MAC address of {iface}: {e.Message}", e);
        }
        if (!MacAddress.TryParse(text, out var mac))
            throw new DaemonStartupException($"{iface} has no usable MAC address ('{text}') to derive the clockIdentity from");
        Span<byte> six = stackalloc byte[6];
        mac.Write(six);
        return ClockIdentity.FromMac(six);
    }

    private static string Explain(string message, Errno errno) => errno switch
    {
        Errno.EACCES or Errno.EPERM => message + " (run as root, or grant CAP_NET_BIND_SERVICE and CAP_NET_RAW)",
        Errno.EADDRINUSE => message + " (another PTP daemon is using the PTP ports 319/320)",
        _ => message,
    };

    public void Dispose()
    {
        foreach (var t in _transports) t?.Dispose();
        _udsRw?.Dispose();
        _udsRo?.Dispose();
        (_clock as IDisposable)?.Dispose();
        if (_wakeFd >= 0) HostInterop.Close(_wakeFd);
    }
}
