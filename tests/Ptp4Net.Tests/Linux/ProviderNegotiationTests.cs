using Ptp4Net.Phc;
using Ptp4Net.Phc.Netlink;
using Ptp4Net.Phc.Providers;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Tests.Linux;

/// <summary>
/// The whole negotiation (list, choose, apply, read back, verify) against scripted kernels: the boards of the
/// seeds (a precise MAC and a PHY that the kernel prefers; capability reporting that disagrees with the
/// configured path) without a PHC on this machine.
/// </summary>
public class ProviderNegotiationTests
{
    private const ulong Hw = 0x1 | 0x4 | 0x40 | 0x1A;

    private sealed class ScriptedKernel : IHwTimestampingKernel
    {
        public List<TimestampingInfo> Providers = [];
        public int ActivePhc;
        public ProviderQualifier ActiveQualifier;
        public int Tx, Rx;
        public bool TsConfig = true;
        public bool IgnoreSet;             // acks TSCONFIG_SET but keeps the old provider
        public int? ReportPhcOverride;     // TSINFO keeps reporting another provider (the bootlin mismatch)
        public HashSet<int> RejectedFilters = [];
        public int? IoctlRxOverride;       // SIOCGHWTSTAMP reaches another provider than TSCONFIG
        public List<string> Calls = [];

        public string IfName => "eth0";
        public bool HasTsConfig => TsConfig;
        public List<TimestampingInfo> ListProviders(Action<string>? log) => Providers;

        public TimestampingInfo ReportedActive()
        {
            int phc = ReportPhcOverride ?? ActivePhc;
            return Providers.Find(p => p.PhcIndex == phc)! with { };
        }

        public TsConfigState SetTsConfig(int phcIndex, ProviderQualifier q, int txType, int rxFilter)
        {
            Calls.Add($"set phc {phcIndex} {q} tx {txType} rx {rxFilter}");
            if (RejectedFilters.Contains(rxFilter))
                throw new NetlinkException("TSCONFIG_SET failed", new NetlinkError(Errno.ERANGE, "filter not supported", null));
            if (!Providers.Exists(p => p.PhcIndex == phcIndex && p.EffectiveQualifier == q))
                throw new NetlinkException("TSCONFIG_SET failed", new NetlinkError(Errno.ENODEV, null, null));
            if (!IgnoreSet)
            {
                ActivePhc = phcIndex;
                ActiveQualifier = q;
            }
            Tx = txType;
            Rx = rxFilter;
            return GetTsConfig();
        }

        public TsConfigState GetTsConfig() => new() { ProviderIndex = ActivePhc, Qualifier = ActiveQualifier, TxType = Tx, RxFilter = Rx };

        public Errno LegacySet(ref TsConfigState state)
        {
            Calls.Add($"SIOCSHWTSTAMP tx {state.TxType} rx {state.RxFilter}");
            if (RejectedFilters.Contains(state.RxFilter))
                return Errno.ERANGE;
            Tx = state.TxType;
            Rx = state.RxFilter;
            return Errno.None;
        }

        public Errno LegacyGet(out TsConfigState state)
        {
            state = new TsConfigState { TxType = Tx, RxFilter = IoctlRxOverride ?? Rx, Origin = "ioctl" };
            return Errno.None;
        }
    }

    private static TimestampingInfo P(int phc, ProviderSource src, ProviderQualifier q = ProviderQualifier.Precise, bool withProviderAttr = true) => new()
    {
        IfIndex = 2,
        IfName = "eth0",
        Timestamping = Hw,
        TxTypes = 0b111,
        RxFilters = (1UL << 12) | (1UL << 6) | (1UL << 9) | 1,
        PhcIndex = phc,
        ProviderIndex = withProviderAttr ? phc : null,
        Qualifier = withProviderAttr ? q : null,
        Source = src,
    };

    /// <summary>A MACCHIATObin-like board: precise MAC phc 0, a PHY phc 1 that the kernel made the default.</summary>
    private static ScriptedKernel MacAndPhyWithPhyDefault() => new()
    {
        Providers = [P(0, ProviderSource.Netdev), P(1, ProviderSource.Phylib)],
        ActivePhc = 1,
    };

    private static TransportOptions Hardware(NetworkTransport t = NetworkTransport.UdpV4) =>
        new() { NetworkTransport = t, TimeStamping = TimeStampingMode.Hardware };

    [Fact]
    public void Auto_moves_stamping_from_the_default_phy_to_the_precise_mac_and_verifies()
    {
        var k = MacAndPhyWithPhyDefault();
        var log = new List<string>();
        var st = HardwareTimestampingSetup.Configure(k, Hardware(), log.Add);
        Assert.Equal(0, st.PhcIndex);
        Assert.Equal(0, k.ActivePhc);
        Assert.Equal(["set phc 0 Precise tx 1 rx 12"], k.Calls);
        Assert.Equal(HwTstamp.FilterPtpV2Event, st.Configured.RxFilter);
        Assert.Contains("TSCONFIG", st.Path);
        Assert.Contains(log, l => l.Contains("phc 0, precise, MAC chosen") && l.Contains("phc 1, precise, PHY") && l.Contains("the MAC is preferred"));
        Assert.Contains(log, l => l.Contains("verified"));
    }

