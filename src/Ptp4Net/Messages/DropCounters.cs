namespace Ptp4Net.Messages;

/// <summary>
/// Counts rejected messages by <see cref="ParseError"/>. One array indexed by the enum, allocated once; counting
/// allocates nothing. Not thread-safe: one instance per receive loop (or per port).
/// </summary>
public sealed class DropCounters
{
    private static readonly int Size = Enum.GetValues<ParseError>().Length;
    private readonly ulong[] _counts = new ulong[Size];

    /// <summary>Counts a rejection; <see cref="ParseError.None"/> is not a rejection and is ignored.</summary>
    public void Count(ParseError reason)
    {
        uint i = (uint)reason;
        if (i != 0 && i < (uint)_counts.Length) _counts[i]++;
    }

    public ulong this[ParseError reason] => (uint)reason < (uint)_counts.Length ? _counts[(int)reason] : 0;

    public ulong Total
    {
        get
        {
            ulong t = 0;
            for (int i = 1; i < _counts.Length; i++) t += _counts[i];
            return t;
        }
    }

    public void Reset() => Array.Clear(_counts);
}
