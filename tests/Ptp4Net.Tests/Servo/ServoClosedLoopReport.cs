using System.Globalization;
using Ptp4Net.Servo;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Servo;

/// <summary>
/// Prints the figures for the servo note and asserts their bounds:
/// <c>dotnet test --filter "FullyQualifiedName~ServoClosedLoopReport" --logger "console;verbosity=detailed"</c>.
/// </summary>
public class ServoClosedLoopReport(ITestOutputHelper output)
{
    private const int Seed = 1588;

    [Fact]
    public void Settling_time_and_rms_for_pi_and_linreg()
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine("clock model: +50 ppm oscillator, 1 ms initial offset, white Gaussian offset noise, seed " + Seed);
        output.WriteLine("  sw-ish: 1 Sync/s, sigma 500 ns, software PI gains (kp 0.1, ki 0.001), 1800 s");
        output.WriteLine("  hw-ish: 16 Sync/s, sigma 20 ns, hardware PI gains (kp 1.608, ki 0.0990 at 1/16 s), 600 s");
        output.WriteLine("first<100ns: first time |true offset| < 100 ns;");
        output.WriteLine("stays<100ns: time from which |true offset| stays < 100 ns to the end (never: exceeded in the last tenth);");
        output.WriteLine("RMS, max: |true offset| over the second half of the run.");
        output.WriteLine(string.Format(ci, "{0,-8} {1,-7} {2,6} {3,13} {4,13} {5,9} {6,9}",
            "scenario", "servo", "steps", "first<100ns", "stays<100ns", "RMS ns", "max ns"));

        var rms = new Dictionary<(string, ServoType), double>();
        var first = new Dictionary<(string, ServoType), double>();
        foreach (var (label, s) in new[] { ("sw-ish", LoopScenario.SoftwareIsh), ("hw-ish", LoopScenario.HardwareIsh) })
        {
            foreach (var type in new[] { ServoType.Pi, ServoType.LinReg })
            {
                var trace = ClosedLoop.Run(ClosedLoop.OptionsFor(type, s), s, Seed);
                double half = s.DurationS / 2;
                double stays = trace.SettlingTimeS(100);
                output.WriteLine(string.Format(ci, "{0,-8} {1,-7} {2,6} {3,11:F2} s {4,13} {5,9:F1} {6,9:F1}",
                    label, type, trace.Steps, trace.FirstBelowS(100),
                    double.IsNaN(stays) ? "never" : stays.ToString("F2", ci) + " s",
                    trace.RmsFrom(half), trace.MaxAbsFrom(half)));

                Assert.Equal(1, trace.Steps);
                rms[(label, type)] = trace.RmsFrom(half);
                first[(label, type)] = trace.FirstBelowS(100);
            }
        }

        // Bounds (from the noise: a PI with kp·T = 0.1 leaves about 0.23 σ RMS).
        Assert.True(rms[("hw-ish", ServoType.Pi)] < 10);
        Assert.True(rms[("hw-ish", ServoType.LinReg)] <= rms[("hw-ish", ServoType.Pi)]);
        Assert.True(first[("hw-ish", ServoType.Pi)] < 2 && first[("hw-ish", ServoType.LinReg)] < 2);
        Assert.True(rms[("sw-ish", ServoType.Pi)] < 150);
        Assert.True(rms[("sw-ish", ServoType.LinReg)] <= 1.15 * rms[("sw-ish", ServoType.Pi)]);
        Assert.True(first[("sw-ish", ServoType.LinReg)] < first[("sw-ish", ServoType.Pi)]);
        Assert.True(first[("sw-ish", ServoType.Pi)] < 120);
    }
}
