using Ptp4Net.DataSets;
using Ptp4Net.Engine;
using Ptp4Net.Servo;

namespace Ptp4Net.Simulation;

/// <summary>
/// The fixed scenarios of the accuracy report (issue 4). Common to all: the grandmaster's clock is ideal
/// (0 ppb, no offset: a GNSS-locked reference), the clock whose true offset is reported starts +50 ppm fast
/// and +1 ms ahead, the engine runs with ptp4l's defaults except the intervals named below, and the servo
/// is ptp4l's (PI or linreg, hardware- or software-stamp defaults). The probe samples the true offset 64
/// times a second. Lock time counts from the first servo sample (BMCA start-up excluded).
/// <list type="table">
/// <item><term>hw-ideal</term><description>GM → slave, E2E, 1 µs each way + gaussian σ 20 ns per direction,
/// stamps floored to 8 ns, logSyncInterval −4, logMinDelayReqInterval −4, hardware servo defaults, 120 s,
/// lock bound 100 ns.</description></item>
/// <item><term>sw-noisy</term><description>as hw-ideal but σ 5 µs (a frame is never delivered before it is
/// sent, but its timestamp follows the full gaussian: <see cref="LinkParameters.AcausalStamps"/>), 1 % of
/// messages delayed a further 200 µs, stamps at 1 ns, 1 Sync/s and 1 Delay_Req/s, software servo defaults, 1800 s, lock bound 20 µs.</description></item>
/// <item><term>wander</term><description>hw-ideal plus a random-walk frequency of 30 ppb/√s on the slave.</description></item>
/// <item><term>bc-chain-4</term><description>GM → BC1 → BC2 → BC3 → BC4 → client: four two-port boundary
/// clocks, five hw-ideal links; the BCs' oscillators are −30, +20, −10, +40 ppm with initial offsets of
/// −0.5, +0.3, −0.2, +0.7 ms; the client is the measured clock. 120 s, lock bound 100 ns.</description></item>
/// <item><term>failover</term><description>GM-A (priority1 100) and GM-B (priority1 110), both clockClass 6
/// with ideal clocks, and the slave on one shared hw-ideal segment (multicast). GM-A powers off at 60 s;
/// GM-B's PASSIVE port takes over after the announce receipt timeout. 180 s; offset measured against the
/// ideal timescale; the second half (90–180 s) is entirely after the failover. Lock bound 100 ns.</description></item>
/// <item><term>p2p-chain-3</term><description>GM → BC1 → BC2 → client, every port P2P (Pdelay every 1/16 s),
/// hw-ideal links and stamps, BCs at −30 and +20 ppm. 120 s, lock bound 100 ns.</description></item>
/// <item><term>loss-20</term><description>hw-ideal with 20 % of the messages lost in each direction. 120 s.</description></item>
/// <item><term>asymmetry-100ns</term><description>hw-ideal with master→slave 1050 ns and slave→master 950 ns
/// (100 ns asymmetry) and the slave's delayAsymmetry set to +50 ns, which corrects it (without it the
/// slave settles 50 ns behind; the scenario tests show both). 120 s.</description></item>
/// </list>
/// <see cref="EngineTweaks"/> says what the report changes from ptp4l's defaults (<c>--ptp4l-startup</c> on the
/// command line runs without those changes).
/// </summary>
public static class ReportScenarios
{
    public static readonly string[] Names =
        { "hw-ideal", "sw-noisy", "wander", "bc-chain-4", "failover", "p2p-chain-3", "loss-20", "asymmetry-100ns" };

    public const long Second = 1_000_000_000;
    private const long ProbePeriod = Second / 64;

