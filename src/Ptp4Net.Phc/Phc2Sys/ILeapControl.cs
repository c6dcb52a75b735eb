using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// A target that applies a leap second itself at its own UTC midnight once told (the kernel's STA_INS/STA_DEL on
/// CLOCK_REALTIME; <see cref="KernelLeapClock"/> for the emulated target), and keeps a TAI offset (ADJ_TAI).
/// </summary>
public interface ILeapControl
{
    /// <summary>+1 insert 23:59:60, −1 delete 23:59:59, 0 disarm.</summary>
    ClockResult SetLeap(int leap);

    ClockResult SetTaiOffset(int taiMinusUtc);
}
