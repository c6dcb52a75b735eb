using Ptp4Net.Phc.Netlink;
using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Phc.Providers;

/// <summary>
/// Lists the interface's providers, chooses one by policy, applies tx type and rx filter with TSCONFIG_SET
/// (6.14+) or the legacy SIOCSHWTSTAMP, reads back (TSCONFIG_GET / SIOCGHWTSTAMP and TSINFO) and refuses
/// unless provider configured == provider reported == the PHC we will read and steer. Set-up only: throws
/// <see cref="LinuxException"/> with the reason.
/// </summary>
public static class HardwareTimestampingSetup
{
    /// <summary>Sets up hardware stamping on a real interface (netlink if available, else the ioctls).</summary>
    public static HardwareTimestampingState Configure(SafeSocketFd ioctlFd, string ifname, int ifindex, TransportOptions o, Action<string>? log)
    {
        using var k = LinuxHwTimestampingKernel.Open(ioctlFd, ifname, ifindex, log);
        return Configure(k, o, log);
    }

    /// <summary>The negotiation itself, against any kernel view (a fake one in tests).</summary>
    public static HardwareTimestampingState Configure(IHwTimestampingKernel k, TransportOptions o, Action<string>? log)
    {
        string ifname = k.IfName;
        var providers = k.ListProviders(log);
        int active = -1;
        try
        {
            active = k.ReportedActive().PhcIndex;
        }
        catch (Exception e) when (e is NetlinkException or LinuxException)
        {
        }
        var decision = ProviderSelector.Select(providers, o.Provider, active);
        log?.Invoke(decision.Describe(ifname));
        if (decision.Chosen is not { } chosen)
            throw new LinuxException($"{ifname}: cannot use hardware time stamping: {decision.Reason} (providers: {ListText(providers)})");

        int tx = HwTstamp.TxTypeFor(o.TimeStamping);
        if ((chosen.TxTypes & (1UL << tx)) == 0)
            throw new LinuxException($"{ifname}: provider {chosen.Describe()} does not offer tx type {HwTstamp.TxTypeName(tx)} that time_stamping {o.TimeStamping} needs (offers {Names(chosen.TxTypes, HwTstamp.TxTypeName)})");

        bool tsconfig = k.HasTsConfig && chosen.ProviderIndex is not null;
        if (!tsconfig && active >= 0 && active != chosen.PhcIndex)
            throw new LinuxException($"{ifname}: refusing hardware time stamping: policy hwts_provider {o.Provider} chose phc {chosen.PhcIndex}, but the kernel stamps with phc {active} and offers no TSCONFIG_SET (Linux 6.14+) to switch; SIOCSHWTSTAMP would configure phc {active}");
        TsConfigState configured = tsconfig
            ? ApplyNetlink(k, chosen, tx, o)
            : ApplyLegacy(k, tx, o.NetworkTransport, o.HwtsFilter, chosen);

        var reported = k.ReportedActive();
        string? problem = Verify(chosen, configured, reported, tx, o.NetworkTransport, tsconfig);
        if (problem is null && tsconfig && k.LegacyGet(out var ioctlView) == Errno.None
            && (ioctlView.TxType != configured.TxType || ioctlView.RxFilter != configured.RxFilter))
        {
            // Two kernel paths, one truth: SIOCGHWTSTAMP must see what TSCONFIG_GET says (the seeds' war story).
            problem = $"TSCONFIG_GET says tx {HwTstamp.TxTypeName(configured.TxType)}, rx {HwTstamp.RxFilterName(configured.RxFilter)} but SIOCGHWTSTAMP says tx {HwTstamp.TxTypeName(ioctlView.TxType)}, rx {HwTstamp.RxFilterName(ioctlView.RxFilter)}";
        }
        if (problem is not null)
            throw new LinuxException($"{ifname}: refusing hardware time stamping: {problem}");
        string path = tsconfig ? "TSCONFIG_SET/GET (netlink)" : "SIOCSHWTSTAMP/SIOCGHWTSTAMP (ioctl)";
        log?.Invoke($"{ifname}: hardware time stamping on phc {chosen.PhcIndex}: tx {HwTstamp.TxTypeName(configured.TxType)}, rx {HwTstamp.RxFilterName(configured.RxFilter)} via {path}; verified");
        return new HardwareTimestampingState(chosen.PhcIndex, chosen, configured, path, decision);
    }

