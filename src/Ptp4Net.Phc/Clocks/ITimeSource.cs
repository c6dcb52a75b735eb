namespace Ptp4Net.Phc.Clocks;

/// <summary>Where the emulated clock reads CLOCK_REALTIME from: injected so tests are deterministic.</summary>
public interface ITimeSource
{
    long RealtimeNanoseconds();
}
