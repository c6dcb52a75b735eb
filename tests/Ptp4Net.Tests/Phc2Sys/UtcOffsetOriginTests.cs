using Ptp4Net.Messages;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Phc2Sys;
using Ptp4Net.Phc.VmClock;
using Xunit.Abstractions;
using static Ptp4Net.Tests.Phc2Sys.SimulationFixtures;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>
/// The UTC offset from each of its three origins — -O, the daemon's TIME_PROPERTIES_DATA_SET over its Unix socket
/// (-w), the vmclock page — brings an emulated UTC target to source − 37 s.
/// </summary>
public sealed class UtcOffsetOriginTests(ITestOutputHelper output)
{
    [Fact]
    public void Command_line_offset_O()
    {
        // -O is target − source: a TAI PHC to a UTC clock is -O -37.
        var sim = Scene(Noon, TaiPhc(), utc: null, engine: new Phc2SysEngineOptions { ForcedUtcOffsetSec = -37 });
        var r = sim.Run(120, S, 1_000);
        output.WriteLine(r.Summary());
        Assert.Equal(-1, sim.Runner.Engine.Direction);
        Assert.True(r.SteadyMaxAbsNs < 1_000, r.Summary());
        Assert.Equal(UtcOrigin.None, sim.Runner.LastUtc.Origin);
    }

    [Fact]
    public void Daemon_time_properties_over_the_management_socket()
    {
        using var server = new FakeManagementServer(new ManagementTimePropertiesDataSet(37,
            PtpFlags.PtpTimescale | PtpFlags.CurrentUtcOffsetValid | PtpFlags.TimeTraceable, TimeSource.Gnss));
        using var client = new ManagementUdsClient(server.Path, Path.Combine(server.Dir, "phc2sys"), domainNumber: 0);

        // -w: wait until a port is MASTER or SLAVE (the fake first answers for a LISTENING port).
        Assert.Equal(ManagementQueryStatus.Ok, client.WaitSync(TimeSpan.FromSeconds(2)));
        var daemon = new DaemonUtcInfoProvider(client, refreshEvery: 60, TimeSpan.FromMilliseconds(200));
        Assert.Equal(ManagementQueryStatus.Ok, daemon.Refresh(TimeSpan.FromSeconds(2)));
        Assert.Equal(ManagementId.TimePropertiesDataSet, server.LastId);

        var sim = Scene(Noon, TaiPhc(), daemon);
        var r = sim.Run(120, S, 1_000);
        output.WriteLine($"daemon requests {server.Requests}; {r.Summary()}");
        Assert.Equal(new UtcInfo(37, 0, true, true, UtcOrigin.Daemon), sim.Runner.LastUtc);
        Assert.True(r.SteadyMaxAbsNs < 1_000, r.Summary());
        // Refreshed every 60 updates, as phc2sys refreshes every 60 s.
        Assert.InRange(server.Requests, 3, 5);
        // The kernel TAI offset would be set once (traceable offset), here on the emulated target.
        Assert.Equal(37, sim.Target.TaiOffset);
    }

    [Fact]
    public void Daemon_answers_decoded_as_phc2sys_does()
    {
        var leap = ManagementUdsClient.ToUtcInfo(new ManagementTimePropertiesDataSet(36, PtpFlags.PtpTimescale | PtpFlags.Leap61, TimeSource.Gnss));
        Assert.Equal(new UtcInfo(36, 1, true, false, UtcOrigin.Daemon), leap);
        var del = ManagementUdsClient.ToUtcInfo(new ManagementTimePropertiesDataSet(36, PtpFlags.PtpTimescale | PtpFlags.Leap59, TimeSource.Gnss));
        Assert.Equal(-1, del.Leap);
        // ARB timescale: no offset, no leap.
        var arb = ManagementUdsClient.ToUtcInfo(new ManagementTimePropertiesDataSet(37, PtpFlags.CurrentUtcOffsetValid | PtpFlags.Leap61, TimeSource.InternalOscillator));
        Assert.Equal(new UtcInfo(0, 0, true, false, UtcOrigin.Daemon), arb);
    }

