using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Clocks;

/// <summary>One PHC reading paired with CLOCK_REALTIME: Offset = Phc − System; Delay = width of the bracket.</summary>
public readonly record struct PhcSample(long PhcNanoseconds, long SystemNanoseconds, long DelayNanoseconds, CrossTimestampMethod Method)
{
    public long OffsetNanoseconds => PhcNanoseconds - SystemNanoseconds;
}
