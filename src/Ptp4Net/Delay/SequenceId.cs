namespace Ptp4Net.Delay;

/// <summary>sequenceId arithmetic modulo 2^16 (7.3.7): "newer" means ahead by less than half the space.</summary>
public static class SequenceId
{
    /// <summary>Signed distance a − b in (−32768, 32767], wrapping at 65536.</summary>
    public static int Distance(ushort a, ushort b) => unchecked((short)(ushort)(a - b));

    public static bool IsNewer(ushort a, ushort b) => Distance(a, b) > 0;
}
