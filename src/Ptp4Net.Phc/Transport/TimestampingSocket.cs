using System.Buffers.Binary;
using System.Runtime.InteropServices;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// One socket with preallocated native buffers for sendmsg/recvmsg (dotnet/runtime's Unix socket engine
/// idea): no allocation per message. Reads SCM_TIMESTAMPING, collects TX stamps from the error queue by
/// their OPT_ID key (ee_data), never by order. Not thread-safe: one event loop owns it.
/// </summary>
internal sealed unsafe class TimestampingSocket : IDisposable
{
    // Native block layout (8-byte aligned slots).
    private const int RxMsg = 0, RxIov = 64, RxName = 96, RxControl = 224, ControlSize = 512;
    private const int RxPrefix = 736, PrefixSize = 64;
    private const int ErrPayload = 800, ErrPayloadSize = 256;
    private const int TxMsg = 1056, TxIov = 1120, TxControl = 1152, TxControlSize = 64;
    private const int BlockSize = 1216;
    private const int NameSize = 128;

    private readonly byte* _block;
    private bool _cmsgKeys;
    private uint _nextKey;
    private bool _disposed;

    // Keys of sent packets whose stamps are not yet collected, and stamps read early for them (by key,
    // so collection order does not matter). Fixed size: no allocation per message.
    private const int MaxPending = 16;
    private readonly uint[] _pendingKey = new uint[MaxPending];
    private readonly bool[] _pendingUsed = new bool[MaxPending];
    private readonly bool[] _stashed = new bool[MaxPending];
    private readonly TxTimestampResult[] _stash = new TxTimestampResult[MaxPending];
    private int _pendingNext;

    public TimestampingSocket(SafeSocketFd fd)
    {
        Handle = fd;
        _block = (byte*)NativeMemory.AlignedAlloc(BlockSize, 16);
        NativeMemory.Clear(_block, BlockSize);
        _cmsgKeys = KernelVersion.AtLeast(6, 13);
    }

    public SafeSocketFd Handle { get; }

    /// <summary>
    /// True: each packet's OPT_ID key is set with SCM_TS_OPT_ID (6.13+). False: the kernel's per-socket counter
    /// is predicted, and the looped payload re-synchronises the prediction when they drift. Tests set it.
    /// </summary>
    internal bool ExplicitKeys
    {
        get => _cmsgKeys;
        set => _cmsgKeys = value;
    }

    /// <summary>Times the predicted key had drifted from the kernel's counter and was re-synchronised.</summary>
    public long KeyResyncs { get; private set; }
    /// <summary>TX time stamps are requested on this socket (SO_TIMESTAMPING with TX_* and OPT_ID).</summary>
    public bool TxStamping { get; private set; }
    public TimestampSource Source { get; private set; }
    /// <summary>Counts error-queue entries thrown away because their key was not the one waited for.</summary>
    public long StaleTxStamps { get; private set; }

    /// <summary>SO_TIMESTAMPING with these SOF flags; OPT_ID restarts the kernel's key counter at 0.</summary>
    public Errno EnableTimestamping(uint flags, TimestampSource source, int bindPhc = -1)
    {
        // With BIND_PHC the argument is struct so_timestamping {int flags; int bind_phc} (net_tstamp.h).
        var e = bindPhc < 0
            ? SetInt(Handle, SOL_SOCKET, SO_TIMESTAMPING, (int)flags)
            : SetStruct(Handle, SOL_SOCKET, SO_TIMESTAMPING, new SoTimestamping { Flags = (int)(flags | SOF_BIND_PHC), BindPhc = bindPhc });
        if (e == Errno.None)
        {
            TxStamping = (flags & (SOF_TX_HARDWARE | SOF_TX_SOFTWARE)) != 0 && (flags & SOF_OPT_ID) != 0;
            Source = source;
            _nextKey = 0;
        }
        return e;
    }

