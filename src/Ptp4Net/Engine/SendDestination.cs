namespace Ptp4Net.Engine;

/// <summary>Where a message goes. The host maps this to an address of its transport (UDPv4/UDPv6/L2).</summary>
public enum SendDestination : byte
{
    /// <summary>The primary multicast address (224.0.1.129, FF0E::181, 01-1B-19-00-00-00).</summary>
    PrimaryMulticast,
    /// <summary>The peer-delay multicast address (224.0.0.107, FF02::6B, 01-80-C2-00-00-0E).</summary>
    PeerDelayMulticast,
    /// <summary>Back to the source of a received message: <see cref="EngineAction.Address"/> is the sourceAddress id the
    /// host passed with that message.</summary>
    Unicast,
}
