using Ptp4Net.Phc.VmClock;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>Synthetic vmclock pages and page sources for tests.</summary>
internal static class VmClockPages
{
    /// <summary>A synchronized TAI page for a 2^31 Hz counter (period 2^41 units of 2^-(64+8) s: exact).</summary>
    public static VmClockPage Tai(ulong counterValue, ulong timeSec, ulong timeFrac = 0, short taiOffset = 37, VmClockLeapIndicator leap = VmClockLeapIndicator.None,
        uint seq = 10, ulong disruption = 1, VmClockStatus status = VmClockStatus.Synchronized) => new()
    {
        Size = 4096,
        Version = 1,
        CounterId = VmClockCounterId.X86Tsc,
        TimeType = VmClockTimeType.Tai,
        SeqCount = seq,
        DisruptionMarker = disruption,
        Flags = VmClockFlags.TaiOffsetValid | VmClockFlags.TimeMaxErrorValid,
        ClockStatus = status,
        TaiOffsetSec = taiOffset,
        LeapIndicator = leap,
        CounterPeriodShift = 8,
        CounterValue = counterValue,
        // 2^31 Hz: one tick is 2^-31 s = 2^33 units of 2^-64 s = 2^41 units of 2^-(64+8) s.
        CounterPeriodFracSec = 1UL << 41,
        TimeSec = timeSec,
        TimeFracSec = timeFrac,
        TimeMaxErrorNanosec = 1000,
    };

    public static byte[] Bytes(in VmClockPage page)
    {
        var b = new byte[4096];
        page.Write(b);
        return b;
    }
}

/// <summary>A page in memory; optionally the hypervisor updates it in the middle of a copy (a torn read).</summary>
internal sealed class MemoryPageSource(byte[] page) : IVmClockPageSource
{
    public byte[] Page { get; set; } = page;
    /// <summary>When set, the next full copy returns the first half of the current page and the second half of this
    /// one, and the page becomes this one (the update landed mid-copy).</summary>
    public byte[]? TearInto { get; set; }
    /// <summary>Pages to switch to on successive seq_count reads (to simulate an update in progress).</summary>
    public Queue<byte[]> OnSeqRead { get; } = new();
    public int FullReads { get; private set; }

    public int ReadAt(long offset, Span<byte> destination)
    {
        if (destination.Length == 4 && OnSeqRead.TryDequeue(out var next))
            Page = next;
        int n = (int)Math.Min(destination.Length, Page.Length - offset);
        if (destination.Length > 4)
        {
            FullReads++;
            if (TearInto is { } newer)
            {
                int half = n / 2;
                Page.AsSpan((int)offset, half).CopyTo(destination);
                newer.AsSpan((int)offset + half, n - half).CopyTo(destination[half..]);
                Page = newer;
                TearInto = null;
                return n;
            }
        }
        Page.AsSpan((int)offset, n).CopyTo(destination);
        return n;
    }
}
