namespace Ptp4Net.Bmca;

/// <summary>
/// The state decision algorithm (IEEE 1588-2019 9.3.3, Figure 33) for one port, as linuxptp's bmc_state_decision.
/// </summary>
public static class StateDecision
{
    /// <param name="kind">The comparison algorithm (`dataset_comparison`).</param>
    /// <param name="d0">The local clock's data set (defaultDS).</param>
    /// <param name="clockClass">defaultDS.clockQuality.clockClass; 1..127 means the clock can only be a grandmaster.</param>
    /// <param name="ebest">The best qualified foreign master over all ports, if any.</param>
    /// <param name="erbest">The best qualified foreign master on this port, if any.</param>
    /// <param name="thisPortHoldsEbest">True when Ebest was received on this port.</param>
    /// <param name="isListening">True when the port is LISTENING (no decision is made without an Erbest then).</param>
    public static RecommendedState Decide(DatasetComparisonKind kind, in BmcaDataSet d0, byte clockClass,
        in BmcaDataSet? ebest, in BmcaDataSet? erbest, bool thisPortHoldsEbest, bool isListening)
    {
        if (erbest is null && isListening) return RecommendedState.NoChange;

        if (clockClass <= 127)
        {
            // M1 / P1: compare only against what this port hears.
            return erbest is null || IsBetter(DataSetComparison.Compare(kind, d0, erbest.Value))
                ? RecommendedState.GrandMaster
                : RecommendedState.Passive;
        }

        // M2
        if (ebest is null || IsBetter(DataSetComparison.Compare(kind, d0, ebest.Value))) return RecommendedState.GrandMaster;
        // S1
        if (thisPortHoldsEbest) return RecommendedState.Slave;
        // P2 / M3
        if (erbest is not null && DataSetComparison.Compare(kind, ebest.Value, erbest.Value) == ComparisonResult.ABetterByTopology)
            return RecommendedState.Passive;
        return RecommendedState.Master;
    }

    private static bool IsBetter(ComparisonResult r) => r > ComparisonResult.Error;
}