    /// <summary>
    /// Sends prefix+payload to the address at <paramref name="name"/>. With TX stamping the packet's OPT_ID key
    /// is returned: set explicitly with SCM_TS_OPT_ID on 6.13+, else the kernel's per-socket counter.
    /// </summary>
    public Errno Send(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> payload, void* name, uint nameLen, out uint key, out int sent)
    {
        key = 0;
        sent = 0;
        var msg = (MsgHdr*)(_block + TxMsg);
        var iov = (IoVec*)(_block + TxIov);
        fixed (byte* pp = prefix)
        fixed (byte* pl = payload)
        {
            int n = 0;
            if (prefix.Length > 0)
            {
                iov[n].Base = pp;
                iov[n].Length = (ulong)prefix.Length;
                n++;
            }
            iov[n].Base = pl;
            iov[n].Length = (ulong)payload.Length;
            n++;
            msg->Name = name;
            msg->NameLen = nameLen;
            msg->Iov = iov;
            msg->IovLen = (ulong)n;
            msg->Flags = 0;
            bool withKey = TxStamping && _cmsgKeys;
            if (withKey)
            {
                var c = (CmsgHdr*)(_block + TxControl);
                c->Len = (ulong)CmsgLen(sizeof(uint));
                c->Level = SOL_SOCKET;
                c->Type = SCM_TS_OPT_ID;
                *(uint*)(c + 1) = _nextKey;
                msg->Control = c;
                msg->ControlLen = (ulong)CmsgSpace(sizeof(uint));
            }
            else
            {
                msg->Control = null;
                msg->ControlLen = 0;
            }
            nint r = SendMsg(Handle, msg, 0);
            if (r < 0)
                return LastErrno();
            sent = (int)r;
            if (TxStamping)
            {
                key = _nextKey++;
                // The oldest pending entry is overwritten when 16 are outstanding: its stamp becomes stale.
                _pendingKey[_pendingNext] = key;
                _pendingUsed[_pendingNext] = true;
                _stashed[_pendingNext] = false;
                _pendingNext = (_pendingNext + 1) % MaxPending;
            }
            return Errno.None;
        }
    }

    /// <summary>
    /// Non-blocking receive: an optional prefix (L2 header) into scratch, the rest into the caller's buffer.
    /// </summary>
    public TransportStatus Receive(Span<byte> buffer, int prefixLength, out ReceivedMessage message, out Errno errno, out ushort etherType)
    {
        message = default;
        errno = Errno.None;
        etherType = 0;
        var msg = (MsgHdr*)(_block + RxMsg);
        var iov = (IoVec*)(_block + RxIov);
        fixed (byte* pb = buffer)
        {
            int n = 0;
            if (prefixLength > 0)
            {
                iov[n].Base = _block + RxPrefix;
                iov[n].Length = (ulong)prefixLength;
                n++;
            }
            iov[n].Base = pb;
            iov[n].Length = (ulong)buffer.Length;
            n++;
            msg->Name = _block + RxName;
            msg->NameLen = NameSize;
            msg->Iov = iov;
            msg->IovLen = (ulong)n;
            msg->Control = _block + RxControl;
            msg->ControlLen = ControlSize;
            msg->Flags = 0;
            nint r = RecvMsg(Handle, msg, MSG_DONTWAIT | MSG_TRUNC);
            if (r < 0)
            {
                errno = LastErrno();
                return errno == Errno.EAGAIN ? TransportStatus.WouldBlock : TransportStatus.Error;
            }
            int total = (int)r - prefixLength;
            if (total < 0)
                return TransportStatus.NotPtp;
            if (prefixLength >= 14)
                etherType = BinaryPrimitives.ReadUInt16BigEndian(new ReadOnlySpan<byte>(_block + RxPrefix + 12, 2));
            ParseControl(msg, out var sts, out _);
            var ts = Pick(sts, Source);
            bool truncated = (msg->Flags & MSG_TRUNC) != 0 || total > buffer.Length;
            message = new ReceivedMessage(Math.Min(total, buffer.Length), ts, ParseName(_block + RxName, msg->NameLen), truncated);
            return truncated ? TransportStatus.Truncated : TransportStatus.Ok;
        }
    }

    /// <summary>
    /// Reads the error queue until the entry with <paramref name="key"/> arrives or the time is up. Entries with
    /// other keys are stale (their waiter gave up) and are dropped and counted. Bounded in time and count.
    /// </summary>
    /// <summary>Takes a key off the pending list; false when it was never sent or already collected.</summary>
    public bool TryTakePending(uint key, out int slot)
    {
        for (slot = 0; slot < MaxPending; slot++)
        {
            if (_pendingUsed[slot] && _pendingKey[slot] == key)
            {
                _pendingUsed[slot] = false;
                return true;
            }
        }
        slot = -1;
        return false;
    }

    private int PendingSlot(uint key)
    {
        for (int i = 0; i < MaxPending; i++)
            if (_pendingUsed[i] && _pendingKey[i] == key)
                return i;
        return -1;
    }

