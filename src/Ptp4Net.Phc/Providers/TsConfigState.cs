using System.Text;

namespace Ptp4Net.Phc.Providers;

/// <summary>The hardware stamping configuration in force (TSCONFIG_GET or SIOCGHWTSTAMP).</summary>
public sealed record TsConfigState
{
    /// <summary>PHC index of the active provider (TSCONFIG only; -1 from the ioctl).</summary>
    public int ProviderIndex { get; init; } = -1;
    public ProviderQualifier Qualifier { get; init; }
    public int TxType { get; init; }
    public int RxFilter { get; init; }
    public uint Flags { get; init; }
    public string Origin { get; init; } = "netlink";
}
