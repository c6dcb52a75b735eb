using Ptp4Net.Phc;
using Ptp4Net.Phc.Providers;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Tests.Linux;

/// <summary>hwts_provider / hwts_qualifier policy and the configured == reported == steered rule (pure).</summary>
public class ProviderSelectionTests
{
    private const ulong Hw = 0x1 | 0x4 | 0x40 | 0x1A;

    private static TimestampingInfo P(int phc, ProviderSource src, ProviderQualifier q = ProviderQualifier.Precise, bool hw = true) => new()
    {
        IfIndex = 2,
        IfName = "eth0",
        Timestamping = hw ? Hw : 0x1A,
        TxTypes = 0b11,
        RxFilters = (1UL << 12) | 1,
        PhcIndex = hw ? phc : -1,
        ProviderIndex = phc,
        Qualifier = q,
        Source = src,
    };

    private static ProviderPolicy Policy(string provider, string qualifier = "precise")
    {
        Assert.True(ProviderPolicy.TryParseProvider(provider, out var sel, out int idx));
        Assert.True(ProviderPolicy.TryParseQualifier(qualifier, out var q));
        return new ProviderPolicy { Selection = sel, PhcIndex = idx, Qualifier = q };
    }

    [Fact]
    public void Auto_prefers_the_precise_mac_over_a_phy_even_when_the_phy_is_active()
    {
        var mac = P(0, ProviderSource.Netdev);
        var phy = P(1, ProviderSource.Phylib);
        var d = ProviderSelector.Select([phy, mac], ProviderPolicy.Auto, activePhcIndex: 1);
        Assert.Same(mac, d.Chosen);
        Assert.Contains("MAC provider preferred", d.Reason);
        var (other, why) = Assert.Single(d.Others);
        Assert.Same(phy, other);
        Assert.Contains("the MAC is preferred", why);
        Assert.Contains("phc 1", d.Describe("eth0"));
    }

    [Fact]
    public void Auto_never_takes_an_approx_mac_for_precise_it_takes_the_precise_phy()
    {
        var macApprox = P(0, ProviderSource.Netdev, ProviderQualifier.Approx);
        var phy = P(1, ProviderSource.Phylib);
        var d = ProviderSelector.Select([macApprox, phy], ProviderPolicy.Auto);
        Assert.Same(phy, d.Chosen);
        Assert.Contains("no precise MAC", d.Reason);
        Assert.Contains("qualifier approx", d.Others[0].WhyNot);
    }

    [Fact]
    public void Nothing_precise_is_a_refusal_not_a_silent_downgrade()
    {
        var d = ProviderSelector.Select([P(0, ProviderSource.Netdev, ProviderQualifier.Approx)], ProviderPolicy.Auto);
        Assert.False(d.Succeeded);
        Assert.Contains("no provider with qualifier precise", d.Reason);
        var ok = ProviderSelector.Select([P(0, ProviderSource.Netdev, ProviderQualifier.Approx)], Policy("auto", "approx"));
        Assert.True(ok.Succeeded);
    }

    [Fact]
    public void Explicit_phy_mac_and_phc_policies()
    {
        var mac = P(0, ProviderSource.Netdev);
        var phy = P(1, ProviderSource.Phylib);
        Assert.Same(phy, ProviderSelector.Select([mac, phy], Policy("phy")).Chosen);
        Assert.Same(mac, ProviderSelector.Select([mac, phy], Policy("mac")).Chosen);
        Assert.Same(phy, ProviderSelector.Select([mac, phy], Policy("phc:1")).Chosen);
        var none = ProviderSelector.Select([mac, phy], Policy("phc:7"));
        Assert.False(none.Succeeded);
        Assert.Contains("no provider with phc 7", none.Reason);
        Assert.False(ProviderSelector.Select([mac], Policy("phy")).Succeeded);
    }

    [Fact]
    public void Before_6_16_the_layer_is_unknown_auto_takes_the_active_and_mac_is_refused()
    {
        var a = P(0, ProviderSource.Unknown);
        var b = P(3, ProviderSource.Unknown);
        var d = ProviderSelector.Select([a, b], ProviderPolicy.Auto, activePhcIndex: 3);
        Assert.Same(b, d.Chosen);
        Assert.Contains("does not say which is the MAC", d.Reason);
        var mac = ProviderSelector.Select([a, b], Policy("mac"));
        Assert.False(mac.Succeeded);
        Assert.Contains("6.16", mac.Reason);
    }