    /// <summary>Every provider: the netlink dump, else the single ioctl answer.</summary>
    public static List<TimestampingInfo> ListProviders(EthtoolNetlink? nl, SafeSocketFd ioctlFd, string ifname, int ifindex, Action<string>? log)
    {
        if (nl is not null)
        {
            try
            {
                return nl.DumpTsInfo(ifindex);
            }
            catch (NetlinkException e)
            {
                log?.Invoke($"{ifname}: TSINFO_GET dump failed ({e.Message}); using the ETHTOOL_GET_TS_INFO ioctl");
            }
        }
        return [Ioctl(ioctlFd, ifname)];
    }

    internal static TimestampingInfo Ioctl(SafeSocketFd fd, string ifname)
    {
        var e = HwTstampIoctl.GetTsInfo(fd, ifname, out var info);
        if (e != Errno.None)
            throw new LinuxException($"{ifname}: ETHTOOL_GET_TS_INFO failed: {Interop.Describe(e)}", e);
        return info;
    }

    private static TsConfigState ApplyNetlink(IHwTimestampingKernel k, TimestampingInfo chosen, int tx, TransportOptions o)
    {
        var q = chosen.EffectiveQualifier;
        if (o.HwtsFilter == HwtsFilterMode.Check)
            return k.GetTsConfig();
        NetlinkException? last = null;
        foreach (int rx in HwTstamp.RxFilterFallbacks(o.NetworkTransport, o.HwtsFilter))
        {
            if ((chosen.RxFilters & (1UL << rx)) == 0 && rx != HwTstamp.FilterAll)
                continue;
            try
            {
                k.SetTsConfig(chosen.PhcIndex, q, tx, rx);
                var back = k.GetTsConfig();
                return back.RxFilter == HwTstamp.FilterSome ? back with { RxFilter = rx } : back;
            }
            catch (NetlinkException e) when (e.Errno is Errno.ERANGE or Errno.EINVAL)
            {
                last = e;
            }
            catch (NetlinkException e)
            {
                throw new LinuxException($"{k.IfName}: {e.Message}", e.Errno);
            }
        }
        throw new LinuxException($"{k.IfName}: no rx filter accepted by phc {chosen.PhcIndex} ({last?.Message ?? "none offered"})", last?.Errno ?? Errno.ERANGE);
    }

    /// <summary>SIOCSHWTSTAMP on a real interface (the ioctl path only).</summary>
    public static TsConfigState ApplyLegacy(SafeSocketFd fd, string ifname, int tx, NetworkTransport transport, HwtsFilterMode mode, TimestampingInfo? chosen)
    {
        using var k = new LinuxHwTimestampingKernel(fd, ifname, 0, null);
        return ApplyLegacy(k, tx, transport, mode, chosen);
    }

