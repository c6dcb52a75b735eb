using Ptp4Net.Identity;

namespace Ptp4Net.Bmca;

/// <summary>
/// What the engine keeps from a received Announce (IEEE 1588-2019 13.5): the comparison fields and what becomes
/// parentDS and timePropertiesDS when its sender is selected (9.3.5, Table 30).
/// </summary>
public readonly record struct AnnounceInfo(
    BmcaDataSet DataSet,
    short CurrentUtcOffset,
    byte TimeFlags,
    byte TimeSource,
    sbyte LogMessageInterval,
    ushort SequenceId);
