using Ptp4Net.Host;
using Ptp4Net.Host.Phc2Sys;
using Ptp4Net.Servo;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>The command line: phc2sys's option spelling, usage errors, and --simulate's figures. No real clock is adjusted:
/// only --simulate and targets that do not exist here are run.</summary>
public sealed class Phc2sysCommandTests(ITestOutputHelper output)
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = Phc2sysCommand.Run(args, o, e);
        return (rc, o.ToString(), e.ToString());
    }

    [Fact]
    public void Options_in_phc2sys_spelling()
    {
        var o = Phc2sysOptions.Parse(["-s", "eth0", "-c", "/dev/ptp1", "-O", "-37", "-R", "8", "-N", "40", "-P", "0.5", "-I", "0.2",
            "-E", "linreg", "-S", "0.5", "-F", "0.001", "-L", "1000", "-w", "-n", "24", "-z", "/run/x", "-x", "-m", "-q", "-l", "7",
            "--once", "--free-running", "--count", "3", "--emulated-offset-ns", "-5", "--emulated-freq-ppb", "100"], out var err);
        Assert.Null(err);
        Assert.NotNull(o);
        Assert.Equal("eth0", o.Source);
        Assert.Equal("/dev/ptp1", o.Target);
        Assert.Equal(-37, o.UtcOffset);
        Assert.Equal(8.0, o.Rate);
        Assert.Equal(25, o.Readings); // PTP_MAX_SAMPLES
        Assert.Equal((0.5, 0.2), (o.Kp, o.Ki));
        Assert.Equal(ServoType.LinReg, o.Servo);
        Assert.Equal((0.5, 0.001), (o.StepThreshold, o.FirstStepThreshold));
        Assert.Equal(1000, o.SanityFreqLimit);
        Assert.True(o.WaitForDaemon && o.Verbose && o.NoSyslog && o.Once && o.FreeRunning);
        Assert.False(o.KernelLeap);
        Assert.Equal((byte)24, o.DomainNumber);
        Assert.Equal("/run/x", o.UdsAddress);
        Assert.Equal(7, o.LogLevel);
        Assert.Equal(3, o.Count);
        Assert.Equal((-5L, 100L), (o.EmulatedOffsetNs, o.EmulatedFreqPpb));

        var servo = o.BuildServoOptions(250_000, 12);
        Assert.Equal((0.5, 0.2, 0.5, 0.001, 1000, 250_000, 12.0), (servo.PiProportionalConst, servo.PiIntegralConst, servo.StepThreshold,
            servo.FirstStepThreshold, servo.SanityFreqLimit, servo.PhcMaxAdjPpb, servo.InitialFrequencyPpb));
    }

    [Fact]
    public void Defaults_are_phc2sys_defaults()
    {
        var o = Phc2sysOptions.Parse(["-s", "/dev/ptp0", "-w"], out _)!;
        Assert.Equal("CLOCK_REALTIME", o.Target);
        Assert.Equal((1.0, 5, 0.7, 0.3, 0.0, 0.00002), (o.Rate, o.Readings, o.Kp, o.Ki, o.StepThreshold, o.FirstStepThreshold));
        Assert.Equal("/var/run/ptp4l", o.UdsAddress);
        Assert.True(o.KernelLeap);
    }

    [Theory]
    [InlineData("a source clock must be selected", "-O", "-37")]
    [InlineData("time offset must be specified using -w or -O", "-s", "/dev/ptp0")]
    [InlineData("unknown option -Z", "-Z")]
    [InlineData("option -R: 'fast' is not a rate > 0 Hz", "-s", "eth0", "-R", "fast")]
    [InlineData("option -E: 'nullf' is not pi or linreg", "-E", "nullf")]
    [InlineData("option -N needs a value", "-N")]
    public void Usage_errors(string message, params string[] args)
    {
        var (rc, _, err) = Run(args);
        Assert.Equal(2, rc);
        Assert.Contains(message, err);
    }

    [Fact]
    public void Missing_devices_fail_with_a_message_and_touch_nothing()
    {
        var (rc, _, err) = Run("-s", "/dev/ptp-none-here", "-c", "emulated", "-O", "-37");
        Assert.Equal(1, rc);
        Assert.Contains("not a PTP hardware clock", err);
        (rc, _, err) = Run("-s", "/dev/vmclock97", "-c", "emulated");
        Assert.Equal(1, rc);
        Assert.Contains("/dev/vmclock97", err);
        (rc, _, err) = Run("-s", "CLOCK_REALTIME", "-c", "emulated", "-O", "0");
        Assert.Equal(1, rc);
        Assert.Contains("CLOCK_REALTIME as the source is not supported", err);
    }

    [Fact]
    public void Simulate_prints_convergence_time_and_steady_offset()
    {
        var (rc, stdout, err) = Run("--simulate");
        output.WriteLine(stdout);
        Assert.True(rc == 0, err);
        Assert.Matches(@"convergence \(\|true offset\| <= 1000 ns for good\) [0-9.]+ s", stdout);
        Assert.Matches(@"steady state \(last half\): rms [0-9.]+ ns, mean -?[0-9.]+ ns, max \|offset\| [0-9]+ ns", stdout);
        // Without a start-up step (-F 0) the PI pulls the 3.7 ms in by itself, more slowly.
        (rc, stdout, _) = Run("--simulate", "-F", "0", "--sim-updates", "300");
        output.WriteLine(stdout);
        Assert.Equal(0, rc);
        Assert.Contains("steps 0", stdout);
    }

    [Fact]
    public void Simulate_verbose_prints_phc2sys_lines()
    {
        var (rc, stdout, _) = Run("--simulate", "-m", "--sim-updates", "5");
        Assert.Equal(0, rc);
        var lines = stdout.Split('\n').Where(l => l.StartsWith("phc2sys[", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Contains(" s0 ", lines[0]);
        Assert.Contains(" s1 ", lines[1]);
        Assert.Contains(" s2 ", lines[4]);
    }
}