    /// <summary>
    /// What the report changes from ptp4l's defaults to get ahead of ptp4l's start-up and outliers (all off in
    /// <see cref="Ptp4lDefaults"/>, which reproduces ptp4l's behaviour through this engine):
    /// <list type="bullet">
    /// <item><see cref="ResetDelayFilterOnStep"/>: the engine's option (not a linuxptp key) that empties the
    /// delay filter when the clock is stepped.</item>
    /// <item><see cref="HardwareDelayFilter"/>: `delay_filter` for the hardware-stamped scenarios (a linuxptp key;
    /// ptp4l's default is moving_median). moving_average is the efficient estimator for gaussian jitter; the
    /// software scenario keeps moving_median, which its 200 µs outliers need.</item>
    /// <item><see cref="OutlierDecorator"/>: offsets far outside the recent spread are not fed to the servo
    /// (<see cref="OutlierRejectingServo"/>). <see cref="RejectOutliers"/> without the decorator uses the
    /// engine's own filter (ClockOptions.RejectOffsetOutliers) instead.</item>
    /// </list>
    /// </summary>
    public sealed record EngineTweaks(bool ResetDelayFilterOnStep, DelayFilterKind HardwareDelayFilter = DelayFilterKind.MovingMedian,
        int DelayFilterLength = 10, bool RejectOutliers = false, bool OutlierDecorator = false)
    {
        public static EngineTweaks Ptp4lDefaults { get; } = new(false);
        public static EngineTweaks Improved { get; } = new(true, DelayFilterKind.MovingAverage, RejectOutliers: true, OutlierDecorator: true);

        /// <summary>The port options with this record's delay filter settings.</summary>
        public PortOptions Port(PortOptions p, bool softwareStamps = false) => p with
        {
            DelayFilter = softwareStamps ? DelayFilterKind.MovingMedian : HardwareDelayFilter,
            DelayFilterLength = DelayFilterLength,
        };
    }

    public static OscillatorParameters HwStamps(double ppb = 0, long offsetNs = 0) =>
        new() { FrequencyOffsetPpb = ppb, InitialOffsetNs = offsetNs, GranularityNs = 8 };

    public static LinkParameters HwLink(long delayNs = 1000) => new() { DelayNs = delayNs, JitterSigmaNs = 20 };

    public static PortOptions HwPort(DelayMechanism mechanism = DelayMechanism.E2E) => new()
    {
        LogSyncInterval = -4,
        LogMinDelayReqInterval = -4,
        LogMinPdelayReqInterval = -4,
        DelayMechanism = mechanism,
    };

    public static ServoOptions ServoFor(ServoType servo, bool software = false) =>
        new() { ClockServo = servo, SoftwareTimestamping = software };

    public static ClockOptions Clock(ServoOptions servo, EngineTweaks tweaks, byte priority1 = 128, bool slaveOnly = false, byte clockClass = 248) => new()
    {
        Priority1 = priority1,
        SlaveOnly = slaveOnly,
        ClockClass = clockClass,
        Servo = servo,
        ServoFactory = tweaks.OutlierDecorator ? OutlierRejectingServo.Wrap(() => SupervisedServo.Create(servo)) : null,
        RejectOffsetOutliers = tweaks.RejectOutliers && !tweaks.OutlierDecorator,
        ResetDelayFilterOnStep = tweaks.ResetDelayFilterOnStep,
    };

    public static ScenarioRun Build(string name, ServoType servo, ulong seed, EngineTweaks? tweaks = null)
    {
        tweaks ??= EngineTweaks.Improved;
        return name switch
        {
            "hw-ideal" => OneHop(name, servo, seed, tweaks),
            "wander" => OneHop(name, servo, seed, tweaks, wander: 30),
            "loss-20" => OneHop(name, servo, seed, tweaks, loss: 0.2),
            "asymmetry-100ns" => OneHop(name, servo, seed, tweaks, asymmetryNs: 100, correctAsymmetry: true),
            "sw-noisy" => SwNoisy(name, servo, seed, tweaks),
            "bc-chain-4" => Chain(name, servo, seed, tweaks, bcs: 4, DelayMechanism.E2E),
            "p2p-chain-3" => Chain(name, servo, seed, tweaks, bcs: 2, DelayMechanism.P2P),
            "failover" => Failover(name, servo, seed, tweaks),
            _ => throw new ArgumentException($"unknown scenario '{name}'", nameof(name)),
        };
    }

    /// <summary>GM → slave over one link, hw-ideal physics with the given variations.</summary>
    public static ScenarioRun OneHop(string name, ServoType servo, ulong seed, EngineTweaks tweaks,
        double wander = 0, double loss = 0, long asymmetryNs = 0, bool correctAsymmetry = false,
        bool twoStep = true, DelayMechanism mechanism = DelayMechanism.E2E, long durationNs = 120 * Second)
    {
        var so = ServoFor(servo);
        var net = new SimNetwork(seed);
        var gm = net.AddNode("gm", HwStamps(), Clock(so, tweaks, priority1: 100) with { TwoStepFlag = twoStep }, tweaks.Port(HwPort(mechanism)));
        var slavePort = tweaks.Port(HwPort(mechanism)) with { DelayAsymmetryNs = correctAsymmetry ? asymmetryNs / 2 : 0 };
        var sl = net.AddNode("slave", HwStamps(50_000, 1_000_000) with { WanderPpbPerSqrtSecond = wander },
            Clock(so, tweaks, slaveOnly: true), slavePort);
        var ms = HwLink(1000 + asymmetryNs / 2) with { LossProbability = loss };
        var sm = HwLink(1000 - asymmetryNs / 2) with { LossProbability = loss };
        net.Link(gm, 0, sl, 0, ms, sm);
        var probe = new OffsetProbe(net.World, sl.Clock, gm.Clock, ProbePeriod);
        net.StartAll();
        return new ScenarioRun(name, net, probe, durationNs, 100);
    }

