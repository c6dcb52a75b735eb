namespace Ptp4Net.Phc.Clocks;

/// <summary>Where the emulated clock reads CLOCK_REALTIME from: injected so tests are deterministic.</summary>
public interface ITimeSource
{
    long RealtimeNanoseconds();
}

/// <summary>The real CLOCK_REALTIME (read only).</summary>
public sealed class SystemTimeSource : ITimeSource
{
    public static SystemTimeSource Instance { get; } = new();

    public long RealtimeNanoseconds() => Interop.Libc.RealtimeNanoseconds();
}
