namespace Ptp4Net.Bmca;

/// <summary>
/// Output of the state decision algorithm (IEEE 1588-2019 9.3.3, Figure 33) for one port. <see cref="NoChange"/>
/// is linuxptp's "stay LISTENING": a listening port with no qualified foreign master gets no recommendation.
/// </summary>
public enum RecommendedState : byte
{
    NoChange,
    /// <summary>M1 / M2: the local clock is the best; the port serves as grandmaster.</summary>
    GrandMaster,
    /// <summary>M3: another clock is the grandmaster, this port is a master towards its segment.</summary>
    Master,
    /// <summary>P1 / P2.</summary>
    Passive,
    /// <summary>S1: this port received Erbest = Ebest.</summary>
    Slave,
}
