using Ptp4Net.Phc.Clocks;

namespace Ptp4Net.Tests.Interop;

/// <summary>PHC arithmetic on synthetic data: no PHC on this machine, and no real clock is ever adjusted.</summary>
public class PhcMathTests
{
    [Theory]
    [InlineData(-300_000_000L, -1L, 700_000_000L)]
    [InlineData(1_500_000_000L, 1L, 500_000_000L)]
    [InlineData(-1_000_000_000L, -1L, 0L)]
    [InlineData(-1L, -1L, 999_999_999L)]
    [InlineData(0L, 0L, 0L)]
    public void Step_timex_keeps_nanoseconds_positive(long ns, long sec, long nsec)
    {
        var tx = PhcMath.StepTimex(ns);
        Assert.Equal(0x100u | 0x2000u, tx.Modes);
        Assert.Equal(sec, tx.TimeSec);
        Assert.Equal(nsec, tx.TimeUsecOrNsec);
        Assert.Equal(ns, tx.TimeSec * 1_000_000_000 + tx.TimeUsecOrNsec);
    }

    [Fact]
    public void Scaled_ppm_is_ppm_times_65536()
    {
        Assert.Equal(65536, PhcMath.PpbToScaledPpm(1000));
        Assert.Equal(-65536, PhcMath.PpbToScaledPpm(-1000));
        Assert.Equal(66, PhcMath.PpbToScaledPpm(1)); // 65.536 rounds to 66
        Assert.Equal(32768000, PhcMath.PpbToScaledPpm(500_000));
        Assert.Equal(1000.0, PhcMath.ScaledPpmToPpb(65536));
    }

    [Fact]
    public void Basic_offset_picks_the_narrowest_bracket()
    {
        // sys, phc, sys, phc, sys, phc, sys: brackets 100, 40, 70 ns; PHC ahead by ~1 s.
        long[] s = [1000, 1_000_001_050, 1100, 1_000_001_120, 1140, 1_000_001_180, 1210];
        Assert.True(PhcMath.TryBestOfBasic(s, out var best));
        Assert.Equal(40, best.DelayNanoseconds);
        Assert.Equal(1120, best.SystemNanoseconds);
        Assert.Equal(1_000_001_120, best.PhcNanoseconds);
        Assert.Equal(1_000_000_000, best.OffsetNanoseconds);
        Assert.Equal(CrossTimestampMethod.Basic, best.Method);
    }

    [Fact]
    public void Basic_offset_rejects_bad_shapes_and_backward_brackets()
    {
        Assert.False(PhcMath.TryBestOfBasic([1, 2], out _));
        Assert.False(PhcMath.TryBestOfBasic([], out _));
        Assert.False(PhcMath.TryBestOfBasic([100, 5, 50], out _)); // system went backwards: no usable sample
    }

    [Fact]
    public void Extended_offset_picks_the_narrowest_triple()
    {
        long[] t = [0, 500, 30, 100, 612, 110, 200, 700, 260];
        Assert.True(PhcMath.TryBestOfExtended(t, out var best));
        Assert.Equal(10, best.DelayNanoseconds);
        Assert.Equal(105, best.SystemNanoseconds);
        Assert.Equal(507, best.OffsetNanoseconds);
        Assert.False(PhcMath.TryBestOfExtended([1, 2, 3, 4], out _));
    }

    [Fact]
    public void Best_of_mixed_samples_prefers_precise()
    {
        PhcSample[] s =
        [
            new(10, 5, 30, CrossTimestampMethod.Basic),
            new(11, 5, 0, CrossTimestampMethod.Precise),
            new(12, 5, 8, CrossTimestampMethod.Extended),
        ];
        Assert.True(PhcMath.TryBestOf(s, out var b));
        Assert.Equal(CrossTimestampMethod.Precise, b.Method);
        Assert.False(PhcMath.TryBestOf([], out _));
    }

    [Fact]
    public void Pure_phcs_are_read_only_with_a_reason()
    {
        var steerable = new PhcCapabilities(1_000_000, 0, 2, 1, true, 4, false, true, 32767);
        Assert.Null(PurePhcClassifier.ReadOnlyReason(steerable, "igc", true));
        var kvm = new PhcCapabilities(0, 0, 0, 0, false, 0, true, false, 0);
        Assert.Contains("ptp_kvm", PurePhcClassifier.ReadOnlyReason(kvm, "KVM virtual PTP", true));
        Assert.Contains("vmclock", PurePhcClassifier.ReadOnlyReason(kvm, "vmclock0", true));
        Assert.Contains("Hyper-V", PurePhcClassifier.ReadOnlyReason(kvm, "hyperv", true));
        Assert.Contains("max_adj is 0", PurePhcClassifier.ReadOnlyReason(kvm, "cipu", true));
        // a name alone is enough even if a driver claimed max_adj
        Assert.NotNull(PurePhcClassifier.ReadOnlyReason(steerable, "KVM virtual PTP", true));
        Assert.Contains("read-only", PurePhcClassifier.ReadOnlyReason(steerable, "igc", false));
    }
}
