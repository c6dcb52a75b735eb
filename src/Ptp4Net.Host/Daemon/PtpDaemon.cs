using System.Runtime.InteropServices;
using Ptp4Net.Engine;
using Ptp4Net.Phc.Events;
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
public sealed partial class PtpDaemon : IDisposable
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
    private readonly Poller _poller;
    private readonly byte[] _rx = new byte[2048];
    private readonly EngineTxToken[] _txToken = new EngineTxToken[MaxTxQueue];
    private readonly PtpTimestamp[] _txStamp = new PtpTimestamp[MaxTxQueue];
    private readonly bool[] _txLost = new bool[MaxTxQueue];
    private readonly SummaryStats _stats = new();
    private int _txHead;
    private int _txCount;
    private readonly Waker _waker;
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
        _waker = new Waker();
        try
        {
            for (int i = 0; i < n; i++)
            {
                string name = settings.Interfaces[i];
                if (!LinkMonitor.Exists(name))
                    throw new DaemonStartupException($"interface {name} does not exist");
                _links[i] = new LinkMonitor(name);
                try
                {
                    _transports[i] = PtpTransport.Open(name, settings.Transports[i], s => _log.Write(DaemonLog.Info, s));
                }
                catch (LinuxException e)
                {
                    throw new DaemonStartupException(Explain($"failed to open the {settings.Transports[i].NetworkTransport} transport on {name}: {e.Message}", e.Errno), e);
                }
                _linkUp[i] = true;
            }

            (_clock, _emulated) = OpenClock(settings, _transports);
            var identity = ReadClockIdentity(_links[0]);
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

            // Entry 0 the waker, 1 + 2i / 2 + 2i port i's event / general socket, then the two management sockets.
            _poller = new Poller(1 + 2 * n + 2);
            _poller.Add(_waker.Handle);
            for (int i = 0; i < n; i++)
            {
                _poller.Add(_transports[i].EventSocket);
                _poller.Add(_transports[i].GeneralSocket);
            }
            _poller.Add(_udsRw.Handle);
            _poller.Add(_udsRo.Handle);
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
    /// <summary>A port's transport (tests reach the Linux layer's TX stamp switch through it).</summary>
    internal PtpTransport GetTransport(int port) => _transports[port];

    /// <summary>Asks the run loop to finish (signal handlers, tests); safe from any thread.</summary>
    public void Stop()
    {
        _stop = true;
        _waker.Wake();
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
            var e = _poller.Wait(timeoutMs, out int ready);
            if (e != Errno.None)
            {
                if (e == Errno.EINTR) continue;
                _log.Write(DaemonLog.Err, "poll failed: " + e.Message());
                return 1;
            }
            if (ready == 0) continue;
            now = DaemonLog.MonotonicNs();
            if (_poller.Ready(0) != PollEvents.None) _waker.Drain();
            for (int i = 0; i < _transports.Length; i++)
            {
                ServiceSocket(i, PtpChannel.Event, _poller.Ready(1 + 2 * i), now);
                ServiceSocket(i, PtpChannel.General, _poller.Ready(2 + 2 * i), now);
            }
            if (_poller.Ready(_poller.Count - 2) != PollEvents.None) ServiceUds(_udsRw!, now);
            if (_poller.Ready(_poller.Count - 1) != PollEvents.None) ServiceUds(_udsRo!, now);
        }
        return 0;
    }

    // ------------------------------------------------------------------ inputs

    private void ServiceSocket(int port, PtpChannel channel, PollEvents rev, long now)
    {
        if (rev == PollEvents.None) return;
        if ((rev & PollEvents.Readable) != 0)
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
                // One message per wake-up, as ptp4l: poll is level-triggered, so a second queued datagram wakes
                // the next poll at once, and the common case saves the recvmsg that would only return EAGAIN.
                break;
            }
        }
        // POLLERR stays set while the error queue is non-empty: a TX stamp that came after its timeout (nobody
        // waits for it any more) or a queued ICMP error. Drain it, or poll would return at once forever.
        if ((rev & PollEvents.Error) != 0)
            _transports[port].DrainErrorQueue(channel);
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
            // The engine logs "link down" / "link up" itself (ptp4l's port.c wording).
            Dispatch(_engine.OnLinkChanged(i, up, now), now);
        }
        if (_emulated is not null && _log.Begin(DaemonLog.Info))
        {
            _log.Append("emulated clock offset ").Append(_emulated.TrueOffsetFromRealtime());
            _log.Commit();
        }
    }

    public void Dispose()
    {
        foreach (var t in _transports) t?.Dispose();
        foreach (var l in _links) l?.Dispose();
        _udsRw?.Dispose();
        _udsRo?.Dispose();
        (_clock as IDisposable)?.Dispose();
        _waker.Dispose();
    }
}
