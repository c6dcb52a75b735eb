using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// Refuses targets phc2sys must not steer. A pure PHC (ptp_kvm, vmclock, Hyper-V, VMware, cloud clocks: max_adj 0,
/// adjustment refused, doc §7) is a time source only: it reflects the hypervisor's time and cannot be disciplined.
/// </summary>
public static class Phc2SysTargetPolicy
{
    /// <summary>Null when <paramref name="target"/> may be used; else the error to print.</summary>
    public static string? RefusalReason(IPtpClock target, bool measureOnly)
    {
        ArgumentNullException.ThrowIfNull(target);
        string? pure = target switch
        {
            PhcClock phc => PurePhcClassifier.ReadOnlyReason(phc.Capabilities, phc.ClockName, openedWritable: true),
            SimulatedPhc sim => sim.PureReason,
            _ => null,
        };
        if (pure is not null)
            return Message(target.Name, pure);
        if (!measureOnly && !target.CanSteer)
            return $"{target.Name} cannot be the phc2sys target: {target.ReadOnlyReason}";
        return null;
    }

    /// <summary>The same check from a PHC's capabilities and clock_name (before opening a target, and for tests).</summary>
    public static string? RefusalReason(string name, in PhcCapabilities caps, string? clockName)
    {
        string? pure = PurePhcClassifier.ReadOnlyReason(caps, clockName, openedWritable: true);
        return pure is null ? null : Message(name, pure);
    }

    private static string Message(string name, string why) =>
        $"{name} cannot be the phc2sys target: {why}. A pure PHC is a time source only; use it with -s";
}
