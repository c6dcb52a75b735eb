using Ptp4Net.Identity;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.DataSets;

/// <summary>portDS (IEEE 1588-2019 8.2.15).</summary>
public sealed class PortDataSet
{
    public PortIdentity PortIdentity { get; set; }
    public PortState PortState { get; set; } = PortState.Initializing;
    public sbyte LogMinDelayReqInterval { get; set; }
    public TimeInterval PeerMeanPathDelay { get; set; }
    public sbyte LogAnnounceInterval { get; set; } = 1;
    public byte AnnounceReceiptTimeout { get; set; } = 3;
    public sbyte LogSyncInterval { get; set; }
    public DelayMechanism DelayMechanism { get; set; } = DelayMechanism.E2E;
    public sbyte LogMinPdelayReqInterval { get; set; }
    public byte VersionNumber { get; set; } = 2;
    public byte MinorVersionNumber { get; set; } = 1;
    public long DelayAsymmetryNs { get; set; }
    /// <summary>802.1AS asCapable (10.2.5.1); always true unless the neighbour checks of P2P fail.</summary>
    public bool AsCapable { get; set; } = true;
}
