using Ptp4Net.Identity;

namespace Ptp4Net.Bmca;

/// <summary>
/// The fields the data set comparison looks at (IEEE 1588-2019 9.3.4, Table 30 mapping from an Announce
/// message or from defaultDS), plus G.8275.x localPriority. Sender is the port that transmitted the Announce
/// (its sourcePortIdentity); Receiver is the local port that received it. For the local clock's own data set
/// (defaultDS, D0), Sender and Receiver are both the clock identity with port number 0 and StepsRemoved is 0.
/// </summary>
public readonly record struct BmcaDataSet(
    byte Priority1,
    ClockIdentity GrandmasterIdentity,
    ClockQuality Quality,
    byte Priority2,
    ushort StepsRemoved,
    PortIdentity Sender,
    PortIdentity Receiver,
    byte LocalPriority = 128)
{
    /// <summary>The local clock's data set D0 (9.3.4: defaultDS compared as if received with stepsRemoved 0).</summary>
    public static BmcaDataSet FromDefault(byte priority1, ClockIdentity identity, ClockQuality quality, byte priority2,
        byte localPriority = 128)
    {
        var self = new PortIdentity(identity, 0);
        return new BmcaDataSet(priority1, identity, quality, priority2, 0, self, self, localPriority);
    }
}
