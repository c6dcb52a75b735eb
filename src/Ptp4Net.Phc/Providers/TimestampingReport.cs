using System.Globalization;
using Ptp4Net.Phc.Netlink;

namespace Ptp4Net.Phc.Providers;

/// <summary>
/// What `ethtool -T IFACE` shows (the kernel's active/default provider, from TSINFO_GET or the
/// ETHTOOL_GET_TS_INFO ioctl), plus every provider of the TSINFO dump and the configuration in force
/// (TSCONFIG_GET, 6.14+). For `ptp4net tsinfo`.
/// </summary>
public sealed record TimestampingReport(
    string IfName,
    TimestampingInfo Active,
    IReadOnlyList<TimestampingInfo> Providers,
    TsConfigState? Config,
    string? ConfigUnavailable)
{
    /// <summary>Queries the kernel (set-up style: throws <see cref="LinuxException"/> with the reason).</summary>
    public static TimestampingReport Collect(string ifname)
    {
        int ifindex = (int)Interop.Libc.IfNameToIndex(ifname);
        if (ifindex == 0)
        {
            var e = Interop.LastErrno();
            throw new LinuxException($"interface {ifname}: {Interop.Describe(e)}", e);
        }
        using var sock = HwTstampIoctl.OpenIoctlSocket();
        EthtoolNetlink? nl = null;
        try
        {
            try
            {
                nl = EthtoolNetlink.Open();
            }
            catch (Exception e) when (e is NetlinkException or LinuxException)
            {
                nl = null;
            }
            TimestampingInfo active;
            if (nl is not null)
            {
                active = nl.GetTsInfo(ifindex);
            }
            else
            {
                var e = HwTstampIoctl.GetTsInfo(sock, ifname, out active);
                if (e != Errno.None)
                    throw new LinuxException($"{ifname}: ETHTOOL_GET_TS_INFO failed: {Interop.Describe(e)}", e);
            }
            var providers = HardwareTimestampingSetup.ListProviders(nl, sock, ifname, ifindex, null);
            TsConfigState? config = null;
            string? why = null;
            if (nl is not null)
            {
                try
                {
                    config = nl.GetTsConfig(ifindex);
                }
                catch (NetlinkException e)
                {
                    why = $"TSCONFIG_GET: {e.Error}";
                }
            }
            if (config is null)
            {
                var ge = HwTstampIoctl.Get(sock, ifname, out var legacy);
                if (ge == Errno.None)
                    config = legacy;
                else
                    why = (why is null ? "" : why + "; ") + $"SIOCGHWTSTAMP: {Interop.Describe(ge)}";
            }
            return new TimestampingReport(ifname, active, providers, config, config is null ? why : null);
        }
        finally
        {
            nl?.Dispose();
        }
    }

    /// <summary>The first part exactly as ethtool prints it; then our provider section.</summary>
    public void Write(TextWriter o)
    {
        o.Write($"Time stamping parameters for {IfName}:\n");
        List(o, "Capabilities", "", Active.Timestamping, HwTstamp.SofName);
        o.Write("PTP Hardware Clock: ");
        o.Write(Active.PhcIndex >= 0 ? Active.PhcIndex.ToString(CultureInfo.InvariantCulture) + "\n" : "none\n");
        List(o, "Hardware Transmit Timestamp Modes", " none", Active.TxTypes, HwTstamp.TxTypeName);
        List(o, "Hardware Receive Filter Modes", " none", Active.RxFilters, HwTstamp.RxFilterName);

        o.Write("\nHardware timestamp providers:\n");
        int activePhc = Config is { ProviderIndex: >= 0 } c ? c.ProviderIndex : Active.PhcIndex;
        int hw = 0;
        foreach (var p in Providers)
        {
            if (p.PhcIndex < 0)
                continue;
            hw++;
            bool isActive = p.PhcIndex == activePhc && (Config is null || Config.ProviderIndex < 0 || p.EffectiveQualifier == Config.Qualifier);
            o.Write($"\t{p.Describe()}{(isActive ? " [active]" : "")}\n");
        }
        if (hw == 0)
            o.Write("\tnone\n");
        o.Write("Active configuration: ");
        if (Config is { } cfg)
        {
            string prov = cfg.ProviderIndex >= 0
                ? $"phc {cfg.ProviderIndex} {cfg.Qualifier.ToString().ToLowerInvariant()}, "
                : "";
            o.Write($"{prov}tx {HwTstamp.TxTypeName(cfg.TxType)}, rx {HwTstamp.RxFilterName(cfg.RxFilter)} ({cfg.Origin})\n");
        }
        else
        {
            o.Write($"none ({ConfigUnavailable})\n");
        }
    }

    private static void List(TextWriter o, string title, string empty, ulong mask, Func<int, string> name)
    {
        o.Write(title);
        o.Write(':');
        if (mask == 0)
        {
            o.Write(empty);
            o.Write('\n');
            return;
        }
        o.Write('\n');
        for (int i = 0; i < 64; i++)
            if ((mask & (1UL << i)) != 0)
                o.Write($"\t{name(i)}\n");
    }
}
