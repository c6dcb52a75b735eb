using Ptp4Net.Engine;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// The engine's one-shot timers (one per port and <see cref="TimerKind"/>, as ptp4l's timerfds) in a flat array
/// of CLOCK_MONOTONIC expiry times; 0 is disarmed. A handful of ports times seven kinds: a linear scan is
/// cheaper than any heap, and nothing allocates after construction.
/// </summary>
public sealed class TimerTable
{
    private static readonly int Kinds = Enum.GetValues<TimerKind>().Length;
    private readonly long[] _expiry;

    public TimerTable(int ports) => _expiry = new long[ports * Kinds];

    public void Arm(int port, TimerKind kind, long expiryNs) => _expiry[port * Kinds + (int)kind] = Math.Max(1, expiryNs);

    public void Cancel(int port, TimerKind kind) => _expiry[port * Kinds + (int)kind] = 0;

    public bool IsArmed(int port, TimerKind kind) => _expiry[port * Kinds + (int)kind] != 0;

    /// <summary>The earliest expiry, or long.MaxValue when none is armed.</summary>
    public long Earliest()
    {
        long min = long.MaxValue;
        foreach (long e in _expiry)
            if (e != 0 && e < min) min = e;
        return min;
    }

    /// <summary>Takes (disarms) the earliest timer due at <paramref name="nowNs"/>; false when none is due.</summary>
    public bool TryTakeDue(long nowNs, out int port, out TimerKind kind)
    {
        int best = -1;
        for (int i = 0; i < _expiry.Length; i++)
        {
            long e = _expiry[i];
            if (e != 0 && e <= nowNs && (best < 0 || e < _expiry[best])) best = i;
        }
        if (best < 0)
        {
            port = -1;
            kind = default;
            return false;
        }
        _expiry[best] = 0;
        port = best / Kinds;
        kind = (TimerKind)(best % Kinds);
        return true;
    }
}
