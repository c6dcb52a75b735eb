using System.Text;

namespace Ptp4Net.Phc.Providers;

/// <summary>
/// One time-stamp provider of an interface, as a TSINFO_GET reply (6.14+: one reply per provider) or the
/// ETHTOOL_GET_TS_INFO ioctl (one entry, the active/default provider) reports it.
/// </summary>
public sealed record TimestampingInfo
{
    public int IfIndex { get; init; }
    public string? IfName { get; init; }
    /// <summary>Supported SOF_TIMESTAMPING_* bits.</summary>
    public ulong Timestamping { get; init; }
    /// <summary>Bit n ⇔ HWTSTAMP_TX_* value n.</summary>
    public ulong TxTypes { get; init; }
    /// <summary>Bit n ⇔ HWTSTAMP_FILTER_* value n.</summary>
    public ulong RxFilters { get; init; }
    /// <summary>N of /dev/ptpN, or -1.</summary>
    public int PhcIndex { get; init; } = -1;
    /// <summary>The provider nest (6.14+): PHC index and qualifier; null when the kernel sent none.</summary>
    public int? ProviderIndex { get; init; }
    public ProviderQualifier? Qualifier { get; init; }
    /// <summary>HWTSTAMP_SOURCE (6.16+): MAC (netdev) or PHY (phylib); Unknown before.</summary>
    public ProviderSource Source { get; init; }
    /// <summary>HWTSTAMP_PHYINDEX (6.16+) for a PHY provider; or the header's PHY index.</summary>
    public int? PhyIndex { get; init; }
    /// <summary>Where this came from: "netlink" or "ioctl".</summary>
    public string Origin { get; init; } = "netlink";

    public const ulong HardwareBits = 0x1 | 0x4 | 0x40; // TX_HARDWARE | RX_HARDWARE | RAW_HARDWARE

    /// <summary>Can stamp PTP in hardware: TX, RX and raw hardware stamps and a PHC to read them against.</summary>
    public bool IsHardwareCapable => (Timestamping & HardwareBits) == HardwareBits && PhcIndex >= 0;

    public ProviderQualifier EffectiveQualifier => Qualifier ?? ProviderQualifier.Precise;

    /// <summary>"MAC", "PHY", or "unknown (kernel before 6.16)".</summary>
    public string Layer => Source switch
    {
        ProviderSource.Netdev => "MAC",
        ProviderSource.Phylib => "PHY",
        _ => "unknown layer",
    };

    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(PhcIndex >= 0 ? $"phc {PhcIndex}" : "no phc");
        if (Qualifier is { } q)
            sb.Append(", ").Append(q.ToString().ToLowerInvariant());
        sb.Append(", ").Append(Layer);
        if (PhyIndex is { } p)
            sb.Append(" (phy index ").Append(p).Append(')');
        return sb.ToString();
    }
}
