using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Clocks;

/// <summary>How a PHC–system offset sample was taken.</summary>
public enum CrossTimestampMethod
{
    /// <summary>PTP_SYS_OFFSET_PRECISE: hardware cross-timestamp (PTM/ART, ptp_kvm, vmclock); no bracket.</summary>
    Precise,
    /// <summary>PTP_SYS_OFFSET_EXTENDED: system reads taken tightly around each PHC read by the driver.</summary>
    Extended,
    /// <summary>PTP_SYS_OFFSET: system, PHC, system, ... from the ioctl loop.</summary>
    Basic,
}
