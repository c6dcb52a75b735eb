namespace Ptp4Net.Delay;

/// <summary>
/// The delay and offset arithmetic of IEEE 1588-2019 11.3 (E2E), 11.4 (P2P) and 11.6 (delayAsymmetry), in
/// nanoseconds with corrections in scaled nanoseconds (2^-16 ns) so sub-nanosecond corrections are not lost
/// before the final rounding. Timestamp differences are passed in (they are small), never absolute times.
/// </summary>
public static class DelayCalculator
{
    private const int Scale = 16;

    /// <summary>
    /// E2E mean path delay (11.3.2): [(t2 − t3) + (t4 − t1) − c1 − c2] / 2 where c1 is the Sync (+ Follow_Up)
    /// correctionField and c2 the Delay_Resp correctionField. Asymmetry cancels out of the mean.
    /// </summary>
    /// <param name="t2MinusT3Ns">Sync receipt minus Delay_Req transmission, local clock.</param>
    /// <param name="t4MinusT1Ns">Delay_Req receipt minus Sync origin, master clock.</param>
    public static long E2EMeanPathDelay(long t2MinusT3Ns, long t4MinusT1Ns, long c1Scaled, long c2Scaled)
    {
        Int128 scaled = ((Int128)(t2MinusT3Ns + t4MinusT1Ns) << Scale) - c1Scaled - c2Scaled;
        return RoundHalf(scaled);
    }

    /// <summary>
    /// Offset from master (11.3.2, 11.6): (t2 − t1) − c1 − meanPathDelay − delayAsymmetry, where delayAsymmetry is
    /// positive when the master-to-slave direction is longer.
    /// </summary>
    public static long OffsetFromMaster(long t2MinusT1Ns, long c1Scaled, long meanPathDelayNs, long delayAsymmetryNs)
    {
        Int128 scaled = ((Int128)(t2MinusT1Ns - meanPathDelayNs - delayAsymmetryNs) << Scale) - c1Scaled;
        return RoundDiv(scaled, 1);
    }

    /// <summary>
    /// P2P mean link delay (11.4.2): [(t4 − t1) · r − (t3 − t2) − c] / 2 with r the neighbour rate ratio and c the
    /// sum of the Pdelay_Resp and Pdelay_Resp_Follow_Up correctionFields.
    /// </summary>
    public static long P2PMeanLinkDelay(long t4MinusT1Ns, long t3MinusT2Ns, long correctionScaled, double neighborRateRatio)
    {
        double t41 = t4MinusT1Ns * neighborRateRatio;
        double v = (t41 - t3MinusT2Ns - correctionScaled / 65536.0) / 2.0;
        return (long)Math.Round(v, MidpointRounding.AwayFromZero);
    }

    private static long RoundHalf(Int128 scaled) => RoundDiv(scaled, 2);

    // Divides a 2^-16 ns quantity by d and rounds to the nearest ns (ties away from zero).
    private static long RoundDiv(Int128 scaled, int d)
    {
        Int128 den = (Int128)d << Scale;
        Int128 half = den / 2;
        Int128 q = scaled >= 0 ? (scaled + half) / den : -((-scaled + half) / den);
        return (long)q;
    }
}
