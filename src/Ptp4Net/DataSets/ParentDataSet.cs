using Ptp4Net.Identity;

namespace Ptp4Net.DataSets;

/// <summary>parentDS (IEEE 1588-2019 8.2.3).</summary>
public sealed class ParentDataSet
{
    public PortIdentity ParentPortIdentity { get; set; }
    public bool ParentStats { get; set; }
    public ushort ObservedParentOffsetScaledLogVariance { get; set; } = 0xFFFF;
    public int ObservedParentClockPhaseChangeRate { get; set; } = 0x7FFFFFFF;
    public ClockIdentity GrandmasterIdentity { get; set; }
    public ClockQuality GrandmasterClockQuality { get; set; } = ClockQuality.Default;
    public byte GrandmasterPriority1 { get; set; } = 128;
    public byte GrandmasterPriority2 { get; set; } = 128;
}
