namespace Ptp4Net.Phc.Clocks;

/// <summary>The real CLOCK_REALTIME (read only).</summary>
public sealed class SystemTimeSource : ITimeSource
{
    public static SystemTimeSource Instance { get; } = new();

    public long RealtimeNanoseconds() => Interop.Libc.RealtimeNanoseconds();
}