    /// <summary>
    /// The ioctl path (before 6.14): SIOCSHWTSTAMP reaches the kernel's active provider, so it is used only when
    /// that is the provider we chose. hwts_filter as linuxptp sk.c; the result is re-read.
    /// </summary>
    public static TsConfigState ApplyLegacy(IHwTimestampingKernel k, int tx, NetworkTransport transport, HwtsFilterMode mode, TimestampingInfo? chosen)
    {
        string ifname = k.IfName;
        TsConfigState st;
        Errno e;
        if (mode == HwtsFilterMode.Check)
        {
            e = k.LegacyGet(out st);
            if (e != Errno.None)
                throw Unsupported(ifname, "SIOCGHWTSTAMP", e);
            return st;
        }
        Errno lastErr = Errno.None;
        foreach (int rx in HwTstamp.RxFilterFallbacks(transport, mode))
        {
            if (chosen is not null && (chosen.RxFilters & (1UL << rx)) == 0 && rx != HwTstamp.FilterAll)
                continue;
            st = new TsConfigState { TxType = tx, RxFilter = rx, Origin = "ioctl" };
            e = k.LegacySet(ref st);
            if (e == Errno.None)
            {
                // Re-read: the setting is device-global and the driver may widen the filter.
                var ge = k.LegacyGet(out var back);
                var result = ge == Errno.None ? back : st;
                if (result.RxFilter == HwTstamp.FilterSome)
                    result = result with { RxFilter = rx };
                return result;
            }
            if (e is Errno.EOPNOTSUPP or Errno.EPERM)
                throw Unsupported(ifname, "SIOCSHWTSTAMP", e);
            lastErr = e;
        }
        throw Unsupported(ifname, "SIOCSHWTSTAMP", lastErr == Errno.None ? Errno.ERANGE : lastErr);
    }

    private static LinuxException Unsupported(string ifname, string call, Errno e) => e switch
    {
        Errno.EOPNOTSUPP or Errno.EINVAL => new LinuxException(
            $"{ifname}: {call} failed with {Interop.Describe(e)}: the driver has no hardware time stamping; use time_stamping software", e),
        Errno.EPERM => new LinuxException($"{ifname}: {call} failed with {Interop.Describe(e)}: needs CAP_NET_ADMIN", e),
        Errno.ERANGE => new LinuxException($"{ifname}: {call}: the driver accepts none of the PTP rx filters ({Interop.Describe(e)})", e),
        _ => new LinuxException($"{ifname}: {call} failed: {Interop.Describe(e)}", e),
    };

    /// <summary>
    /// The consistency rule (pure): the provider configured (TSCONFIG; the ioctl cannot say), the provider
    /// TSINFO reports as active, and the chosen one (whose PHC we read and steer) must be the same; tx type
    /// as asked; rx filter usable. Returns null when consistent, else the reason.
    /// </summary>
    public static string? Verify(TimestampingInfo chosen, TsConfigState configured, TimestampingInfo reported, int tx, NetworkTransport transport, bool viaNetlink)
    {
        if (viaNetlink && (configured.ProviderIndex != chosen.PhcIndex || configured.Qualifier != chosen.EffectiveQualifier))
            return $"provider configured is phc {configured.ProviderIndex} {configured.Qualifier.ToString().ToLowerInvariant()}, but we chose phc {chosen.PhcIndex} {chosen.EffectiveQualifier.ToString().ToLowerInvariant()}";
        if (reported.PhcIndex != chosen.PhcIndex)
            return $"the kernel reports phc {(reported.PhcIndex < 0 ? "none" : reported.PhcIndex.ToString(System.Globalization.CultureInfo.InvariantCulture))} as the active provider, but we would read and steer phc {chosen.PhcIndex}; the stamps would come from another clock than the one we advertise";
        if (configured.TxType != tx)
            return $"tx type is {HwTstamp.TxTypeName(configured.TxType)}, asked for {HwTstamp.TxTypeName(tx)}";
        if (!HwTstamp.RxFilterAcceptable(configured.RxFilter, HwTstamp.FilterPtpV2Event, transport))
            return $"rx filter is {HwTstamp.RxFilterName(configured.RxFilter)}, which does not stamp PTP event messages of this transport";
        return null;
    }

    internal static string Names(ulong mask, Func<int, string> name)
    {
        var parts = new List<string>();
        for (int i = 0; i < 64; i++)
            if ((mask & (1UL << i)) != 0)
                parts.Add(name(i));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static string ListText(List<TimestampingInfo> providers)
    {
        if (providers.Count == 0)
            return "none";
        var parts = new List<string>();
        foreach (var p in providers)
            parts.Add($"[{p.Describe()}; {Names(p.Timestamping, HwTstamp.SofName)}]");
        return string.Join(" ", parts);
    }
}
