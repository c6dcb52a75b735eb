using Ptp4Net.Host.Phc2Sys;
using Ptp4Net.Phc.Phc2Sys;
using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>Shared set-ups for the phc2sys simulations (simulated time only; no real clock is read or touched).</summary>
internal static class SimulationFixtures
{
    /// <summary>2026-03-15 12:00:00 UTC, ns: a day with no leap.</summary>
    public static readonly long Noon = new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000L;

    public const long S = 1_000_000_000L;

    /// <summary>phc2sys's servo: PI with kp 0.7, ki 0.3, -F 0.00002 s, -S 0 unless given.</summary>
    public static IPhc2SysServo Servo(double rateHz = 1.0, double firstStep = ServoOptions.DefaultFirstStepThreshold, double step = 0) =>
        ServoSupervisorAdapter.Create(new ServoOptions
        {
            PiProportionalConst = 0.7,
            PiIntegralConst = 0.3,
            FirstStepThreshold = firstStep,
            StepThreshold = step,
            PhcMaxAdjPpb = 500_000,
        }, rateHz);

    /// <summary>A NIC-like PHC keeping TAI: 37 s + 1.234567 ms ahead of the system clock, 12.5 ppm fast, EXTENDED readings.</summary>
    public static SimulatedPhcOptions TaiPhc(int seed = 7) => new()
    {
        InitialOffsetNs = 37 * S + 1_234_567,
        DriftPpb = 12_500,
        Extended = true,
        LatencyBeforeNs = 400,
        LatencyAfterNs = 250,
        JitterNs = 300,
        Seed = seed,
        MaxAdjPpb = 500_000,
        ClockName = "sim NIC PHC",
    };

    public static Phc2SysSimulation Scene(long start, SimulatedPhcOptions source, IUtcInfoProvider? utc, Phc2SysEngineOptions? engine = null,
        int utcOffset = 37, long targetOffsetNs = -2_500_000, long targetFreqErrorPpb = -30_000) =>
        Phc2SysSimulation.Create(start, source, targetOffsetNs, targetFreqErrorPpb, Servo(), engine ?? new Phc2SysEngineOptions(), utc, 5, utcOffset);

    public static FixedUtcInfoProvider DaemonLike(int offset = 37, int leap = 0) =>
        new(new UtcInfo(offset, leap, true, true, UtcOrigin.Daemon));
}