    [Fact]
    public void Software_only_interfaces_have_no_usable_provider()
    {
        var d = ProviderSelector.Select([P(-1, ProviderSource.Unknown, hw: false)], ProviderPolicy.Auto);
        Assert.False(d.Succeeded);
        Assert.Contains("use time_stamping software", d.Reason);
    }

    [Fact]
    public void Policy_values_parse_as_documented()
    {
        Assert.True(ProviderPolicy.TryParseProvider("phc:12", out var s, out int i));
        Assert.Equal(ProviderSelection.Phc, s);
        Assert.Equal(12, i);
        Assert.False(ProviderPolicy.TryParseProvider("phc:", out _, out _));
        Assert.False(ProviderPolicy.TryParseProvider("phc:-1", out _, out _));
        Assert.False(ProviderPolicy.TryParseProvider("nic", out _, out _));
        Assert.False(ProviderPolicy.TryParseQualifier("exact", out _));
        Assert.Equal("phc:12 precise", new ProviderPolicy { Selection = ProviderSelection.Phc, PhcIndex = 12 }.ToString());
    }

    [Fact]
    public void Verify_accepts_a_consistent_setup()
    {
        var mac = P(0, ProviderSource.Netdev);
        var cfg = new TsConfigState { ProviderIndex = 0, TxType = HwTstamp.TxOn, RxFilter = HwTstamp.FilterPtpV2Event };
        Assert.Null(HardwareTimestampingSetup.Verify(mac, cfg, mac, HwTstamp.TxOn, NetworkTransport.UdpV4, viaNetlink: true));
        // the driver widened the filter to ALL: fine
        Assert.Null(HardwareTimestampingSetup.Verify(mac, cfg with { RxFilter = HwTstamp.FilterAll }, mac, HwTstamp.TxOn, NetworkTransport.L2, true));
    }

    [Fact]
    public void Verify_refuses_when_another_provider_is_configured_or_reported()
    {
        var mac = P(0, ProviderSource.Netdev);
        var phy = P(1, ProviderSource.Phylib);
        var cfgPhy = new TsConfigState { ProviderIndex = 1, TxType = HwTstamp.TxOn, RxFilter = HwTstamp.FilterPtpV2Event };
        Assert.Contains("provider configured is phc 1", HardwareTimestampingSetup.Verify(mac, cfgPhy, mac, 1, NetworkTransport.UdpV4, true));
        var cfgMac = cfgPhy with { ProviderIndex = 0 };
        Assert.Contains("reports phc 1 as the active provider", HardwareTimestampingSetup.Verify(mac, cfgMac, phy, 1, NetworkTransport.UdpV4, true));
        Assert.Contains("tx type is off", HardwareTimestampingSetup.Verify(mac, cfgMac with { TxType = 0 }, mac, 1, NetworkTransport.UdpV4, true));
        Assert.Contains("rx filter is ptpv2-l2-event", HardwareTimestampingSetup.Verify(mac, cfgMac with { RxFilter = HwTstamp.FilterPtpV2L2Event }, mac, 1, NetworkTransport.UdpV4, true));
        // qualifier differs (approx configured while precise chosen)
        Assert.Contains("approx", HardwareTimestampingSetup.Verify(mac, cfgMac with { Qualifier = ProviderQualifier.Approx }, mac, 1, NetworkTransport.UdpV4, true));
    }

    [Fact]
    public void Rx_filter_fallbacks_follow_linuxptp()
    {
        Assert.Equal([12, 6, 1], HwTstamp.RxFilterFallbacks(NetworkTransport.UdpV4, HwtsFilterMode.Normal));
        Assert.Equal([12, 9, 1], HwTstamp.RxFilterFallbacks(NetworkTransport.L2, HwtsFilterMode.Normal));
        Assert.Equal([1], HwTstamp.RxFilterFallbacks(NetworkTransport.L2, HwtsFilterMode.Full));
        Assert.Equal(HwTstamp.TxOneStepSync, HwTstamp.TxTypeFor(TimeStampingMode.OneStep));
        Assert.Equal(HwTstamp.TxOneStepP2p, HwTstamp.TxTypeFor(TimeStampingMode.P2pOneStep));
        Assert.True(HwTstamp.RxFilterAcceptable(HwTstamp.FilterSome, 12, NetworkTransport.UdpV4));
        Assert.False(HwTstamp.RxFilterAcceptable(HwTstamp.FilterNone, 12, NetworkTransport.UdpV4));
    }
}
