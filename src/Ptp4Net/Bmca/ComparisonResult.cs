namespace Ptp4Net.Bmca;

/// <summary>
/// Outcome of the data set comparison (IEEE 1588-2019 9.3.4, Figures 34 and 35). The values follow linuxptp's
/// bmc.h so that "greater than zero" means A is preferred. <see cref="Error"/> covers the standard's error-1
/// and error-2 cases (the same message seen twice, or a port receiving its own messages).
/// </summary>
public enum ComparisonResult : sbyte
{
    BBetter = -2,
    BBetterByTopology = -1,
    Error = 0,
    ABetterByTopology = 1,
    ABetter = 2,
}
