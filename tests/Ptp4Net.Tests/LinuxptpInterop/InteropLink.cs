namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>One link configuration of the interop matrix: linuxptp's network_transport and delay_mechanism values.</summary>
public sealed record InteropLink(string NetworkTransport, string DelayMechanism)
{
    public static InteropLink UdpV4E2E { get; } = new("UDPv4", "E2E");
    public static InteropLink L2E2E { get; } = new("L2", "E2E");
    public static InteropLink UdpV4P2P { get; } = new("UDPv4", "P2P");

    public override string ToString() => $"{NetworkTransport} {DelayMechanism}";

    /// <summary>
    /// The [global] lines both ends share: the link, and faster message rates than the defaults so that a run
    /// fits in ~25 s: 4 Announce/s (the BMCA settles in about a second), 8 Sync/s and 8 delay requests/s.
    /// </summary>
    public string CommonConfig() =>
        $"network_transport {NetworkTransport}\n" +
        $"delay_mechanism {DelayMechanism}\n" +
        "logAnnounceInterval -2\n" +
        "logSyncInterval -3\n" +
        "logMinDelayReqInterval -3\n" +
        "logMinPdelayReqInterval -3\n";
}
