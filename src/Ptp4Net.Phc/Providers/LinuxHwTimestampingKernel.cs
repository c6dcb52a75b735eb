using Ptp4Net.Phc.Netlink;

namespace Ptp4Net.Phc.Providers;

/// <summary>The real kernel: ethtool netlink when it opens, the ioctls on a socket otherwise.</summary>
internal sealed class LinuxHwTimestampingKernel : IHwTimestampingKernel, IDisposable
{
    private readonly SafeSocketFd _fd;
    private readonly EthtoolNetlink? _nl;
    private readonly int _ifindex;

    internal LinuxHwTimestampingKernel(SafeSocketFd fd, string ifname, int ifindex, EthtoolNetlink? nl)
    {
        _fd = fd;
        IfName = ifname;
        _ifindex = ifindex;
        _nl = nl;
    }

    public static LinuxHwTimestampingKernel Open(SafeSocketFd fd, string ifname, int ifindex, Action<string>? log)
    {
        EthtoolNetlink? nl = null;
        try
        {
            nl = EthtoolNetlink.Open();
        }
        catch (Exception e) when (e is NetlinkException or LinuxException)
        {
            log?.Invoke($"{ifname}: ethtool netlink unavailable ({e.Message}); using the ETHTOOL_GET_TS_INFO and SIOC*HWTSTAMP ioctls");
        }
        return new LinuxHwTimestampingKernel(fd, ifname, ifindex, nl);
    }

    public string IfName { get; }
    public bool HasTsConfig => _nl is not null && KernelVersion.AtLeast(6, 14);

    public List<TimestampingInfo> ListProviders(Action<string>? log) =>
        HardwareTimestampingSetup.ListProviders(_nl, _fd, IfName, _ifindex, log);

    public TimestampingInfo ReportedActive() =>
        _nl is not null ? _nl.GetTsInfo(_ifindex) : HardwareTimestampingSetup.Ioctl(_fd, IfName);

    public TsConfigState SetTsConfig(int phcIndex, ProviderQualifier qualifier, int txType, int rxFilter) =>
        (_nl ?? throw new InvalidOperationException("no netlink")).SetTsConfig(_ifindex, phcIndex, qualifier, txType, rxFilter);

    public TsConfigState GetTsConfig() => (_nl ?? throw new InvalidOperationException("no netlink")).GetTsConfig(_ifindex);

    public Errno LegacySet(ref TsConfigState state) => HwTstampIoctl.Set(_fd, IfName, ref state);

    public Errno LegacyGet(out TsConfigState state) => HwTstampIoctl.Get(_fd, IfName, out state);

    public void Dispose() => _nl?.Dispose();
}
