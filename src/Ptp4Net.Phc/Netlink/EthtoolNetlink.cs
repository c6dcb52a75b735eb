using Ptp4Net.Phc.Providers;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Netlink;

/// <summary>
/// A generic-netlink socket talking to the "ethtool" family, whose id is looked up by name at open (never
/// hard-coded). Set-up only: methods allocate and report kernel refusals as <see cref="NetlinkException"/>.
/// </summary>
public sealed class EthtoolNetlink : IDisposable
{
    private const int BufferSize = 32 * 1024;
    private readonly SafeSocketFd _fd;
    private readonly byte[] _rx = new byte[BufferSize];
    private readonly byte[] _tx = new byte[1024];
    private uint _seq = 1;

    private EthtoolNetlink(SafeSocketFd fd, ushort family)
    {
        _fd = fd;
        FamilyId = family;
    }

    public ushort FamilyId { get; }

    public static unsafe EthtoolNetlink Open()
    {
        var fd = OpenSocket(AF_NETLINK, SOCK_RAW, Nl.NETLINK_GENERIC, "generic netlink");
        try
        {
            var sa = new SockaddrNl { Family = AF_NETLINK };
            if (Bind(fd, &sa, (uint)sizeof(SockaddrNl)) != 0)
                Check(LastErrno(), "bind generic netlink");
            SetInt(fd, SOL_NETLINK, Nl.NETLINK_EXT_ACK, 1); // error strings; optional
            var tmp = new EthtoolNetlink(fd, 0);
            ushort id = tmp.ResolveFamily("ethtool");
            return new EthtoolNetlink(fd, id);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    private ushort ResolveFamily(string name)
    {
        uint seq = _seq++;
        int n = EthtoolMessages.WriteGetFamily(_tx, seq, name);
        ushort id = 0;
        Exchange(n, seq, (genl) =>
        {
            if (!EthtoolMessages.TryReadFamilyId(genl, out id, out var pe))
                throw new NetlinkException($"bad CTRL_CMD_NEWFAMILY reply: {pe}", default);
        }, $"generic netlink family '{name}'");
        if (id == 0)
            throw new NetlinkException($"generic netlink family '{name}' not found", default);
        return id;
    }

    /// <summary>Every time-stamp provider of the interface (TSINFO_GET dump; one entry per provider on 6.14+).</summary>
    public List<TimestampingInfo> DumpTsInfo(int ifindex)
    {
        uint seq = _seq++;
        int n = EthtoolMessages.WriteTsInfoGet(_tx, FamilyId, seq, ifindex, dump: true);
        var list = new List<TimestampingInfo>();
        Exchange(n, seq, genl =>
        {
            if (!EthtoolMessages.TryReadTsInfo(genl, out var info, out var pe))
                throw new NetlinkException($"bad TSINFO_GET reply: {pe}", default);
            if (ifindex <= 0 || info.IfIndex == ifindex)
                list.Add(info);
        }, $"TSINFO_GET dump of ifindex {ifindex}");
        return list;
    }

    /// <summary>TSINFO_GET for one device (what the kernel reports as active/default).</summary>
    public TimestampingInfo GetTsInfo(int ifindex)
    {
        uint seq = _seq++;
        int n = EthtoolMessages.WriteTsInfoGet(_tx, FamilyId, seq, ifindex, dump: false);
        TimestampingInfo? result = null;
        Exchange(n, seq, genl =>
        {
            if (!EthtoolMessages.TryReadTsInfo(genl, out var info, out var pe))
                throw new NetlinkException($"bad TSINFO_GET reply: {pe}", default);
            result = info;
        }, $"TSINFO_GET of ifindex {ifindex}");
        return result ?? throw new NetlinkException($"TSINFO_GET of ifindex {ifindex}: no reply", default);
    }

    /// <summary>The PHC virtual clocks of the device (empty when it has none).</summary>
    public int[] GetPhcVclocks(int ifindex)
    {
        uint seq = _seq++;
        int n = EthtoolMessages.WritePhcVclocksGet(_tx, FamilyId, seq, ifindex);
        int[] result = [];
        Exchange(n, seq, genl =>
        {
            if (!EthtoolMessages.TryReadPhcVclocks(genl, out result, out var pe))
                throw new NetlinkException($"bad PHC_VCLOCKS_GET reply: {pe}", default);
        }, $"PHC_VCLOCKS_GET of ifindex {ifindex}");
        return result;
    }

    public TsConfigState GetTsConfig(int ifindex)
    {
        uint seq = _seq++;
        int n = EthtoolMessages.WriteTsConfigGet(_tx, FamilyId, seq, ifindex);
        return ReadConfig(n, seq, $"TSCONFIG_GET of ifindex {ifindex}");
    }

    public TsConfigState SetTsConfig(int ifindex, int phcIndex, ProviderQualifier q, int txType, int rxFilter)
    {
        uint seq = _seq++;
        int n = EthtoolMessages.WriteTsConfigSet(_tx, FamilyId, seq, ifindex, phcIndex, q, txType, rxFilter);
        return ReadConfig(n, seq, $"TSCONFIG_SET of ifindex {ifindex} (phc {phcIndex} {q}, tx {HwTstamp.TxTypeName(txType)}, rx {HwTstamp.RxFilterName(rxFilter)})");
    }

    private TsConfigState ReadConfig(int n, uint seq, string what)
    {
        TsConfigState? result = null;
        Exchange(n, seq, genl =>
        {
            if (!EthtoolMessages.TryReadTsConfig(genl, out var st, out var pe))
                throw new NetlinkException($"bad reply to {what}: {pe}", default);
            result = st;
        }, what);
        return result ?? throw new NetlinkException($"{what}: no reply", default);
    }

    /// <summary>Sends one request and reads until DONE / the final ACK / an error. Bounded: 10 s, 10000 messages.</summary>
    private unsafe void Exchange(int length, uint seq, Action<ReadOnlySpan<byte>> onReply, string what)
    {
        if (length == 0)
            throw new NetlinkException($"{what}: request does not fit", default);
        var sa = new SockaddrNl { Family = AF_NETLINK };
        fixed (byte* p = _tx)
        {
            if (SendTo(_fd, p, (nuint)length, 0, &sa, (uint)sizeof(SockaddrNl)) < 0)
                throw new NetlinkException($"{what}: send failed", new NetlinkError(LastErrno(), null, null));
        }
        long deadline = MonotonicNanoseconds() + 10_000_000_000L;
        for (int guard = 0; guard < 10000; guard++)
        {
            PollFd pfd;
            pfd.Fd = _fd.Fd;
            pfd.Events = POLLIN;
            pfd.Revents = 0;
            long left = deadline - MonotonicNanoseconds();
            if (left <= 0 || Poll(&pfd, 1, (int)(left / 1_000_000) + 1) == 0)
                throw new NetlinkException($"{what}: no answer from the kernel within 10 s", default);
            nint r;
            fixed (byte* p = _rx)
                r = Recv(_fd, p, (nuint)_rx.Length, 0);
            if (r < 0)
            {
                var e = LastErrno();
                if (e is Errno.EINTR or Errno.EAGAIN)
                    continue;
                throw new NetlinkException($"{what}: receive failed", new NetlinkError(e, null, null));
            }
            ReadOnlySpan<byte> buf = _rx.AsSpan(0, (int)r);
            NetlinkParseError pe;
            while (NetlinkReader.TryNext(ref buf, out var m, out pe))
            {
                if (m.Seq != seq)
                    continue; // a late answer to an earlier request
                if (m.Type == Nl.NLMSG_DONE)
                    return;
                if (m.Type == Nl.NLMSG_ERROR)
                {
                    if (!NetlinkReader.TryReadError(m, out var err, out var epe))
                        throw new NetlinkException($"{what}: bad error message ({epe})", default);
                    if (err.IsAck)
                        return;
                    throw new NetlinkException($"{what} failed: {err}", err);
                }
                onReply(m.Payload);
            }
            if (pe != NetlinkParseError.None)
                throw new NetlinkException($"{what}: malformed answer ({pe})", default);
        }
        throw new NetlinkException($"{what}: too many messages", default);
    }

    public void Dispose() => _fd.Dispose();
}
