using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Phc.Clocks;

/// <summary>Pure arithmetic of PHC access (unit-tested without a PHC).</summary>
public static class PhcMath
{
    /// <summary>ppb → timex.freq (scaled ppm: ppm × 2¹⁶; 1 ppb = 65.536).</summary>
    public static long PpbToScaledPpm(double ppb) => (long)Math.Round(ppb * 65.536, MidpointRounding.AwayFromZero);

    public static double ScaledPpmToPpb(long scaledPpm) => scaledPpm / 65.536;

    /// <summary>
    /// A timex for ADJ_SETOFFSET|ADJ_NANO: the step as {sec, nsec} with nsec in [0, 10⁹) and the sign on sec
    /// (−0.3 s = {−1, 700000000}).
    /// </summary>
    internal static Timex StepTimex(long ns)
    {
        long sec = Math.DivRem(ns, 1_000_000_000L, out long rem);
        if (rem < 0)
        {
            sec -= 1;
            rem += 1_000_000_000L;
        }
        return new Timex { Modes = ADJ_SETOFFSET | ADJ_NANO, TimeSec = sec, TimeUsecOrNsec = rem };
    }

    /// <summary>
    /// PTP_SYS_OFFSET's 2n+1 stamps (sys, phc, sys, …, sys): for each i the PHC read phc[2i+1] is bracketed by
    /// sys[2i] and sys[2i+2]; the sample with the narrowest bracket wins, its system time being the midpoint.
    /// </summary>
    public static bool TryBestOfBasic(ReadOnlySpan<long> stamps, out PhcSample best)
    {
        best = default;
        int n = (stamps.Length - 1) / 2;
        if (n < 1 || stamps.Length != 2 * n + 1)
            return false;
        long bestDelay = long.MaxValue;
        for (int i = 0; i < n; i++)
        {
            long before = stamps[2 * i], phc = stamps[2 * i + 1], after = stamps[2 * i + 2];
            long delay = after - before;
            if (delay < 0 || delay >= bestDelay)
                continue;
            bestDelay = delay;
            best = new PhcSample(phc, before + delay / 2, delay, CrossTimestampMethod.Basic);
        }
        return bestDelay != long.MaxValue;
    }

    /// <summary>PTP_SYS_OFFSET_EXTENDED's {pre, phc, post} triples: the narrowest bracket wins.</summary>
    public static bool TryBestOfExtended(ReadOnlySpan<long> triples, out PhcSample best)
    {
        best = default;
        if (triples.Length < 3 || triples.Length % 3 != 0)
            return false;
        long bestDelay = long.MaxValue;
        for (int i = 0; i < triples.Length; i += 3)
        {
            long pre = triples[i], phc = triples[i + 1], post = triples[i + 2];
            long delay = post - pre;
            if (delay < 0 || delay >= bestDelay)
                continue;
            bestDelay = delay;
            best = new PhcSample(phc, pre + delay / 2, delay, CrossTimestampMethod.Extended);
        }
        return bestDelay != long.MaxValue;
    }

    /// <summary>The best of several samples (any method): the narrowest bracket.</summary>
    public static bool TryBestOf(ReadOnlySpan<PhcSample> samples, out PhcSample best)
    {
        best = default;
        bool any = false;
        foreach (var s in samples)
        {
            if (!any || s.DelayNanoseconds < best.DelayNanoseconds)
            {
                best = s;
                any = true;
            }
        }
        return any;
    }
}
