using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Providers;

namespace Ptp4Net.Tests.Linux;

/// <summary>The tsinfo text for a board with hardware (not available here): ethtool's wording, then providers.</summary>
public class TimestampingReportTests
{
    [Fact]
    public void Hardware_board_prints_ethtool_lists_and_marks_the_active_provider()
    {
        var mac = new TimestampingInfo
        {
            IfName = "eth0", Timestamping = 0x5F, TxTypes = 0b11, RxFilters = (1UL << 0) | (1UL << 12), PhcIndex = 0,
            ProviderIndex = 0, Qualifier = ProviderQualifier.Precise, Source = ProviderSource.Netdev,
        };
        var phy = mac with { PhcIndex = 1, ProviderIndex = 1, Source = ProviderSource.Phylib, PhyIndex = 2, TxTypes = 0b1011 };
        var cfg = new TsConfigState { ProviderIndex = 1, TxType = 1, RxFilter = 12 };
        var r = new TimestampingReport("eth0", phy, [mac, phy], cfg, null);
        var o = new StringWriter();
        r.Write(o);
        string expected =
            "Time stamping parameters for eth0:\n" +
            "Capabilities:\n" +
            "\thardware-transmit\n\tsoftware-transmit\n\thardware-receive\n\tsoftware-receive\n\tsoftware-system-clock\n\thardware-raw-clock\n" +
            "PTP Hardware Clock: 1\n" +
            "Hardware Transmit Timestamp Modes:\n\toff\n\ton\n\tonestep-p2p\n" +
            "Hardware Receive Filter Modes:\n\tnone\n\tptpv2-event\n" +
            "\nHardware timestamp providers:\n" +
            "\tphc 0, precise, MAC\n" +
            "\tphc 1, precise, PHY (phy index 2) [active]\n" +
            "Active configuration: phc 1 precise, tx on, rx ptpv2-event (netlink)\n";
        Assert.Equal(expected, o.ToString());
    }

    [Fact]
    public void Opening_a_missing_phc_fails_with_a_clear_message()
    {
        // Read-only attempt to open; nothing is adjusted.
        var ex = Assert.Throws<LinuxException>(() => PhcClock.Open(987));
        Assert.Contains("cannot open /dev/ptp987", ex.Message);
        Assert.Equal(Errno.ENOENT, ex.Errno);
        var ex2 = Assert.Throws<LinuxException>(() => PhcClock.OpenForInterface("lo"));
        Assert.Contains("lo has no PTP hardware clock", ex2.Message);
    }
}
