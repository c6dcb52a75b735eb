using System.Globalization;

namespace Ptp4Net.Phc.Providers;

/// <summary>enum hwtstamp_source (6.16 uAPI): who stamps.</summary>
public enum ProviderSource
{
    /// <summary>The kernel did not say (before 6.16).</summary>
    Unknown = 0,
    /// <summary>HWTSTAMP_SOURCE_NETDEV: the MAC (or an integrated MAC+PHY).</summary>
    Netdev = 1,
    /// <summary>HWTSTAMP_SOURCE_PHYLIB: a PHY of the link topology.</summary>
    Phylib = 2,
}