    /// <summary>
    /// Collects the stamp for a key already taken with <see cref="TryTakePending"/> (slot from there).
    /// </summary>
    public TxTimestampResult CollectTx(int slot, uint key, byte messageType, ushort sequenceId, int timeoutMs)
    {
        if (slot >= 0 && _stashed[slot])
        {
            _stashed[slot] = false;
            return _stash[slot];
        }
        long deadline = MonotonicNanoseconds() + (long)timeoutMs * 1_000_000;
        int stale = 0;
        var msg = (MsgHdr*)(_block + RxMsg);
        var iov = (IoVec*)(_block + RxIov);
        for (int guard = 0; guard < 4096; guard++)
        {
            iov[0].Base = _block + ErrPayload;
            iov[0].Length = ErrPayloadSize;
            msg->Name = _block + RxName;
            msg->NameLen = NameSize;
            msg->Iov = iov;
            msg->IovLen = 1;
            msg->Control = _block + RxControl;
            msg->ControlLen = ControlSize;
            msg->Flags = 0;
            nint r = RecvMsg(Handle, msg, MSG_ERRQUEUE | MSG_DONTWAIT);
            if (r >= 0)
            {
                ParseControl(msg, out var sts, out var err);
                if (err.Origin != SO_EE_ORIGIN_TIMESTAMPING || err.Errno != (uint)Errno.ENOMSG)
                    continue; // an ICMP error or similar sharing the queue
                var ts = Pick(sts, Source);
                if (!ts.IsPresent)
                    continue; // e.g. a software stamp while we wait for the hardware one
                int len = (int)Math.Min(r, ErrPayloadSize);
                bool havePayload = TryFindPtpHeader(new ReadOnlySpan<byte>(_block + ErrPayload, len), out var mt, out var seq);
                bool ours = havePayload && mt == messageType && seq == sequenceId;
                if (err.Data != key)
                {
                    int other = PendingSlot(err.Data);
                    if (other >= 0)
                    {
                        // Another pending packet's stamp: keep it for its own collector.
                        _stash[other] = new TxTimestampResult(TxTimestampStatus.Ok, ts, Errno.None, 0);
                        _stashed[other] = true;
                    }
                    else if (!_cmsgKeys && ours)
                    {
                        // Predicted keys drifted from the kernel's counter (it counted a send we did not):
                        // the payload names our packet; adopt the kernel's numbering from here on.
                        Resync(err.Data - key);
                        return new TxTimestampResult(TxTimestampStatus.Ok, ts, Errno.None, stale);
                    }
                    else
                    {
                        stale++;
                        StaleTxStamps++;
                    }
                    continue;
                }
                if (havePayload && !ours)
                {
                    if (_cmsgKeys)
                        return new TxTimestampResult(TxTimestampStatus.PayloadMismatch, ts, Errno.None, stale);
                    stale++; // a predicted key can name another packet after a drift; keep looking
                    StaleTxStamps++;
                    continue;
                }
                return new TxTimestampResult(TxTimestampStatus.Ok, ts, Errno.None, stale);
            }
            var e = LastErrno();
            if (e == Errno.EINTR)
                continue;
            if (e != Errno.EAGAIN)
                return new TxTimestampResult(TxTimestampStatus.Error, default, e, stale);
            long left = deadline - MonotonicNanoseconds();
            if (left <= 0)
                return new TxTimestampResult(TxTimestampStatus.Timeout, default, Errno.None, stale);
            PollFd p;
            p.Fd = Handle.Fd;
            p.Events = POLLPRI;
            p.Revents = 0;
            int ms = (int)Math.Max(1, (left + 999_999) / 1_000_000);
            int pr = Poll(&p, 1, ms);
            if (pr < 0 && LastErrno() != Errno.EINTR)
                return new TxTimestampResult(TxTimestampStatus.Error, default, LastErrno(), stale);
        }
        return new TxTimestampResult(TxTimestampStatus.Timeout, default, Errno.None, stale);
    }

    /// <summary>Test hook: make the prediction lag the kernel's counter, as a send it counted and we did not.</summary>
    internal void LagPredictionForTest(uint by) => _nextKey -= by;

    private void Resync(uint delta)
    {
        KeyResyncs++;
        _nextKey += delta;
        for (int i = 0; i < MaxPending; i++)
            if (_pendingUsed[i])
                _pendingKey[i] += delta;
    }

