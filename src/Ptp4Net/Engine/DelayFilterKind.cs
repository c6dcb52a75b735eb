namespace Ptp4Net.Engine;

/// <summary>linuxptp `delay_filter`.</summary>
public enum DelayFilterKind : byte
{
    MovingMedian,
    MovingAverage,
}