    private static ScenarioRun SwNoisy(string name, ServoType servo, ulong seed, EngineTweaks tweaks)
    {
        var so = ServoFor(servo, software: true);
        var port = tweaks.Port(new PortOptions { LogSyncInterval = 0, LogMinDelayReqInterval = 0 }, softwareStamps: true);
        var osc = new OscillatorParameters { GranularityNs = 1 };
        var net = new SimNetwork(seed);
        var gm = net.AddNode("gm", osc, Clock(so, tweaks, priority1: 100), port);
        var sl = net.AddNode("slave", osc with { FrequencyOffsetPpb = 50_000, InitialOffsetNs = 1_000_000 }, Clock(so, tweaks, slaveOnly: true), port);
        // σ 5 µs around 1 µs: the timestamps see the whole gaussian (AcausalStamps), not one truncated at 0.
        var link = new LinkParameters { DelayNs = 1000, JitterSigmaNs = 5000, TailProbability = 0.01, TailFixedNs = 200_000, AcausalStamps = true };
        net.Link(gm, 0, sl, 0, link);
        var probe = new OffsetProbe(net.World, sl.Clock, gm.Clock, ProbePeriod);
        net.StartAll();
        return new ScenarioRun(name, net, probe, 1800 * Second, 20_000);
    }

    private static readonly double[] BcPpb = { -30_000, 20_000, -10_000, 40_000 };
    private static readonly long[] BcOffset = { -500_000, 300_000, -200_000, 700_000 };

    /// <summary>GM → <paramref name="bcs"/> two-port boundary clocks → client; the client is measured.</summary>
    public static ScenarioRun Chain(string name, ServoType servo, ulong seed, EngineTweaks tweaks, int bcs, DelayMechanism mechanism,
        long durationNs = 120 * Second, double loss = 0)
    {
        var so = ServoFor(servo);
        var net = new SimNetwork(seed);
        var port = tweaks.Port(HwPort(mechanism));
        var link = HwLink() with { LossProbability = loss };
        var gm = net.AddNode("gm", HwStamps(), Clock(so, tweaks, priority1: 100), port);
        SimNode previous = gm;
        for (int i = 0; i < bcs; i++)
        {
            var bc = net.AddNode($"bc{i + 1}", HwStamps(BcPpb[i % BcPpb.Length], BcOffset[i % BcOffset.Length]), Clock(so, tweaks), port, port);
            net.Link(previous, previous == gm ? 0 : 1, bc, 0, link);
            previous = bc;
        }
        var client = net.AddNode("client", HwStamps(50_000, 1_000_000), Clock(so, tweaks, slaveOnly: true), port);
        net.Link(previous, previous == gm ? 0 : 1, client, 0, link);
        var probe = new OffsetProbe(net.World, client.Clock, gm.Clock, ProbePeriod);
        net.StartAll();
        return new ScenarioRun(name, net, probe, durationNs, 100);
    }

    /// <summary>Two clockClass-6 grandmasters and a slave on one LAN; GM-A powers off at <paramref name="silentAtNs"/>.</summary>
    public static ScenarioRun Failover(string name, ServoType servo, ulong seed, EngineTweaks tweaks,
        long silentAtNs = 60 * Second, long durationNs = 180 * Second)
    {
        var so = ServoFor(servo);
        var net = new SimNetwork(seed);
        var port = tweaks.Port(HwPort());
        var gmA = net.AddNode("gmA", HwStamps(), Clock(so, tweaks, priority1: 100, clockClass: 6), port);
        var gmB = net.AddNode("gmB", HwStamps(), Clock(so, tweaks, priority1: 110, clockClass: 6), port);
        var sl = net.AddNode("slave", HwStamps(50_000, 1_000_000), Clock(so, tweaks, slaveOnly: true), port);
        net.Lan("lan", HwLink(), (gmA, 0), (gmB, 0), (sl, 0));
        gmA.PowerOffAt(silentAtNs);
        var probe = new OffsetProbe(net.World, sl.Clock, null, ProbePeriod);
        net.StartAll();
        return new ScenarioRun(name, net, probe, durationNs, 100);
    }
}
