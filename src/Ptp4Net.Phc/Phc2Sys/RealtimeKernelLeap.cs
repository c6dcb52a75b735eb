using Ptp4Net.Phc.Clocks;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// The kernel's leap second and TAI offset on CLOCK_REALTIME (clock_adjtime ADJ_STATUS with STA_INS/STA_DEL,
/// ADJ_TAI; doc §5.2), as phc2sys's sysclk_set_leap / sysclk_set_tai_offset. Only the real phc2sys command with a
/// CLOCK_REALTIME target that the user asked to steer creates this; tests never do.
/// </summary>
public sealed class RealtimeKernelLeap : ILeapControl
{
    // timex.h values not (yet) named by the Linux layer's interop file.
    private const uint ADJ_STATUS = 0x10;
    private const uint ADJ_TAI = 0x80;
    private const int STA_INS = 0x10;
    private const int STA_DEL = 0x20;
    /// <summary>timex.constant (doc §5.2: i64 @48): ADJ_TAI takes the offset from it.</summary>
    private const int OffsetConstant = 48;

    public unsafe ClockResult SetLeap(int leap)
    {
        var tx = default(Timex);
        if (ClockAdjTime(CLOCK_REALTIME, &tx) < 0)
            return new ClockResult(ClockStatus.Failed, Interop.LastErrno());
        int status = tx.Status & ~(STA_INS | STA_DEL);
        status |= leap > 0 ? STA_INS : leap < 0 ? STA_DEL : 0;
        tx = new Timex { Modes = ADJ_STATUS, Status = status };
        return ClockAdjTime(CLOCK_REALTIME, &tx) < 0 ? new ClockResult(ClockStatus.Failed, Interop.LastErrno()) : ClockResult.Ok;
    }

    public unsafe ClockResult SetTaiOffset(int taiMinusUtc)
    {
        var tx = new Timex { Modes = ADJ_TAI };
        *(long*)((byte*)&tx + OffsetConstant) = taiMinusUtc;
        return ClockAdjTime(CLOCK_REALTIME, &tx) < 0 ? new ClockResult(ClockStatus.Failed, Interop.LastErrno()) : ClockResult.Ok;
    }
}
