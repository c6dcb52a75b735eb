using System.Buffers.Binary;
using Ptp4Net.Phc.Providers;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// A port's PTP transport (linuxptp transport_private.h's vtable): two sockets, event (stamped) and general,
/// both poll-able. Per message: send from a span, receive into the caller's buffer, collect the TX stamp of
/// an event message by its token. Nothing here allocates or throws per message; <see cref="Open"/> throws
/// <see cref="LinuxException"/> with a clear message when the set-up fails.
/// </summary>
public abstract class PtpTransport : IPtpTransport
{
    private static int s_nextId;

    private readonly int _id = Interlocked.Increment(ref s_nextId);

    private protected PtpTransport(string interfaceName, int interfaceIndex, TransportOptions options)
    {
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
        Options = options;
    }

    public string InterfaceName { get; }
    public int InterfaceIndex { get; }
    public TransportOptions Options { get; }
    /// <summary>The PHC of the hardware provider in use (hardware modes), else -1.</summary>
    public int PhcIndex { get; private protected set; } = -1;
    /// <summary>The provider set up for hardware stamping (hardware modes), else null.</summary>
    public HardwareTimestampingState? Hardware { get; private protected set; }
    public TimestampSource StampSource => Options.IsHardware ? TimestampSource.Hardware : TimestampSource.Software;

    private protected TimestampingSocket EventSock { get; set; } = null!;
    private protected TimestampingSocket GeneralSock { get; set; } = null!;

    /// <summary>The event socket (add to the poll set with POLLIN).</summary>
    public SafeSocketFd EventSocket => EventSock.Handle;
    /// <summary>The general socket (add to the poll set with POLLIN).</summary>
    public SafeSocketFd GeneralSocket => GeneralSock.Handle;
    /// <summary>The errno of the last failed per-message call.</summary>
    public Errno LastErrno { get; private set; }
    /// <summary>TX stamps found on the error queue under another key and thrown away.</summary>
    public long StaleTxTimestamps => EventSock.StaleTxStamps;

    /// <summary>Opens the transport named by options.NetworkTransport on an interface (set-up; throws).</summary>
    public static PtpTransport Open(string interfaceName, TransportOptions options, Action<string>? log = null)
    {
        options.Validate();
        if (options.TimeStamping == TimeStampingMode.Legacy)
            throw new LinuxException("time_stamping legacy needs SOF_TIMESTAMPING_SYS_HARDWARE (ts[1]), which Linux no longer fills; use time_stamping hardware");
        int ifindex = (int)IfNameToIndex(interfaceName);
        if (ifindex == 0)
            throw new LinuxException($"interface {interfaceName}: {Interop.Describe(Interop.LastErrno())}", Interop.LastErrno());
        return options.NetworkTransport switch
        {
            NetworkTransport.UdpV4 => UdpV4Transport.Create(interfaceName, ifindex, options, log),
            NetworkTransport.UdpV6 => UdpV6Transport.Create(interfaceName, ifindex, options, log),
            _ => L2Transport.Create(interfaceName, ifindex, options, log),
        };
    }

    /// <summary>SOF flags for the event socket, as ptp4l's sk_timestamping_init plus OPT_ID for exact pairing.</summary>
    internal static uint EventFlags(TimeStampingMode mode) => mode == TimeStampingMode.Software
        ? SOF_TX_SOFTWARE | SOF_RX_SOFTWARE | SOF_SOFTWARE | SOF_OPT_ID
        : SOF_TX_HARDWARE | SOF_RX_HARDWARE | SOF_RAW_HARDWARE | SOF_OPT_ID;

