using System.Globalization;
using Ptp4Net.Engine;
using Ptp4Net.Servo;
using Ptp4Net.Simulation;

namespace Ptp4Net.Host;

/// <summary>
/// The "sim" role: the deterministic simulator (virtual time, seeded; never touches a real clock).
/// <list type="bullet">
/// <item><c>ptp4net sim</c>: a short demo, a grandmaster and a slave (+50 ppm, +1 ms) on a hardware-stamped link
/// with ptp4l's default intervals, printing ptp4l's log lines in virtual time.</item>
/// <item><c>ptp4net sim --report [--json]</c>: the accuracy report (issue 4) over the fixed scenarios, PI and linreg.</item>
/// </list>
/// </summary>
internal static class SimCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        bool report = false, json = false, ptp4lDefaults = false;
        int seeds = 5, seconds = 40;
        ulong seed = 1;
        string servo = "pi";
        string[]? scenarios = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (a)
            {
                case "--report": report = true; break;
                case "--json": json = true; break;
                case "--ptp4l-defaults": ptp4lDefaults = true; break;
                case "--seeds" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out seeds) && seeds > 0: break;
                case "--seconds" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds > 0: break;
                case "--seed" when ulong.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out seed): break;
                case "--servo" when Next() is "pi" or "linreg":
                    servo = args[i];
                    break;
                case "--scenario" when Next() is { } list:
                    scenarios = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "-h" or "--help":
                    Usage(stdout);
                    return 0;
                default:
                    stderr.WriteLine($"ptp4net sim: bad argument '{a}'");
                    Usage(stderr);
                    return 2;
            }
        }
        if (scenarios != null)
        {
            foreach (var s in scenarios)
            {
                if (Array.IndexOf(ReportScenarios.Names, s) < 0)
                {
                    stderr.WriteLine($"ptp4net sim: unknown scenario '{s}' (known: {string.Join(", ", ReportScenarios.Names)})");
                    return 2;
                }
            }
        }

        if (!report)
        {
            Demo(stdout, seed, servo == "linreg" ? ServoType.LinReg : ServoType.Pi, seconds);
            return 0;
        }
        var tweaks = ptp4lDefaults ? ReportScenarios.EngineTweaks.Ptp4lDefaults : ReportScenarios.EngineTweaks.Improved;
        var rows = ReportRunner.Run(scenarios, seeds, 0, tweaks);
        stdout.Write(json ? AccuracyReport.FormatJson(rows) + Environment.NewLine : AccuracyReport.FormatTable(rows));
        return 0;
    }

    private static void Usage(TextWriter o)
    {
        o.WriteLine("usage: ptp4net sim [--seconds N] [--seed S] [--servo pi|linreg]   demo: GM and slave, ptp4l log lines in virtual time");
        o.WriteLine("       ptp4net sim --report [--json] [--seeds N] [--scenario a,b,...] [--ptp4l-defaults]");
        o.WriteLine("         scenarios: " + string.Join(", ", ReportScenarios.Names));
        o.WriteLine("         --ptp4l-defaults: ptp4l's delay filter handling and no outlier rejection (for comparison)");
    }

    /// <summary>GM and slave with ptp4l's default intervals (1 Sync/s, 1 Delay_Req/s), hardware stamps.</summary>
    private static void Demo(TextWriter o, ulong seed, ServoType servo, int seconds)
    {
        var so = ReportScenarios.ServoFor(servo);
        var tweaks = ReportScenarios.EngineTweaks.Improved;
        var port = new PortOptions { Name = "eth0" };
        var net = new SimNetwork(seed);
        var gm = net.AddNode("gm", ReportScenarios.HwStamps(), ReportScenarios.Clock(so, tweaks, priority1: 100), port);
        var sl = net.AddNode("slave", ReportScenarios.HwStamps(50_000, 1_000_000), ReportScenarios.Clock(so, tweaks, slaveOnly: true), port);
        net.Link(gm, 0, sl, 0, ReportScenarios.HwLink());
        o.WriteLine($"# simulated: gm (ideal clock) and slave (+50 ppm, +1 ms), 1 us link with 20 ns jitter, 8 ns stamps, {servo} servo, seed {seed}");
        net.LogTo(o.WriteLine);
        net.StartAll();
        net.RunUntil(seconds * ReportScenarios.Second);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# after {seconds} s: true offset of the slave {sl.Clock.OffsetNs(net.Now) - gm.Clock.OffsetNs(net.Now):0.0} ns, rate error {sl.Clock.RateErrorPpb(net.Now):0.00} ppb"));
    }
}
