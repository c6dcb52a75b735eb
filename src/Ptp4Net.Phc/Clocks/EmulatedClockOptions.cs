namespace Ptp4Net.Phc.Clocks;

/// <summary>
/// Our config keys for labs without PTP hardware: <c>emulated_clock 1</c> replaces the port's clock by an
/// <see cref="EmulatedClock"/> starting <c>emulated_clock_offset_ns</c> away from CLOCK_REALTIME and running
/// <c>emulated_clock_freq_ppb</c> fast (its oscillator error, which the servo must learn).
/// </summary>
public sealed record EmulatedClockOptions
{
    /// <summary>emulated_clock (0/1).</summary>
    public bool EmulatedClock { get; init; }
    /// <summary>emulated_clock_offset_ns: initial offset from CLOCK_REALTIME.</summary>
    public long EmulatedClockOffsetNs { get; init; }
    /// <summary>emulated_clock_freq_ppb: oscillator error, ppb.</summary>
    public long EmulatedClockFreqPpb { get; init; }
    /// <summary>Largest |frequency adjustment| the servo may ask for, ppb (like a PHC's max_adj).</summary>
    public double MaxFrequencyPpb { get; init; } = 500_000;
}
