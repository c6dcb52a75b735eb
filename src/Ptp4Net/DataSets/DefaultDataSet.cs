using Ptp4Net.Identity;

namespace Ptp4Net.DataSets;

/// <summary>defaultDS (IEEE 1588-2019 8.2.1). Mutable: management SET changes priorities and the domain.</summary>
public sealed class DefaultDataSet
{
    public bool TwoStepFlag { get; set; }
    public ClockIdentity ClockIdentity { get; set; }
    public ushort NumberPorts { get; set; }
    public ClockQuality ClockQuality { get; set; } = ClockQuality.Default;
    public byte Priority1 { get; set; } = 128;
    public byte Priority2 { get; set; } = 128;
    public byte DomainNumber { get; set; }
    public bool SlaveOnly { get; set; }
    /// <summary>G.8275.x localPriority of the clock itself (linuxptp `clock_local_priority`).</summary>
    public byte LocalPriority { get; set; } = 128;
}
