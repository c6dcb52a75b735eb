using System.Text;

namespace Ptp4Net.Phc.Providers;

/// <summary>
/// Applies a <see cref="ProviderPolicy"/> to the providers TSINFO listed (pure). The point (bootlin's war
/// story): a precise MAC must not be silently swapped for a worse PHY, and we never steer one PHC while
/// another stamps.
/// </summary>
public static class ProviderSelector
{
    public static ProviderDecision Select(IReadOnlyList<TimestampingInfo> providers, ProviderPolicy policy, int activePhcIndex = -1)
    {
        var q = policy.Qualifier;
        TimestampingInfo? chosen = null;
        string reason;
        var hw = new List<TimestampingInfo>();
        foreach (var p in providers)
            if (p.IsHardwareCapable)
                hw.Add(p);

        if (hw.Count == 0)
        {
            reason = providers.Count == 0
                ? "the kernel listed no provider"
                : "no provider has hardware transmit, receive and raw-clock stamps with a PHC (use time_stamping software)";
            return new ProviderDecision(null, reason, Others(providers, null, q));
        }

        bool Wanted(TimestampingInfo p) => p.EffectiveQualifier == q;
        string qn = q.ToString().ToLowerInvariant();

        switch (policy.Selection)
        {
            case ProviderSelection.Phc:
                chosen = hw.Find(p => p.PhcIndex == policy.PhcIndex && Wanted(p));
                reason = chosen is not null
                    ? $"hwts_provider phc:{policy.PhcIndex} with hwts_qualifier {qn}"
                    : hw.Exists(p => p.PhcIndex == policy.PhcIndex)
                        ? $"phc {policy.PhcIndex} exists but not with qualifier {qn}"
                        : $"no provider with phc {policy.PhcIndex}";
                break;
            case ProviderSelection.Mac:
            case ProviderSelection.Phy:
                var layer = policy.Selection == ProviderSelection.Mac ? ProviderSource.Netdev : ProviderSource.Phylib;
                string ln = layer == ProviderSource.Netdev ? "MAC" : "PHY";
                chosen = hw.Find(p => p.Source == layer && Wanted(p));
                if (chosen is not null)
                    reason = $"hwts_provider {ln.ToLowerInvariant()} with hwts_qualifier {qn}";
                else if (hw.TrueForAll(p => p.Source == ProviderSource.Unknown))
                    reason = $"the kernel does not say which provider is the {ln} (HWTSTAMP_SOURCE needs Linux 6.16); name it with hwts_provider phc:N";
                else
                    reason = $"no {ln} provider with qualifier {qn}";
                break;
            default:
                chosen = hw.Find(p => p.Source == ProviderSource.Netdev && Wanted(p));
                if (chosen is not null)
                {
                    reason = $"auto: {qn} MAC provider preferred";
                    break;
                }
                var unknown = hw.FindAll(p => p.Source == ProviderSource.Unknown && Wanted(p));
                if (unknown.Count > 0)
                {
                    chosen = unknown.Find(p => p.PhcIndex == activePhcIndex) ?? unknown[0];
                    reason = unknown.Count == 1
                        ? $"auto: the only {qn} provider (the kernel does not say whether it is the MAC or a PHY)"
                        : $"auto: the kernel does not say which is the MAC; took the {(chosen.PhcIndex == activePhcIndex ? "active" : "first")} {qn} provider";
                    break;
                }
                chosen = hw.Find(p => p.Source == ProviderSource.Phylib && Wanted(p));
                reason = chosen is not null
                    ? $"auto: no {qn} MAC provider, so the {qn} PHY"
                    : $"auto: no provider with qualifier {qn} (set hwts_qualifier to accept another)";
                break;
        }
        return new ProviderDecision(chosen, reason, Others(providers, chosen, q));
    }

    private static List<(TimestampingInfo, string)> Others(IReadOnlyList<TimestampingInfo> providers, TimestampingInfo? chosen, ProviderQualifier q)
    {
        var list = new List<(TimestampingInfo, string)>();
        foreach (var p in providers)
        {
            if (ReferenceEquals(p, chosen))
                continue;
            string why = !p.IsHardwareCapable ? "no hardware stamping"
                : p.EffectiveQualifier != q ? $"qualifier {p.EffectiveQualifier.ToString().ToLowerInvariant()}"
                : chosen is null ? "not selected by hwts_provider"
                : p.Source == ProviderSource.Phylib && chosen.Source == ProviderSource.Netdev ? "a PHY; the MAC is preferred"
                : "not selected by hwts_provider";
            list.Add((p, why));
        }
        return list;
    }
}