    [Fact]
    public void Rx_filter_falls_back_to_l4_then_l2_as_linuxptp()
    {
        var k = MacAndPhyWithPhyDefault();
        k.RejectedFilters.Add(HwTstamp.FilterPtpV2Event);
        var st = HardwareTimestampingSetup.Configure(k, Hardware(), null);
        Assert.Equal(HwTstamp.FilterPtpV2L4Event, st.Configured.RxFilter);
        var k2 = MacAndPhyWithPhyDefault();
        k2.RejectedFilters.Add(HwTstamp.FilterPtpV2Event);
        var st2 = HardwareTimestampingSetup.Configure(k2, Hardware(NetworkTransport.L2), null);
        Assert.Equal(HwTstamp.FilterPtpV2L2Event, st2.Configured.RxFilter);
        Assert.Equal(2, k2.Calls.Count);
    }

    [Fact]
    public void A_kernel_that_keeps_the_old_provider_is_refused()
    {
        var k = MacAndPhyWithPhyDefault();
        k.IgnoreSet = true;
        var ex = Assert.Throws<LinuxException>(() => HardwareTimestampingSetup.Configure(k, Hardware(), null));
        Assert.Contains("provider configured is phc 1", ex.Message);
        Assert.Contains("refusing", ex.Message);
    }

    [Fact]
    public void Capabilities_reported_for_another_provider_than_configured_are_refused()
    {
        // The war story's first bug: the MAC is configured while TSINFO still advertises the PHY.
        var k = MacAndPhyWithPhyDefault();
        k.ReportPhcOverride = 1;
        var ex = Assert.Throws<LinuxException>(() => HardwareTimestampingSetup.Configure(k, Hardware(), null));
        Assert.Contains("reports phc 1 as the active provider", ex.Message);
        Assert.Contains("we would read and steer phc 0", ex.Message);
    }

    [Fact]
    public void Ioctl_view_disagreeing_with_tsconfig_is_refused()
    {
        var k = MacAndPhyWithPhyDefault();
        k.IoctlRxOverride = HwTstamp.FilterNone;
        var ex = Assert.Throws<LinuxException>(() => HardwareTimestampingSetup.Configure(k, Hardware(), null));
        Assert.Contains("but SIOCGHWTSTAMP says tx on, rx none", ex.Message);
    }

    [Fact]
    public void Without_tsconfig_a_provider_other_than_the_active_one_is_refused()
    {
        var k = MacAndPhyWithPhyDefault();
        k.TsConfig = false;
        var ex = Assert.Throws<LinuxException>(() => HardwareTimestampingSetup.Configure(k, Hardware(), null));
        Assert.Contains("offers no TSCONFIG_SET", ex.Message);
        Assert.Empty(k.Calls); // nothing was configured
    }

    [Fact]
    public void Legacy_path_configures_the_active_provider_and_verifies()
    {
        var k = new ScriptedKernel { Providers = [P(0, ProviderSource.Unknown, withProviderAttr: false)], ActivePhc = 0, TsConfig = false };
        var st = HardwareTimestampingSetup.Configure(k, Hardware() with { TimeStamping = TimeStampingMode.OneStep }, null);
        Assert.Equal(0, st.PhcIndex);
        Assert.Equal(HwTstamp.TxOneStepSync, st.Configured.TxType);
        Assert.Equal(["SIOCSHWTSTAMP tx 2 rx 12"], k.Calls);
        Assert.Contains("SIOCSHWTSTAMP", st.Path);
    }

    [Fact]
    public void Check_mode_sets_nothing_and_refuses_an_unusable_setting()
    {
        var k = new ScriptedKernel { Providers = [P(0, ProviderSource.Netdev)], ActivePhc = 0, Tx = HwTstamp.TxOn, Rx = HwTstamp.FilterNone };
        var ex = Assert.Throws<LinuxException>(() => HardwareTimestampingSetup.Configure(k, Hardware() with { HwtsFilter = HwtsFilterMode.Check }, null));
        Assert.Contains("rx filter is none", ex.Message);
        Assert.Empty(k.Calls);
        k.Rx = HwTstamp.FilterAll;
        Assert.Equal(HwTstamp.FilterAll, HardwareTimestampingSetup.Configure(k, Hardware() with { HwtsFilter = HwtsFilterMode.Check }, null).Configured.RxFilter);
    }

    [Fact]
    public void Full_mode_asks_for_all()
    {
        var k = new ScriptedKernel { Providers = [P(0, ProviderSource.Netdev)], ActivePhc = 0 };
        HardwareTimestampingSetup.Configure(k, Hardware() with { HwtsFilter = HwtsFilterMode.Full }, null);
        Assert.Equal(["set phc 0 Precise tx 1 rx 1"], k.Calls);
    }

    [Fact]
    public void Missing_tx_type_is_refused_before_touching_the_device()
    {
        var mac = P(0, ProviderSource.Netdev) with { TxTypes = 0b11 };
        var k = new ScriptedKernel { Providers = [mac], ActivePhc = 0 };
        var ex = Assert.Throws<LinuxException>(() => HardwareTimestampingSetup.Configure(k, Hardware() with { TimeStamping = TimeStampingMode.P2pOneStep }, null));
        Assert.Contains("does not offer tx type onestep-p2p", ex.Message);
        Assert.Empty(k.Calls);
    }

    [Fact]
    public void Explicit_phy_policy_is_honoured()
    {
        var k = MacAndPhyWithPhyDefault();
        k.ActivePhc = 0;
        var st = HardwareTimestampingSetup.Configure(k, Hardware() with { Provider = new ProviderPolicy { Selection = ProviderSelection.Phy } }, null);
        Assert.Equal(1, st.PhcIndex);
        Assert.Equal(1, k.ActivePhc);
    }
}
