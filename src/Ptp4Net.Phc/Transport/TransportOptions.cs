using Ptp4Net.Phc.Providers;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// Per-port transport settings, named as linuxptp's config keys (filled by the config layer). Defaults are
/// linuxptp's defaults.
/// </summary>
public sealed record TransportOptions
{
    /// <summary>network_transport: UDPv4 | UDPv6 | L2.</summary>
    public NetworkTransport NetworkTransport { get; init; } = NetworkTransport.UdpV4;
    /// <summary>time_stamping: software | hardware | legacy | onestep | p2p_onestep.</summary>
    public TimeStampingMode TimeStamping { get; init; } = TimeStampingMode.Hardware;
    /// <summary>udp_ttl: IPv4 TTL / IPv6 hop limit (1 keeps PTP on the link).</summary>
    public int UdpTtl { get; init; } = 1;
    /// <summary>dscp_event: DSCP of event messages (0-63).</summary>
    public int DscpEvent { get; init; }
    /// <summary>dscp_general: DSCP of general messages (0-63).</summary>
    public int DscpGeneral { get; init; }
    /// <summary>udp6_scope: X in FF0X::181 (default 0xE, global).</summary>
    public int Udp6Scope { get; init; } = 0x0E;
    /// <summary>ptp_dst_mac: L2 destination of non-peer-delay messages.</summary>
    public MacAddress PtpDstMac { get; init; } = MacAddress.PtpPrimary;
    /// <summary>p2p_dst_mac: L2 destination of peer-delay messages.</summary>
    public MacAddress P2pDstMac { get; init; } = MacAddress.PtpPeerDelay;
    /// <summary>tx_timestamp_timeout: ms to wait for a TX stamp.</summary>
    public int TxTimestampTimeoutMs { get; init; } = 10;
    /// <summary>hwts_filter: normal | check | full.</summary>
    public HwtsFilterMode HwtsFilter { get; init; } = HwtsFilterMode.Normal;
    /// <summary>hwts_provider / hwts_qualifier: which MAC or PHY stamps (see <see cref="ProviderPolicy"/>).</summary>
    public ProviderPolicy Provider { get; init; } = ProviderPolicy.Auto;
    /// <summary>
    /// phc_index: -1 (default) stamps in the provider's PHC; N selects /dev/ptpN, which must be that PHC or one of
    /// its virtual clocks (then the event socket binds to it with SOF_TIMESTAMPING_BIND_PHC).
    /// </summary>
    public int PhcIndex { get; init; } = -1;

    public bool IsHardware => TimeStamping != TimeStampingMode.Software;

    /// <summary>Parses network_transport's value as linuxptp spells it.</summary>
    public static bool TryParseNetworkTransport(string s, out NetworkTransport t)
    {
        switch (s)
        {
            case "UDPv4": t = NetworkTransport.UdpV4; return true;
            case "UDPv6": t = NetworkTransport.UdpV6; return true;
            case "L2": t = NetworkTransport.L2; return true;
            default: t = default; return false;
        }
    }

    /// <summary>Parses time_stamping's value as linuxptp spells it.</summary>
    public static bool TryParseTimeStamping(string s, out TimeStampingMode m)
    {
        switch (s)
        {
            case "software": m = TimeStampingMode.Software; return true;
            case "hardware": m = TimeStampingMode.Hardware; return true;
            case "legacy": m = TimeStampingMode.Legacy; return true;
            case "onestep": m = TimeStampingMode.OneStep; return true;
            case "p2p_onestep": m = TimeStampingMode.P2pOneStep; return true;
            default: m = default; return false;
        }
    }

    /// <summary>Parses hwts_filter's value.</summary>
    public static bool TryParseHwtsFilter(string s, out HwtsFilterMode m)
    {
        switch (s)
        {
            case "normal": m = HwtsFilterMode.Normal; return true;
            case "check": m = HwtsFilterMode.Check; return true;
            case "full": m = HwtsFilterMode.Full; return true;
            default: m = default; return false;
        }
    }

    /// <summary>Set-up check of ranges (as config.c's min/max); throws with the key's name.</summary>
    public void Validate()
    {
        if (UdpTtl is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(UdpTtl), UdpTtl, "udp_ttl must be 1..255");
        if (DscpEvent is < 0 or > 63) throw new ArgumentOutOfRangeException(nameof(DscpEvent), DscpEvent, "dscp_event must be 0..63");
        if (DscpGeneral is < 0 or > 63) throw new ArgumentOutOfRangeException(nameof(DscpGeneral), DscpGeneral, "dscp_general must be 0..63");
        if (Udp6Scope is < 0 or > 0xF) throw new ArgumentOutOfRangeException(nameof(Udp6Scope), Udp6Scope, "udp6_scope must be 0x0..0xF");
        if (TxTimestampTimeoutMs < 0) throw new ArgumentOutOfRangeException(nameof(TxTimestampTimeoutMs), TxTimestampTimeoutMs, "tx_timestamp_timeout must be >= 0");
    }
}
