using Ptp4Net.DataSets;

namespace Ptp4Net.Engine;

/// <summary>
/// Per-port options ([interface] sections of linuxptp's configuration). Comments give the linuxptp key and ptp4l's
/// default, which is ours too.
/// </summary>
public sealed record PortOptions
{
    /// <summary>Interface name, used in log lines ("port 1 (eth0): ...").</summary>
    public string Name { get; init; } = "eth0";
    /// <summary>`logAnnounceInterval`, 1.</summary>
    public sbyte LogAnnounceInterval { get; init; } = 1;
    /// <summary>`announceReceiptTimeout`, 3.</summary>
    public byte AnnounceReceiptTimeout { get; init; } = 3;
    /// <summary>`logSyncInterval`, 0.</summary>
    public sbyte LogSyncInterval { get; init; }
    /// <summary>`syncReceiptTimeout`, 0 (off).</summary>
    public byte SyncReceiptTimeout { get; init; }
    /// <summary>`logMinDelayReqInterval`, 0.</summary>
    public sbyte LogMinDelayReqInterval { get; init; }
    /// <summary>`logMinPdelayReqInterval`, 0.</summary>
    public sbyte LogMinPdelayReqInterval { get; init; }
    /// <summary>`delay_mechanism`, E2E.</summary>
    public DelayMechanism DelayMechanism { get; init; } = DelayMechanism.E2E;
    /// <summary>`delayAsymmetry`, 0 ns; positive when master→slave is longer than slave→master.</summary>
    public long DelayAsymmetryNs { get; init; }
    /// <summary>`neighborPropDelayThresh`, 20000000 ns: a larger peer delay makes the port not asCapable.</summary>
    public long NeighborPropDelayThreshNs { get; init; } = 20_000_000;
    /// <summary>`min_neighbor_prop_delay`, −20000000 ns: a smaller peer delay makes the port not asCapable.</summary>
    public long MinNeighborPropDelayNs { get; init; } = -20_000_000;
    /// <summary>`asCapable`: false ("auto") applies the 802.1AS neighbour checks; true (ptp4l's default for
    /// non-802.1AS profiles) treats the port as always capable.</summary>
    public bool AsCapableAlways { get; init; } = true;
    /// <summary>`masterOnly` / `serverOnly`, false.</summary>
    public bool MasterOnly { get; init; }
    /// <summary>`G.8275.portDS.localPriority`, 128.</summary>
    public byte LocalPriority { get; init; } = 128;
    /// <summary>`delay_filter`, moving_median.</summary>
    public DelayFilterKind DelayFilter { get; init; } = DelayFilterKind.MovingMedian;
    /// <summary>`delay_filter_length`, 10.</summary>
    public int DelayFilterLength { get; init; } = 10;
    /// <summary>`fault_reset_interval`, 4 (log2 seconds; ptp4l's FRI_ASAP −128 means immediately).</summary>
    public sbyte FaultResetInterval { get; init; } = 4;
    /// <summary>`ingressLatency`, 0 ns: subtracted from RX timestamps (the stamp is taken after the wire).</summary>
    public long IngressLatencyNs { get; init; }
    /// <summary>`egressLatency`, 0 ns: added to TX timestamps.</summary>
    public long EgressLatencyNs { get; init; }
    /// <summary>`transportSpecific` (majorSdoId), 0.</summary>
    public byte TransportSpecific { get; init; }
    /// <summary>`time_stamping`, hardware. The engine only reports it (PORT_PROPERTIES_NP); the host sets up stamping.</summary>
    public TimeStampingMode TimeStamping { get; init; } = TimeStampingMode.Hardware;
    /// <summary>`hybrid_e2e`, false: send Delay_Req unicast to the master's address (the address id the host gave
    /// with the master's Syncs) instead of multicast.</summary>
    public bool HybridE2E { get; init; }
    /// <summary>`follow_up_info`, false: append the 802.1AS Follow_Up information TLV (11.4.4.3) to Follow_Up, as gPTP
    /// profiles require.</summary>
    public bool FollowUpInfo { get; init; }
    /// <summary>`allowedLostResponses` (802.1AS), 3: missing Pdelay responses before asCapable drops.</summary>
    public int AllowedLostResponses { get; init; } = 3;
}
