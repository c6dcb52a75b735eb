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
        output.WriteLine("t<100ns = time after which |true offset| stays < 100 ns to the end of the run;");
        output.WriteLine("first<100ns = first time |true offset| < 100 ns; RMS/max = true offset over the second half of the run");
        output.WriteLine(string.Format(ci, "{0,-30} {1,-7} {2,6} {3,12} {4,12} {5,10} {6,10}",
            "scenario", "servo", "steps", "first<100ns", "t<100ns", "RMS ns", "max ns"));
        foreach (var s in new[] { LoopScenario.SoftwareIsh, LoopScenario.HardwareIsh })
        {
            foreach (var type in new[] { ServoType.Pi, ServoType.LinReg })
            {
                var trace = ClosedLoop.Run(ClosedLoop.OptionsFor(type, s), s, Seed);
                double half = s.DurationS / 2;
                output.WriteLine(string.Format(ci, "{0,-30} {1,-7} {2,6} {3,10:F2} s {4,10:F2} s {5,10:F1} {6,10:F1}",
                    s.Name, type, trace.Steps, trace.FirstBelowS(100), trace.SettlingTimeS(100),
                    trace.RmsFrom(half), trace.MaxAbsFrom(half)));
            }
        }
    }
}
