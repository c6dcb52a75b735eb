using Ptp4Net.Phc;
using Ptp4Net.Phc.Netlink;
using Ptp4Net.Phc.Providers;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Linux;

/// <summary>The real kernel (6.18 here) on a veth in a namespace: netlink, ioctls, and the hardware refusal.</summary>
[Trait("Category", "Linux")]
public class KernelTimestampingTests
{
    private readonly ITestOutputHelper _out;

    public KernelTimestampingTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Tsinfo_dump_of_a_veth_lists_one_software_only_provider()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var (list, family, index) = ns.RunIn(ns.NameA, () =>
        {
            using var nl = EthtoolNetlink.Open();
            int ifindex = (int)Ptp4Net.Phc.Interop.Libc.IfNameToIndex(ns.IfA);
            return (nl.DumpTsInfo(ifindex), nl.FamilyId, ifindex);
        });
        _out.WriteLine($"ethtool family id {family}");
        Assert.NotEqual(0, family);
        var info = Assert.Single(list);
        Assert.Equal(index, info.IfIndex);
        Assert.Equal(ns.IfA, info.IfName);
        Assert.Equal(-1, info.PhcIndex);
        Assert.Equal(0x1AUL, info.Timestamping & 0x1A); // software-transmit, software-receive, software-system-clock
        Assert.False(info.IsHardwareCapable);
    }

    [Fact]
    public void Netlink_and_ioctl_agree_on_a_veth()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var (viaNl, viaIoctl) = ns.RunIn(ns.NameA, () =>
        {
            using var nl = EthtoolNetlink.Open();
            using var s = HwTstampIoctl.OpenIoctlSocket();
            Assert.Equal(Errno.None, HwTstampIoctl.GetTsInfo(s, ns.IfA, out var io));
            return (nl.GetTsInfo((int)Ptp4Net.Phc.Interop.Libc.IfNameToIndex(ns.IfA)), io);
        });
        Assert.Equal(viaIoctl.Timestamping, viaNl.Timestamping);
        Assert.Equal(viaIoctl.PhcIndex, viaNl.PhcIndex);
        Assert.Equal(viaIoctl.TxTypes, viaNl.TxTypes);
        Assert.Equal(viaIoctl.RxFilters, viaNl.RxFilters);
    }

    [Fact]
    public void Tsconfig_get_on_a_veth_is_a_clear_netlink_error()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var ex = ns.RunIn(ns.NameA, () =>
        {
            using var nl = EthtoolNetlink.Open();
            return Assert.Throws<NetlinkException>(() => nl.GetTsConfig((int)Ptp4Net.Phc.Interop.Libc.IfNameToIndex(ns.IfA)));
        });
        _out.WriteLine(ex.Message);
        Assert.Equal(Errno.EOPNOTSUPP, ex.Errno);
        Assert.Contains("TSCONFIG_GET", ex.Message);
        Assert.Contains("EOPNOTSUPP (95)", ex.Message);
    }

    [Fact]
    public void Siocshwtstamp_on_a_veth_fails_with_a_clear_message()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var ex = ns.RunIn(ns.NameA, () =>
        {
            using var s = HwTstampIoctl.OpenIoctlSocket();
            return Assert.Throws<LinuxException>(() =>
                HardwareTimestampingSetup.ApplyLegacy(s, ns.IfA, HwTstamp.TxOn, NetworkTransport.UdpV4, HwtsFilterMode.Normal, null));
        });
        _out.WriteLine(ex.Message);
        Assert.Equal(Errno.EOPNOTSUPP, ex.Errno);
        Assert.Contains($"{ns.IfA}: SIOCSHWTSTAMP failed with EOPNOTSUPP (95)", ex.Message);
        Assert.Contains("use time_stamping software", ex.Message);
    }

    [Fact]
    public void Opening_a_hardware_transport_on_a_veth_is_refused_with_the_reason()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var log = new List<string>();
        var ex = ns.RunIn(ns.NameA, () => Assert.Throws<LinuxException>(() =>
            PtpTransport.Open(ns.IfA, new TransportOptions { NetworkTransport = NetworkTransport.L2, TimeStamping = TimeStampingMode.Hardware }, log.Add)));
        _out.WriteLine(ex.Message);
        foreach (var l in log) _out.WriteLine("log: " + l);
        Assert.Contains("cannot use hardware time stamping", ex.Message);
        Assert.Contains("software-transmit", ex.Message);
        Assert.Contains(log, l => l.Contains("no hardware time-stamp provider usable"));
    }

    [Fact]
    public void Legacy_time_stamping_is_refused_with_an_explanation()
    {
        var ex = Assert.Throws<LinuxException>(() => PtpTransport.Open("lo", new TransportOptions { TimeStamping = TimeStampingMode.Legacy }));
        Assert.Contains("SYS_HARDWARE", ex.Message);
    }

    [Fact]
    public void Veth_has_no_virtual_clocks_and_bind_phc_is_refused()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ip")))
            return;
        using var ns = NetNs.Create(_out.WriteLine);
        var (vclocks, bound, unbound) = ns.RunIn(ns.NameA, () =>
        {
            using var nl = EthtoolNetlink.Open();
            var v = nl.GetPhcVclocks((int)Ptp4Net.Phc.Interop.Libc.IfNameToIndex(ns.IfA));
            const uint hw = 0x1 | 0x4 | 0x40;
            using var s1 = new TimestampingSocket(Ptp4Net.Phc.Interop.Libc.OpenSocket(2, 2, 0, "test"));
            SocketSetup.BindToDevice(s1.Handle, ns.IfA);
            var e1 = s1.EnableTimestamping(hw, TimestampSource.Hardware, bindPhc: 5);
            using var s2 = new TimestampingSocket(Ptp4Net.Phc.Interop.Libc.OpenSocket(2, 2, 0, "test"));
            var e2 = s2.EnableTimestamping(hw, TimestampSource.Hardware, bindPhc: 5);
            return (v, e1, e2);
        });
        Assert.Empty(vclocks);
        Assert.Equal(Errno.EINVAL, bound);        // /dev/ptp5 is no virtual clock of this device
        Assert.Equal(Errno.EOPNOTSUPP, unbound);  // BIND_PHC needs SO_BINDTODEVICE
    }
}
