using Ptp4Net.Bmca;
using Ptp4Net.Configuration;
using Ptp4Net.DataSets;
using Ptp4Net.Engine;
using TimeStampingMode = Ptp4Net.Phc.Transport.TimeStampingMode;
using Ptp4Net.Host.Daemon;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Daemon;

public class DaemonConfigMapperTests
{
    private static DaemonSettings Map(string[] args, string? file = null)
    {
        var inv = Ptp4lCommandLine.Parse(args, file is null ? null : (c, name) => c.Read(new StringReader(file), name));
        Assert.Equal(Ptp4lAction.Run, inv.Action);
        var s = DaemonConfigMapper.Map(inv, out var errors);
        Assert.True(s is not null, string.Join("\n", errors));
        return s!;
    }

    private static IReadOnlyList<string> Errors(string[] args, string? file = null)
    {
        var inv = Ptp4lCommandLine.Parse(args, file is null ? null : (c, name) => c.Read(new StringReader(file), name));
        Assert.Equal(Ptp4lAction.Run, inv.Action);
        Assert.Null(DaemonConfigMapper.Map(inv, out var errors));
        return errors;
    }

    [Fact]
    public void Defaults_are_ptp4ls()
    {
        var s = Map(["-i", "eth0"]);
        var c = s.Clock;
        Assert.Equal(128, c.Priority1);
        Assert.Equal(128, c.Priority2);
        Assert.Equal(0, c.DomainNumber);
        Assert.Equal(248, c.ClockClass);
        Assert.Equal(0xFFFF, c.OffsetScaledLogVariance);
        Assert.False(c.SlaveOnly);
        Assert.True(c.TwoStepFlag);
        Assert.False(c.FreeRunning);
        Assert.Equal(DatasetComparisonKind.Ieee1588, c.DatasetComparison);
        Assert.Equal(255, c.MaxStepsRemoved);

        var p = Assert.Single(s.Ports);
        Assert.Equal("eth0", p.Name);
        Assert.Equal(1, p.LogAnnounceInterval);
        Assert.Equal(3, p.AnnounceReceiptTimeout);
        Assert.Equal(0, p.LogSyncInterval);
        Assert.Equal(0, p.LogMinDelayReqInterval);
        Assert.Equal(DelayMechanism.E2E, p.DelayMechanism);
        Assert.Equal(DelayFilterKind.MovingMedian, p.DelayFilter);
        Assert.Equal(10, p.DelayFilterLength);
        Assert.Equal(4, p.FaultResetInterval);
        Assert.Equal(20_000_000, p.NeighborPropDelayThreshNs);

        var t = Assert.Single(s.Transports);
        Assert.Equal(NetworkTransport.UdpV4, t.NetworkTransport);
        Assert.Equal(TimeStampingMode.Hardware, t.TimeStamping);
        Assert.Equal(10, t.TxTimestampTimeoutMs);
        Assert.Equal(1, t.UdpTtl);

        Assert.Equal(ServoType.Pi, s.Servo.ClockServo);
        Assert.Equal(0.00002, s.Servo.FirstStepThreshold);
        Assert.Equal(0.0, s.Servo.StepThreshold);
        Assert.False(s.Servo.SoftwareTimestamping);
        Assert.Equal("/var/run/ptp4l", s.UdsAddress);
        Assert.Equal("/var/run/ptp4lro", s.UdsRoAddress);
        Assert.Equal(6, s.LoggingLevel);
        Assert.True(s.UseSyslog);
        Assert.False(s.Verbose);
        Assert.False(s.Emulated.EmulatedClock);
        Assert.Equal(-1, s.PhcIndex);
        Assert.Empty(s.Warnings);
    }

    [Fact]
    public void Flags_map_to_transport_stamping_delay_and_logging()
    {
        var s = Map(["-i", "eth0", "-S", "-6", "-P", "-s", "-m", "-q", "-l", "7"]);
        Assert.Equal(TimeStampingMode.Software, s.TimeStamping);
        Assert.Equal(TimeStampingMode.Software, s.Transports[0].TimeStamping);
        Assert.Equal(Ptp4Net.Engine.TimeStampingMode.Software, s.Ports[0].TimeStamping);
        Assert.Equal(NetworkTransport.UdpV6, s.Transports[0].NetworkTransport);
        Assert.Equal(DelayMechanism.P2P, s.Ports[0].DelayMechanism);
        Assert.True(s.Clock.SlaveOnly);
        Assert.Equal(255, s.Clock.ClockClass); // a client-only clock announces class 255
        Assert.True(s.Servo.SoftwareTimestamping);
        Assert.True(s.Verbose);
        Assert.False(s.UseSyslog);
        Assert.Equal(7, s.LoggingLevel);
    }

    [Fact]
    public void Interface_sections_override_global_per_port()
    {
        const string file = """
            [global]
            logSyncInterval -3
            network_transport L2
            priority1 77
            [eth1]
            logSyncInterval 2
            delay_mechanism P2P
            """;
        var s = Map(["-f", "x.cfg", "-i", "eth0", "-i", "eth1", "-S"], file);
        Assert.Equal(77, s.Clock.Priority1);
        Assert.Equal(2, s.Ports.Count);
        Assert.Equal(-3, s.Ports[0].LogSyncInterval);
        Assert.Equal(2, s.Ports[1].LogSyncInterval);
        Assert.Equal(DelayMechanism.E2E, s.Ports[0].DelayMechanism);
        Assert.Equal(DelayMechanism.P2P, s.Ports[1].DelayMechanism);
        Assert.All(s.Transports, t => Assert.Equal(NetworkTransport.L2, t.NetworkTransport));
    }

