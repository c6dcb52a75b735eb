using Ptp4Net.Phc.Netlink;

namespace Ptp4Net.Phc.Providers;

/// <summary>
/// The kernel calls provider negotiation needs, behind an interface so the decision logic can be tested
/// against scripted kernels (a MAC+PHY board, a kernel that ignores TSCONFIG_SET, …) on a machine without a PHC.
/// Netlink refusals are <see cref="NetlinkException"/>; ioctl ones an errno.
/// </summary>
public interface IHwTimestampingKernel
{
    string IfName { get; }
    /// <summary>TSCONFIG_GET/SET are available (ethtool netlink on Linux 6.14+).</summary>
    bool HasTsConfig { get; }
    /// <summary>Every provider (TSINFO_GET dump), or the ioctl's single answer.</summary>
    List<TimestampingInfo> ListProviders(Action<string>? log);
    /// <summary>What the kernel reports as the device's provider now (TSINFO_GET / ETHTOOL_GET_TS_INFO).</summary>
    TimestampingInfo ReportedActive();
    TsConfigState SetTsConfig(int phcIndex, ProviderQualifier qualifier, int txType, int rxFilter);
    TsConfigState GetTsConfig();
    Errno LegacySet(ref TsConfigState state);
    Errno LegacyGet(out TsConfigState state);
}
