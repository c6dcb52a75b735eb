using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// UTC information carried by the vmclock page: tai_offset_sec when its flag says valid, and the leap indicator
/// (PRE_POS/PRE_NEG announce a leap at the end of the month; POS is the 23:59:60 second itself; POST_* after it).
/// </summary>
public sealed class VmClockUtcInfoProvider(VmClockSnapshotReader reader) : IUtcInfoProvider
{
    public UtcOrigin Origin => UtcOrigin.VmClock;

    public VmClockError LastError { get; private set; }

    public bool TryGet(out UtcInfo info)
    {
        if (!reader.TryRead(out var page, out var error))
        {
            LastError = error;
            info = default;
            return false;
        }
        info = From(page);
        return true;
    }

    /// <summary>The page's UTC information (pure).</summary>
    public static UtcInfo From(in VmClockPage page)
    {
        var (leap, scope) = page.LeapIndicator switch
        {
            VmClockLeapIndicator.PrePositive => (1, LeapScope.EndOfMonth),
            VmClockLeapIndicator.PreNegative => (-1, LeapScope.EndOfMonth),
            // Inside 23:59:60: the insertion is under way today.
            VmClockLeapIndicator.Positive => (1, LeapScope.EndOfDay),
            _ => (0, LeapScope.EndOfDay),
        };
        return new UtcInfo(
            page.TaiOffsetValid ? page.TaiOffsetSec : 0,
            leap,
            page.TaiOffsetValid,
            page.TaiOffsetValid && page.ClockStatus == VmClockStatus.Synchronized,
            UtcOrigin.VmClock,
            scope);
    }
}