    [Fact]
    public void Servo_keys_and_our_emulated_clock_keys()
    {
        var s = Map(["-i", "eth0", "-S", "--clock_servo", "linreg", "--step_threshold", "0.5", "--first_step_threshold", "0.001",
            "--max_frequency", "1000", "--emulated_clock", "1", "--emulated_clock_offset_ns", "-50000",
            "--emulated_clock_freq_ppb", "20000", "--free_running", "1", "--summary_interval", "3",
            "--uds_address", "/tmp/x/ptp4l", "--tx_timestamp_timeout", "25"]);
        Assert.Equal(ServoType.LinReg, s.Servo.ClockServo);
        Assert.Equal(0.5, s.Servo.StepThreshold);
        Assert.Equal(0.001, s.Servo.FirstStepThreshold);
        Assert.Equal(1000, s.Servo.MaxFrequency);
        Assert.True(s.Emulated.EmulatedClock);
        Assert.Equal(-50_000, s.Emulated.EmulatedClockOffsetNs);
        Assert.Equal(20_000, s.Emulated.EmulatedClockFreqPpb);
        Assert.True(s.FreeRunning);
        Assert.True(s.Clock.FreeRunning);
        Assert.Equal(3, s.SummaryInterval);
        Assert.Equal("/tmp/x/ptp4l", s.UdsAddress);
        Assert.Equal(25, s.Transports[0].TxTimestampTimeoutMs);
    }

    [Fact]
    public void Software_stamped_and_emulated_clocks_keep_utc_hardware_keeps_tai()
    {
        // ptp4l's clock.c: CLOCK_REALTIME (software stamps) is on the UTC timescale, a PHC on PTP's.
        Assert.True(Map(["-i", "eth0", "-S"]).Clock.UtcTimescale);
        Assert.True(Map(["-i", "eth0", "-S", "--emulated_clock", "1"]).Clock.UtcTimescale);
        Assert.False(Map(["-i", "eth0", "-H"]).Clock.UtcTimescale);
    }

    [Fact]
    public void Accuracy_keys_reach_the_engine_and_the_servo()
    {
        var plain = Map(["-i", "eth0", "-S"]);
        Assert.False(plain.Clock.RejectOffsetOutliers);
        Assert.False(plain.Clock.PerExchangeOffset);
        var s = Map(["-i", "eth0", "-S", "--reject_offset_outliers", "1", "--per_exchange_offset", "1",
            "--estimate_rate_from_sync", "1", "--pi_adaptive_gain", "1", "--linreg_max_points", "256"]);
        Assert.True(s.Clock.RejectOffsetOutliers);
        Assert.True(s.Clock.PerExchangeOffset);
        Assert.True(s.Clock.EstimateRateFromSync);
        Assert.True(s.Servo.PiAdaptiveGain);
        Assert.Equal(256, s.Servo.LinRegMaxPoints);
        Assert.Contains(Errors(["-i", "eth0", "-S", "--linreg_max_points", "100"]), e => e.Contains("linreg_max_points"));
    }

    [Fact]
    public void One_step_hardware_clears_two_step()
    {
        var s = Map(["-i", "eth0", "--twoStepFlag", "0"]);
        Assert.Equal(TimeStampingMode.OneStep, s.TimeStamping);
        Assert.False(s.Clock.TwoStepFlag);
    }

    [Fact]
    public void Phc_from_the_command_line()
    {
        Assert.Equal(3, Map(["-i", "eth0", "-p", "/dev/ptp3"]).PhcIndex);
        Assert.Contains(Errors(["-i", "eth0", "-p", "/dev/sda"]), e => e.Contains("bad ptp device string", StringComparison.Ordinal));
    }

    [Fact]
    public void Refused_features_are_errors_naming_the_feature()
    {
        var errors = Errors(["-i", "eth0", "-i", "eth1", "--clock_type", "P2P_TC"]);
        Assert.Contains(errors, e => e.Contains("transparent clock", StringComparison.Ordinal) && e.Contains("clock_type", StringComparison.Ordinal));
        Assert.Contains(Errors(["-i", "eth0", "--unicast_listen", "1"]), e => e.Contains("unicast", StringComparison.Ordinal));
    }

    [Fact]
    public void Emulated_clock_needs_software_stamps()
    {
        var errors = Errors(["-i", "eth0", "--emulated_clock", "1"]);
        Assert.Contains(errors, e => e.Contains("emulated_clock", StringComparison.Ordinal) && e.Contains("software", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_implemented_keys_give_one_warning_each()
    {
        const string file = """
            [global]
            kernel_leap 0
            [eth0]
            inhibit_announce 1
            [eth1]
            inhibit_announce 1
            """;
        var s = Map(["-f", "w.cfg", "-i", "eth0", "-i", "eth1"], file);
        Assert.Equal(2, s.Warnings.Count);
        Assert.Single(s.Warnings, w => w.Contains("kernel_leap", StringComparison.Ordinal));
        Assert.Single(s.Warnings, w => w.Contains("inhibit_announce", StringComparison.Ordinal));
    }
}
