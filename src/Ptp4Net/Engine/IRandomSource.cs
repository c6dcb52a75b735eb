namespace Ptp4Net.Engine;

/// <summary>Injected randomness (the core never creates an unseeded Random). Used for the Delay_Req interval
/// randomisation (9.5.11.2) and the announce receipt timeout spread.</summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed value in [0, 1).</summary>
    double NextDouble();
}

/// <summary>A small deterministic generator (SplitMix64) for when the host has no preference; same seed, same run.</summary>
public sealed class SeededRandomSource : IRandomSource
{
    private ulong _state;

    public SeededRandomSource(ulong seed) => _state = seed;

    public double NextDouble()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