    private protected void SetUpTimestamping(Action<string>? log)
    {
        int bind = -1;
        if (Options.IsHardware)
        {
            Hardware = HardwareTimestampingSetup.Configure(EventSock.Handle, InterfaceName, InterfaceIndex, Options, log);
            PhcIndex = Hardware.PhcIndex;
            if (Options.PhcIndex >= 0 && Options.PhcIndex != PhcIndex)
            {
                int[] vclocks = VirtualClocks();
                if (Array.IndexOf(vclocks, Options.PhcIndex) < 0)
                    throw new LinuxException($"{InterfaceName}: phc_index {Options.PhcIndex} is neither the provider's PHC {PhcIndex} nor one of its virtual clocks ({(vclocks.Length == 0 ? "none" : string.Join(", ", vclocks))})");
                bind = Options.PhcIndex;
                log?.Invoke($"{InterfaceName}: hardware stamps converted to virtual clock /dev/ptp{bind} of phc {PhcIndex} (SOF_TIMESTAMPING_BIND_PHC)");
                PhcIndex = bind;
            }
        }
        var e = EventSock.EnableTimestamping(EventFlags(Options.TimeStamping), StampSource, bind);
        Check(e, $"SO_TIMESTAMPING on the event socket of {InterfaceName}{(bind >= 0 ? $" bound to /dev/ptp{bind}" : "")}");
        // POLLPRI while the error queue holds a stamp (as ptp4l), so a stamp wakes the waiter.
        Check(SetInt(EventSock.Handle, SOL_SOCKET, SO_SELECT_ERR_QUEUE, 1), "SO_SELECT_ERR_QUEUE");
    }

    private int[] VirtualClocks()
    {
        try
        {
            using var nl = Netlink.EthtoolNetlink.Open();
            return nl.GetPhcVclocks(InterfaceIndex);
        }
        catch (Netlink.NetlinkException ex)
        {
            throw new LinuxException($"{InterfaceName}: cannot list PHC virtual clocks for phc_index {Options.PhcIndex}: {ex.Message}", ex.Errno);
        }
    }

    /// <summary>Writes the destination socket address for a channel; false when it does not fit this transport.</summary>
    private protected abstract unsafe bool WriteDestination(PtpChannel channel, PtpDestination destination, in PeerAddress unicast, byte* name, out uint nameLen);

    /// <summary>The link-layer header to prepend (L2 only), written into <paramref name="header"/>; 0 for UDP.</summary>
    private protected virtual int WriteLinkHeader(PtpDestination destination, in PeerAddress unicast, Span<byte> header) => 0;

    private protected virtual int ReceivePrefixLength => 0;

    /// <summary>
    /// Sends an event message (Sync, Delay_Req, Pdelay_Req, Pdelay_Resp) and hands back the token for its TX
    /// stamp. Collect it with <see cref="CollectTxTimestamp(in TxToken)"/> before the next event message.
    /// </summary>
    public unsafe TransportStatus SendEvent(ReadOnlySpan<byte> message, PtpDestination destination, in PeerAddress unicast, out TxToken token)
    {
        token = default;
        var st = Send(EventSock, PtpChannel.Event, message, destination, unicast, out uint key);
        if (st != TransportStatus.Ok)
            return st;
        byte mt = message.Length > 0 ? (byte)(message[0] & 0x0F) : (byte)0xFF;
        ushort seq = message.Length >= 32 ? BinaryPrimitives.ReadUInt16BigEndian(message[30..]) : (ushort)0;
        bool expects = !IsOneStep(Options.TimeStamping, mt);
        token = new TxToken(_id, key, mt, seq, expects && EventSock.TxStamping);
        return TransportStatus.Ok;
    }

    /// <summary>Sends a general message (Announce, Follow_Up, Delay_Resp, Pdelay_Resp_Follow_Up, Signaling, Management).</summary>
    public TransportStatus SendGeneral(ReadOnlySpan<byte> message, PtpDestination destination, in PeerAddress unicast) =>
        Send(GeneralSock, PtpChannel.General, message, destination, unicast, out _);

    public TransportStatus SendGeneral(ReadOnlySpan<byte> message, PtpDestination destination) =>
        SendGeneral(message, destination, default);

    public TransportStatus SendEvent(ReadOnlySpan<byte> message, PtpDestination destination, out TxToken token) =>
        SendEvent(message, destination, default, out token);

