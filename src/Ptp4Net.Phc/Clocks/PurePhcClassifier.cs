namespace Ptp4Net.Phc.Clocks;

/// <summary>
/// Tells a pure (read-only) PHC from a steerable one: ptp_kvm, vmclock, Hyper-V, VMware and cloud clocks
/// report max_adj 0 and refuse adjustment; their names give them away too (doc §7).
/// </summary>
public static class PurePhcClassifier
{
    /// <summary>null when steerable, else why not.</summary>
    public static string? ReadOnlyReason(in PhcCapabilities caps, string? clockName, bool openedWritable)
    {
        if (clockName is not null)
        {
            string n = clockName.Trim();
            if (n.StartsWith("KVM virtual PTP", StringComparison.OrdinalIgnoreCase) || n.Contains("ptp_kvm", StringComparison.OrdinalIgnoreCase))
                return $"clock_name '{n}': ptp_kvm, a pure time source of the hypervisor";
            if (n.StartsWith("vmclock", StringComparison.OrdinalIgnoreCase))
                return $"clock_name '{n}': vmclock, a pure time source of the hypervisor";
            if (n.Equals("hyperv", StringComparison.OrdinalIgnoreCase))
                return $"clock_name '{n}': Hyper-V host time, a pure time source";
            if (n.Contains("vmw", StringComparison.OrdinalIgnoreCase) || n.Contains("vmware", StringComparison.OrdinalIgnoreCase))
                return $"clock_name '{n}': VMware host time, a pure time source";
        }
        if (caps.MaxAdjPpb <= 0)
            return $"max_adj is {caps.MaxAdjPpb}: a pure (read-only) PHC{(clockName is null ? "" : $" '{clockName.Trim()}'")}";
        if (!openedWritable)
            return "the device was opened read-only (no write permission)";
        return null;
    }
}
