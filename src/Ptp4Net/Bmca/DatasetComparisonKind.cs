namespace Ptp4Net.Bmca;

/// <summary>linuxptp `dataset_comparison`: ieee1588 (default) or G.8275.x.</summary>
public enum DatasetComparisonKind : byte
{
    Ieee1588,
    G8275x,
}