    [Fact]
    public void Daemon_error_status_and_silence_are_reported()
    {
        using var server = new FakeManagementServer(default);
        using var client = new ManagementUdsClient(server.Path, Path.Combine(server.Dir, "c"));
        Span<byte> d = stackalloc byte[64];
        Assert.Equal(ManagementQueryStatus.ErrorStatus, client.Get(ManagementId.ClockDescription, TimeSpan.FromSeconds(2), d, out _));
        using var lonely = new ManagementUdsClient(Path.Combine(server.Dir, "nobody"), Path.Combine(server.Dir, "c2"));
        Assert.Equal(ManagementQueryStatus.SocketError, lonely.GetTimeProperties(TimeSpan.FromMilliseconds(100), out _));
    }

    [Fact]
    public void Vmclock_page_tai_offset()
    {
        // The page keeps TAI from a 2^31 Hz counter running 8 ppm fast; its TAI offset (37, valid) is the UTC origin.
        var time = new SimulatedTime(Noon);
        var counter = new SimulatedCounter(time, start: 1UL << 40, hz: 1L << 31, driftPpb: 8_000);
        ulong c0 = counter.At(time.Now);
        long taiNow = Noon + 37 * S;
        var page = VmClockPages.Tai(c0, (ulong)(taiNow / S), 0, taiOffset: 37);
        var mem = new MemoryPageSource(VmClockPages.Bytes(page));
        var source = new VmClockPageSource("/dev/vmclock0", new VmClockSnapshotReader(mem), counter, time);
        Assert.False(source.IsUtc);

        var inner = new EmulatedClock(time, new EmulatedClockOptions { EmulatedClock = true, EmulatedClockOffsetNs = 4_000_000, EmulatedClockFreqPpb = 20_000 });
        var target = new KernelLeapClock(inner);
        var engine = new Phc2SysEngine(SimulationFixtures.Servo(), new Phc2SysEngineOptions { SourceIsUtc = false, TargetIsUtc = true });
        var runner = new Phc2SysRunner(source, Phc2SysTarget.ForSoftwareClock(target, true, target), engine, source, 5);

        long worst = 0;
        for (int i = 0; i < 200; i++)
        {
            long before = time.Now;
            var step = runner.Update(time.Now);
            Assert.Equal(Phc2SysStepStatus.Ok, step.Status);
            page.TryTimeAt(counter.At(time.Now), out long pageTai);
            target.TryMapSoftwareTimestamp(time.Now, out long t);
            long truth = t - (pageTai - 37 * S);
            if (i >= 100)
                worst = Math.Max(worst, Math.Abs(truth));
            time.Advance(S - (time.Now - before));
        }
        output.WriteLine($"vmclock page source: worst |target − (page TAI − 37 s)| over the last 100 s: {worst} ns");
        Assert.Equal(UtcOrigin.VmClock, runner.LastUtc.Origin);
        Assert.Equal(37, runner.LastUtc.CurrentUtcOffset);
        Assert.True(worst < 1_000, $"{worst} ns");
    }

    [Fact]
    public void Vmclock_disruption_resets_the_servo_and_unreliable_status_skips()
    {
        var time = new SimulatedTime(Noon);
        var counter = new SimulatedCounter(time, 1UL << 40, 1L << 31, 0);
        var page = VmClockPages.Tai(counter.At(time.Now), (ulong)(Noon / S + 37), 0);
        var mem = new MemoryPageSource(VmClockPages.Bytes(page));
        var source = new VmClockPageSource("/dev/vmclock0", new VmClockSnapshotReader(mem), counter, time);
        var target = new KernelLeapClock(new EmulatedClock(time, new EmulatedClockOptions { EmulatedClock = true }));
        var engine = new Phc2SysEngine(SimulationFixtures.Servo(), new Phc2SysEngineOptions());
        var runner = new Phc2SysRunner(source, Phc2SysTarget.ForSoftwareClock(target, true, target), engine, source, 3);
        for (int i = 0; i < 5; i++)
        {
            runner.Update();
            time.Advance(S);
        }
        Assert.NotEqual(Phc2SysServoState.Unlocked, engine.State);

        mem.Page = VmClockPages.Bytes(page with { DisruptionMarker = 2, SeqCount = 20 });
        var s = runner.Update();
        Assert.Equal(1, runner.Disruptions);
        Assert.Equal(Phc2SysServoState.Unlocked, s.Update.State);

        mem.Page = VmClockPages.Bytes(page with { DisruptionMarker = 2, SeqCount = 22, ClockStatus = VmClockStatus.Unreliable });
        Assert.Equal(Phc2SysStepStatus.SourceFailed, runner.Update().Status);
    }
}
