using Ptp4Net.Phc.Netlink;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Phc.Providers;

/// <summary>What hardware stamping was set up: provider, settings read back, and how.</summary>
public sealed record HardwareTimestampingState(
    int PhcIndex,
    TimestampingInfo Provider,
    TsConfigState Configured,
    string Path,
    ProviderDecision Decision);
