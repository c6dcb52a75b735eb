using Ptp4Net.Time;

namespace Ptp4Net.DataSets;

/// <summary>currentDS (IEEE 1588-2019 8.2.2).</summary>
public sealed class CurrentDataSet
{
    public ushort StepsRemoved { get; set; }
    /// <summary>offsetFromMaster: local clock minus master, as the last servo sample measured it.</summary>
    public TimeInterval OffsetFromMaster { get; set; }
    public TimeInterval MeanPathDelay { get; set; }
}
