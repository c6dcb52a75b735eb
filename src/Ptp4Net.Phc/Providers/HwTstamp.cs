namespace Ptp4Net.Phc;

/// <summary>
/// HWTSTAMP_TX_*, HWTSTAMP_FILTER_* and SOF_TIMESTAMPING_* numbers and the names the kernel's ethtool string
/// sets give them (net/ethtool/common.c; ethtool -T prints these).
/// </summary>
public static class HwTstamp
{
    public const int TxOff = 0, TxOn = 1, TxOneStepSync = 2, TxOneStepP2p = 3;
    public const int TxTypeCount = 4;

    public const int FilterNone = 0, FilterAll = 1, FilterSome = 2;
    public const int FilterPtpV2L4Event = 6, FilterPtpV2L2Event = 9, FilterPtpV2Event = 12;
    public const int RxFilterCount = 16;

    private static readonly string[] SofNames =
    [
        "hardware-transmit", "software-transmit", "hardware-receive", "software-receive",
        "software-system-clock", "hardware-legacy-clock", "hardware-raw-clock", "option-id",
        "sched-transmit", "ack-transmit", "option-cmsg", "option-tsonly", "option-stats",
        "option-pktinfo", "option-tx-swhw", "bind-phc", "option-id-tcp", "option-rx-filter",
        "tx-completion",
    ];

    private static readonly string[] TxNames = ["off", "on", "onestep-sync", "onestep-p2p"];

    private static readonly string[] RxNames =
    [
        "none", "all", "some", "ptpv1-l4-event", "ptpv1-l4-sync", "ptpv1-l4-delay-req",
        "ptpv2-l4-event", "ptpv2-l4-sync", "ptpv2-l4-delay-req", "ptpv2-l2-event", "ptpv2-l2-sync",
        "ptpv2-l2-delay-req", "ptpv2-event", "ptpv2-sync", "ptpv2-delay-req", "ntp-all",
    ];

    public static string SofName(int bit) => bit < SofNames.Length ? SofNames[bit] : $"bit{bit}";
    public static string TxTypeName(int v) => v >= 0 && v < TxNames.Length ? TxNames[v] : $"bit{v}";
    public static string RxFilterName(int v) => v >= 0 && v < RxNames.Length ? RxNames[v] : $"bit{v}";

    /// <summary>The tx type time_stamping asks for.</summary>
    public static int TxTypeFor(Transport.TimeStampingMode mode) => mode switch
    {
        Transport.TimeStampingMode.OneStep => TxOneStepSync,
        Transport.TimeStampingMode.P2pOneStep => TxOneStepP2p,
        _ => TxOn,
    };

    /// <summary>The rx filters to try in order (linuxptp sk.c): PTP v2 event, then L4 (UDP) or L2 event, then all.</summary>
    public static int[] RxFilterFallbacks(Transport.NetworkTransport t, Transport.HwtsFilterMode mode) => mode switch
    {
        Transport.HwtsFilterMode.Full => [FilterAll],
        _ => [FilterPtpV2Event, t == Transport.NetworkTransport.L2 ? FilterPtpV2L2Event : FilterPtpV2L4Event, FilterAll],
    };

    /// <summary>
    /// Whether a filter the driver reports will deliver our event stamps: one of the candidates, or ALL; SOME
    /// counts as what we asked (as ptp4l).
    /// </summary>
    public static bool RxFilterAcceptable(int reported, int requested, Transport.NetworkTransport t)
    {
        if (reported == FilterSome || reported == FilterAll || reported == requested || reported == FilterPtpV2Event)
            return true;
        return t == Transport.NetworkTransport.L2 ? reported == FilterPtpV2L2Event : reported == FilterPtpV2L4Event;
    }
}