    private unsafe TransportStatus Send(TimestampingSocket sock, PtpChannel channel, ReadOnlySpan<byte> message,
        PtpDestination destination, in PeerAddress unicast, out uint key)
    {
        key = 0;
        byte* name = stackalloc byte[128];
        if (!WriteDestination(channel, destination, unicast, name, out uint nameLen))
            return TransportStatus.BadDestination;
        Span<byte> header = stackalloc byte[14];
        int hl = WriteLinkHeader(destination, unicast, header);
        var e = sock.Send(header[..hl], message, name, nameLen, out key, out _);
        if (e != Errno.None)
        {
            LastErrno = e;
            return e == Errno.EAGAIN ? TransportStatus.WouldBlock : TransportStatus.Error;
        }
        return TransportStatus.Ok;
    }

    /// <summary>One-step messages carry their own time (IEEE 1588-2019 11.3, 11.4.3): Sync with onestep, also Pdelay_Resp with p2p_onestep.</summary>
    internal static bool IsOneStep(TimeStampingMode mode, byte messageType) =>
        (mode == TimeStampingMode.OneStep && messageType == 0x0)
        || (mode == TimeStampingMode.P2pOneStep && messageType is 0x0 or 0x3);

    /// <summary>Non-blocking receive of one message on a channel into the caller's buffer, with its RX stamp.</summary>
    public TransportStatus Receive(PtpChannel channel, Span<byte> buffer, out ReceivedMessage message)
    {
        var sock = channel == PtpChannel.Event ? EventSock : GeneralSock;
        var st = sock.Receive(buffer, ReceivePrefixLength, out message, out var e, out ushort etherType);
        if (st == TransportStatus.Error)
            LastErrno = e;
        if (st is TransportStatus.Ok or TransportStatus.Truncated && ReceivePrefixLength == 14 && etherType != 0x88F7)
            return TransportStatus.NotPtp;
        return st;
    }

    /// <summary>Waits (bounded) until a channel is readable; for tests and simple loops.</summary>
    public bool WaitReadable(PtpChannel channel, int timeoutMs) =>
        (channel == PtpChannel.Event ? EventSock : GeneralSock).WaitReadable(timeoutMs);

    /// <summary>Drops what is on a channel's error queue (a TX stamp that came after its timeout, a queued ICMP
    /// error): POLLERR stays set while the queue is non-empty. Returns how many entries; allocates nothing.</summary>
    public int DrainErrorQueue(PtpChannel channel) =>
        (channel == PtpChannel.Event ? EventSock : GeneralSock).DrainErrorQueue();

    /// <summary>Collects the TX stamp of exactly the packet behind <paramref name="token"/>, waiting up to tx_timestamp_timeout.</summary>
    public TxTimestampResult CollectTxTimestamp(in TxToken token) => CollectTxTimestamp(token, Options.TxTimestampTimeoutMs);

    /// <summary>As <see cref="CollectTxTimestamp(in TxToken)"/> with an explicit timeout in ms.</summary>
    public TxTimestampResult CollectTxTimestamp(in TxToken token, int timeoutMs)
    {
        if (token.TransportId != _id)
            return new TxTimestampResult(TxTimestampStatus.AlreadyCollected, default, Errno.None, 0);
        if (!EventSock.TryTakePending(token.Key, out int slot))
            return new TxTimestampResult(TxTimestampStatus.AlreadyCollected, default, Errno.None, 0);
        if (!token.ExpectsStamp)
            return new TxTimestampResult(TxTimestampStatus.NotExpected, default, Errno.None, 0);
        var r = EventSock.CollectTx(slot, token.Key, token.MessageType, token.SequenceId, timeoutMs);
        if (r.Status == TxTimestampStatus.Error)
            LastErrno = r.Errno;
        return r;
    }

    /// <summary>Test access to the event socket's key bookkeeping.</summary>
    internal TimestampingSocket EventSocketForTest => EventSock;

    /// <summary>Test hook: turn TX stamp generation off on the event socket while keeping OPT_ID bookkeeping.</summary>
    internal Errno DisableTxStampGenerationForTest() =>
        SetInt(EventSock.Handle, SOL_SOCKET, SO_TIMESTAMPING,
            (int)(EventFlags(Options.TimeStamping) & ~(SOF_TX_SOFTWARE | SOF_TX_HARDWARE)));

    public void Dispose()
    {
        EventSock?.Dispose();
        GeneralSock?.Dispose();
        GC.SuppressFinalize(this);
    }
}