    /// <summary>Drops everything on the error queue (e.g. after a fault); returns how many entries.</summary>
    public int DrainErrorQueue()
    {
        var msg = (MsgHdr*)(_block + RxMsg);
        var iov = (IoVec*)(_block + RxIov);
        int n = 0;
        for (; n < 1024; n++)
        {
            iov[0].Base = _block + ErrPayload;
            iov[0].Length = ErrPayloadSize;
            msg->Name = null;
            msg->NameLen = 0;
            msg->Iov = iov;
            msg->IovLen = 1;
            msg->Control = _block + RxControl;
            msg->ControlLen = ControlSize;
            msg->Flags = 0;
            if (RecvMsg(Handle, msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
                break;
        }
        return n;
    }

    /// <summary>Waits up to timeoutMs for POLLIN; true when readable.</summary>
    public bool WaitReadable(int timeoutMs)
    {
        PollFd p;
        p.Fd = Handle.Fd;
        p.Events = POLLIN;
        p.Revents = 0;
        return Poll(&p, 1, timeoutMs) > 0 && (p.Revents & POLLIN) != 0;
    }

    private static PacketTimestamp Pick(in ScmTimestamping sts, TimestampSource source)
    {
        if (source == TimestampSource.Hardware)
            return sts.Hardware.IsZero ? default : new PacketTimestamp(sts.Hardware.TotalNanoseconds, TimestampSource.Hardware);
        if (source == TimestampSource.Software)
            return sts.Software.IsZero ? default : new PacketTimestamp(sts.Software.TotalNanoseconds, TimestampSource.Software);
        return default;
    }

    private static void ParseControl(MsgHdr* msg, out ScmTimestamping sts, out SockExtendedErr err)
    {
        sts = default;
        err = default;
        byte* c = (byte*)msg->Control;
        int len = (int)msg->ControlLen;
        int off = 0;
        while (off + sizeof(CmsgHdr) <= len)
        {
            var h = (CmsgHdr*)(c + off);
            int clen = (int)h->Len;
            if (clen < sizeof(CmsgHdr) || off + clen > len)
                break;
            byte* data = c + off + sizeof(CmsgHdr);
            int dlen = clen - sizeof(CmsgHdr);
            if (h->Level == SOL_SOCKET && h->Type == SCM_TIMESTAMPING && dlen >= sizeof(ScmTimestamping))
                sts = *(ScmTimestamping*)data;
            else if (h->Level == SOL_SOCKET && h->Type == SO_TIMESTAMPNS && dlen >= sizeof(Timespec))
                sts.Software = *(Timespec*)data;
            else if (((h->Level == SOL_IP && h->Type == IP_RECVERR) || (h->Level == SOL_IPV6 && h->Type == IPV6_RECVERR)
                      || (h->Level == SOL_PACKET && h->Type == PACKET_TX_TIMESTAMP)) && dlen >= sizeof(SockExtendedErr))
                err = *(SockExtendedErr*)data;
            off += CmsgAlign(clen);
        }
    }

    internal static PeerAddress ParseName(byte* name, uint nameLen)
    {
        if (nameLen < 2)
            return default;
        ushort family = *(ushort*)name;
        if (family == AF_INET && nameLen >= sizeof(SockaddrIn))
            return PeerAddress.FromIPv4(BinaryPrimitives.ReverseEndianness(((SockaddrIn*)name)->AddrBE));
        if (family == AF_INET6 && nameLen >= sizeof(SockaddrIn6))
        {
            var s6 = (SockaddrIn6*)name;
            return PeerAddress.FromIPv6(new ReadOnlySpan<byte>(s6->Addr, 16), s6->ScopeId);
        }
        if (family == AF_PACKET && nameLen >= 12)
        {
            var ll = (SockaddrLl*)name;
            return ll->HaLen == 6 ? PeerAddress.FromMac(MacAddress.Read(new ReadOnlySpan<byte>(ll->Addr, 6))) : default;
        }
        return default;
    }

    /// <summary>
    /// Finds the PTP header in a looped-back frame (it starts at the Ethernet header: UDP/IPv4 at 14+IHL+8,
    /// UDP/IPv6 at 62, L2 at 14, one 802.1Q tag skipped) and reads messageType and sequenceId.
    /// </summary>
    internal static bool TryFindPtpHeader(ReadOnlySpan<byte> frame, out byte messageType, out ushort sequenceId)
    {
        messageType = 0;
        sequenceId = 0;
        if (frame.Length < 14)
            return false;
        int off = 12;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame[off..]);
        if (type == 0x8100)
        {
            off += 4;
            if (frame.Length < off + 2) return false;
            type = BinaryPrimitives.ReadUInt16BigEndian(frame[off..]);
        }
        off += 2;
        switch (type)
        {
            case 0x88F7:
                break;
            case 0x0800:
                if (frame.Length <= off) return false;
                off += (frame[off] & 0x0F) * 4 + 8;
                break;
            case 0x86DD:
                off += 40 + 8;
                break;
            default:
                return false;
        }
        if (frame.Length < off + 32)
            return false;
        messageType = (byte)(frame[off] & 0x0F);
        sequenceId = BinaryPrimitives.ReadUInt16BigEndian(frame[(off + 30)..]);
        return true;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Handle.Dispose();
        NativeMemory.AlignedFree(_block);
    }
}
