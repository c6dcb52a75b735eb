using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Providers;

/// <summary>The legacy paths: SIOCSHWTSTAMP / SIOCGHWTSTAMP and ETHTOOL_GET_TS_INFO (set-up only; errno out).</summary>
internal static class HwTstampIoctl
{
    public static unsafe Errno Set(SafeSocketFd fd, string ifname, ref TsConfigState state)
    {
        var cfg = new HwtstampConfig { TxType = state.TxType, RxFilter = state.RxFilter };
        var req = default(IfReq);
        if (!req.TrySetName(ifname))
            return Errno.EINVAL;
        req.Data = &cfg;
        if (Ioctl(fd, SIOCSHWTSTAMP, &req) != 0)
            return LastErrno();
        state = state with { TxType = cfg.TxType, RxFilter = cfg.RxFilter, Flags = (uint)cfg.Flags, Origin = "ioctl" };
        return Errno.None;
    }

    public static unsafe Errno Get(SafeSocketFd fd, string ifname, out TsConfigState state)
    {
        state = new TsConfigState { Origin = "ioctl" };
        var cfg = default(HwtstampConfig);
        var req = default(IfReq);
        if (!req.TrySetName(ifname))
            return Errno.EINVAL;
        req.Data = &cfg;
        if (Ioctl(fd, SIOCGHWTSTAMP, &req) != 0)
            return LastErrno();
        state = new TsConfigState { TxType = cfg.TxType, RxFilter = cfg.RxFilter, Flags = (uint)cfg.Flags, Origin = "ioctl" };
        return Errno.None;
    }

    public static unsafe Errno GetTsInfo(SafeSocketFd fd, string ifname, out TimestampingInfo info)
    {
        info = new TimestampingInfo { Origin = "ioctl", IfName = ifname };
        var ti = new EthtoolTsInfo { Cmd = ETHTOOL_GET_TS_INFO };
        var req = default(IfReq);
        if (!req.TrySetName(ifname))
            return Errno.EINVAL;
        req.Data = &ti;
        if (Ioctl(fd, SIOCETHTOOL, &req) != 0)
            return LastErrno();
        info = info with { Timestamping = ti.SoTimestamping, PhcIndex = ti.PhcIndex, TxTypes = ti.TxTypes, RxFilters = ti.RxFilters };
        return Errno.None;
    }

    /// <summary>An AF_INET datagram socket to carry the ioctls.</summary>
    public static SafeSocketFd OpenIoctlSocket() => OpenSocket(AF_INET, SOCK_DGRAM, 0, "interface ioctls");
}
