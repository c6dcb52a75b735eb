using Ptp4Net.Tests.Infrastructure;
using Ptp4Net.Engine;
using Ptp4Net.Host.Daemon;

namespace Ptp4Net.Tests.Daemon;

public class DaemonLogTests
{
    private static string Body(string line)
    {
        Assert.True(DaemonProcess.TryParsePrefix(line, out _, out var text), line);
        return text;
    }

    private static string One(Action<DaemonLog> build, int level = DaemonLog.Info, int filter = DaemonLog.Info)
    {
        var w = new StringWriter();
        using var log = new DaemonLog(w, verbose: true, useSyslog: false, level: filter);
        if (log.Begin(level))
        {
            build(log);
            log.Commit();
        }
        return w.ToString();
    }

    [Fact]
    public void Prefix_is_program_and_monotonic_seconds_with_milliseconds()
    {
        string line = One(l => l.Append("hello")).TrimEnd('\n');
        Assert.Matches(@"^ptp4net\[\d+\.\d{3}\]: hello$", line);
        Assert.True(DaemonProcess.TryParsePrefix(line, out double t, out _));
        double now = DaemonLog.MonotonicNs() / 1e9;
        Assert.InRange(t, now - 5, now + 0.001);
    }

    [Theory]
    // clock.c: "master offset %10lld s%d freq %+7.0f path delay %9lld"; expected texts from printf.
    [InlineData(-12L, 2, 345.4, 678L, "master offset        -12 s2 freq    +345 path delay       678")]
    [InlineData(1234567L, 0, 0.0, -5L, "master offset    1234567 s0 freq      +0 path delay        -5")]
    [InlineData(0L, 1, -20345.5, 3734L, "master offset          0 s1 freq  -20346 path delay      3734")]
    [InlineData(5L, 2, 2.5, 1L, "master offset          5 s2 freq      +2 path delay         1")]
    [InlineData(5L, 2, -0.4, 1L, "master offset          5 s2 freq      +0 path delay         1")]
    public void Servo_line_matches_printf(long offset, int state, double freq, long delay, string expected)
    {
        string line = One(l => l.Append("master offset ").AppendPadded(offset, 10).Append(" s").Append(state)
            .Append(" freq ").AppendFixed0(freq, 7, plus: true).Append(" path delay ").AppendPadded(delay, 9));
        Assert.Equal(expected, Body(line.TrimEnd('\n')));
        // The engine's own (allocating) formatter agrees with ours.
        Assert.Equal(expected, LogText.ServoSample(offset, (ServoState)state, freq, delay));
    }

    [Fact]
    public void Level_filter_drops_lines_above_logging_level()
    {
        Assert.Equal("", One(l => l.Append("debug"), level: DaemonLog.Debug, filter: DaemonLog.Info));
        Assert.Contains("notice", One(l => l.Append("notice"), level: DaemonLog.Notice, filter: DaemonLog.Notice), StringComparison.Ordinal);
        Assert.Equal("", One(l => l.Append("info"), level: DaemonLog.Info, filter: DaemonLog.Notice));
    }

    [Fact]
    public void Quiet_and_not_verbose_writes_nothing()
    {
        var w = new StringWriter();
        using var log = new DaemonLog(w, verbose: false, useSyslog: false, level: DaemonLog.Debug);
        Assert.False(log.Begin(DaemonLog.Err));
        log.Write(DaemonLog.Err, "x");
        Assert.Equal("", w.ToString());
    }

    [Fact]
    public void Summary_line_matches_clock_c()
    {
        var s = new SummaryStats();
        s.SetInterval(summaryInterval: 2, logSyncInterval: 0);
        Assert.Equal(4, s.MaxCount);
        Assert.False(s.Add(3, 100, 1000));
        Assert.False(s.Add(-4, 102, 1002));
        Assert.False(s.Add(1, 98, 998));
        Assert.True(s.Add(-2, 100, 1000));
        // rms = sqrt((9+16+1+4)/4) = 2.74; max 4; freq mean 100, population sd sqrt(8/4) = 1.41; delay 1000 +/- 1.41
        string line = One(l => s.AppendLine(l));
        Assert.Equal("rms    3 max    4 freq   +100 +/-   1 delay  1000 +/-   1", Body(line.TrimEnd('\n')));
        s.Reset();
        Assert.Equal(0, s.Count);
    }

    [Fact]
    public void Summary_interval_below_the_sync_interval_means_per_sample_lines()
    {
        var s = new SummaryStats();
        s.SetInterval(summaryInterval: 0, logSyncInterval: 0);
        Assert.Equal(1, s.MaxCount);
        s.SetInterval(summaryInterval: 0, logSyncInterval: -4);
        Assert.Equal(16, s.MaxCount);
        s.SetInterval(summaryInterval: -4, logSyncInterval: 0);
        Assert.Equal(1, s.MaxCount);
    }

    [Fact]
    public void Timer_table_fires_earliest_first_and_rearm_replaces()
    {
        var t = new TimerTable(2);
        Assert.Equal(long.MaxValue, t.Earliest());
        t.Arm(0, TimerKind.AnnounceReceipt, 300);
        t.Arm(1, TimerKind.SyncTransmit, 100);
        t.Arm(0, TimerKind.DelayRequest, 200);
        t.Arm(0, TimerKind.AnnounceReceipt, 250); // re-arm replaces the pending expiry
        Assert.Equal(100, t.Earliest());
        Assert.False(t.TryTakeDue(99, out _, out _));
        Assert.True(t.TryTakeDue(1000, out int p, out var k));
        Assert.Equal((1, TimerKind.SyncTransmit), (p, k));
        Assert.True(t.TryTakeDue(1000, out p, out k));
        Assert.Equal((0, TimerKind.DelayRequest), (p, k));
        t.Cancel(0, TimerKind.AnnounceReceipt);
        Assert.False(t.TryTakeDue(1000, out _, out _));
        Assert.Equal(long.MaxValue, t.Earliest());
    }
}
