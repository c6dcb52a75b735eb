using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>
/// ptp4net as the master of linuxptp's ptp4l (free_running 1 on CLOCK_REALTIME, software stamps), for UDPv4 E2E,
/// L2 E2E and UDPv4 P2P. ptp4net serves time from its emulated clock, 50 µs ahead of CLOCK_REALTIME (no frequency
/// error, so the offset is the same all run); ptp4l, which never steers, must select ptp4net as best master and
/// measure an offset of minus that: its "master offset" lines must sit at -(emulated offset) within the bounds
/// below. With free_running 1 ptp4l never leaves s0/UNCALIBRATED (clock.c does not run the servo), so the offsets,
/// not a lock, are the check.
///
/// <para><b>The bounds.</b> ptp4l measuring ptp4l on this veth: |mean| ≈ 0.7 µs, sd 0.35-0.6 µs, max ≈ 2 µs, rare
/// 30-90 µs outliers. We require the mean error (ptp4l's offset + emulated offset) within ±3 µs and at least 90 %
/// of the samples within ±5 µs: a master whose time stamps or corrections are off by more than a few µs fails,
/// stamping noise and one outlier do not.</para>
/// </summary>
[Collection(InteropCollection.Name)]
public class Ptp4NetMasterTests(ITestOutputHelper output)
{
    private const long EmulatedOffsetNs = 50_000;
    private const double MaxMeanErrorNs = 3000;
    private const long MaxSampleErrorNs = 5000;
    private const double MinShareWithin = 0.9;
    /// <summary>Samples judged: ptp4l prints one a second with freq_est_interval 0.</summary>
    private const int Samples = 10;

    [Fact]
    public void Master_UDPv4_E2E_ptp4l_measures_the_emulated_offset() => RunMaster(InteropLink.UdpV4E2E);

    [Fact]
    public void Master_L2_E2E_ptp4l_measures_the_emulated_offset() => RunMaster(InteropLink.L2E2E);

    [Fact]
    public void Master_UDPv4_P2P_ptp4l_measures_the_emulated_offset() => RunMaster(InteropLink.UdpV4P2P);

    private void RunMaster(InteropLink link)
    {
        if (Requirements.Unmet(output, InteropLab.Unmet())) return;
        using var lab = InteropLab.Create(output.WriteLine);
        var ns = lab.Ns;
        var master = lab.StartPtp4Net(ns.NameA, ns.IfA, link.CommonConfig() +
            "serverOnly 1\n" +
            $"emulated_clock_offset_ns {EmulatedOffsetNs}\n", "ptp4net-master");
        var client = lab.StartPtp4l(ns.NameB, ns.IfB, link.CommonConfig() +
            "slaveOnly 1\n" +
            // free_running prints one "master offset" line per freq_est_interval (2 s by default; 0, its minimum,
            // gives one a second), and only if summary_interval does not fold them into "rms" lines.
            "freq_est_interval 0\n" +
            "summary_interval -3\n", "ptp4l-client");

        // ptp4l selects ptp4net and starts measuring; skip the first line (delay filter filling).
        Assert.True(InteropLab.WaitUntil(() => client.MasterOffsets().Count >= Samples + 1, TimeSpan.FromSeconds(30)),
            $"{link}: ptp4l printed {client.MasterOffsets().Count} offsets:\n" + string.Join('\n', client.Lines.TakeLast(30)) +
            "\nptp4net:\n" + string.Join('\n', master.Lines.TakeLast(30)));
        string gmText = lab.LinuxptpPmc(ns.NameA, "ptp4net-master", "GET DEFAULT_DATA_SET", "GET TIME_PROPERTIES_DATA_SET");
        string gm = Ptp4NetClientTests.Field(gmText, "clockIdentity");
        lab.LinuxptpPmc(ns.NameB, "ptp4l-client", "GET TIME_PROPERTIES_DATA_SET", "GET PARENT_DATA_SET"); // logged, for diagnosis
        // A grandmaster on a CLOCK_REALTIME-based clock announces the arbitrary timescale, as ptp4l does; with
        // ptpTimescale 1 ptp4l would convert our UTC stamps and measure currentUtcOffset (37 s) away.
        Assert.Equal("0", Ptp4NetClientTests.Field(gmText, "ptpTimescale"));
        Assert.Contains(client.Lines, l => l.Contains($"selected best master clock {gm}", StringComparison.Ordinal));
        Assert.Contains(client.Lines, l => l.Contains("to UNCALIBRATED on RS_SLAVE", StringComparison.Ordinal));

        var emulated = master.EmulatedOffsets().Select(o => o.OffsetNs).ToList();
        Assert.NotEmpty(emulated);
        long truth = emulated.Order().ElementAt(emulated.Count / 2);
        Assert.InRange(truth, EmulatedOffsetNs - 1000, EmulatedOffsetNs + 1000); // a master never steers its clock

        var offsets = client.MasterOffsets().Skip(1).Take(Samples).Select(o => o.Line.OffsetNs).ToList();
        var errors = offsets.Select(o => o + truth).ToList();
        var stats = OffsetStats.Of(errors);
        int within = errors.Count(e => Math.Abs(e) <= MaxSampleErrorNs);
        output.WriteLine($"{link}: ptp4l's offset + emulated offset ({truth} ns): {stats}; within ±{MaxSampleErrorNs} ns: {within}/{errors.Count}; " +
            $"ptp4l path delay {client.MasterOffsets().Last().Line.PathDelayNs} ns");
        Assert.True(Math.Abs(stats.Mean) <= MaxMeanErrorNs, $"{link}: mean error {stats.Mean:F0} ns ({string.Join(' ', offsets)})");
        Assert.True(within >= MinShareWithin * errors.Count, $"{link}: only {within}/{errors.Count} samples within ±{MaxSampleErrorNs} ns ({string.Join(' ', offsets)})");
        Assert.False(master.HasExited, "ptp4net exited:\n" + string.Join('\n', master.Lines));
    }
}
