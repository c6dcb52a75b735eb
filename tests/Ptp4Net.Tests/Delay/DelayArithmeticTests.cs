using Ptp4Net.Delay;

namespace Ptp4Net.Tests.Delay;

public class DelayArithmeticTests
{
    [Fact]
    public void E2E_mean_path_delay_subtracts_both_corrections()
    {
        // Symmetric 1000 ns path, slave 5 µs ahead, 300 ns in Sync corrections, 100 ns in Delay_Resp corrections.
        long t2MinusT3 = (5_000 + 1_000 + 300) - 40_000;       // t2 − t3 on the slave
        long t4MinusT1 = (40_000 - 5_000 + 1_000 + 100);       // t4 − t1 on the master
        Assert.Equal(1_000, DelayCalculator.E2EMeanPathDelay(t2MinusT3, t4MinusT1, 300L << 16, 100L << 16));
    }

    [Fact]
    public void E2E_keeps_sub_nanosecond_corrections_until_the_end()
    {
        // 0.25 + 0.25 ns of corrections make 0.5 ns less on the sum: (2001 − 0.5) / 2 = 1000.25 → 1000.
        Assert.Equal(1_000, DelayCalculator.E2EMeanPathDelay(1_000, 1_001, 1L << 14, 1L << 14));
        // 0.75 ns each: (2003 − 1.5) / 2 = 1000.75 → 1001.
        Assert.Equal(1_001, DelayCalculator.E2EMeanPathDelay(1_000, 1_003, 3L << 14, 3L << 14));
    }

    [Fact]
    public void Asymmetry_leaves_the_mean_delay_and_moves_the_offset()
    {
        // Master→slave 1100 ns, slave→master 900 ns, clocks equal: the mean is 1000 and the raw offset reads +100.
        long mean = DelayCalculator.E2EMeanPathDelay(1_100 - 10_000, 10_000 + 900, 0, 0);
        Assert.Equal(1_000, mean);
        Assert.Equal(100, DelayCalculator.OffsetFromMaster(1_100, 0, mean, 0));
        // delayAsymmetry = +100 (master→slave longer by 2 × 100 / 2) corrects it.
        Assert.Equal(0, DelayCalculator.OffsetFromMaster(1_100, 0, mean, 100));
    }

    [Fact]
    public void Offset_subtracts_the_correction_and_rounds_half_away_from_zero()
    {
        Assert.Equal(4_000, DelayCalculator.OffsetFromMaster(5_300, 300L << 16, 1_000, 0));
        Assert.Equal(-3, DelayCalculator.OffsetFromMaster(0, (5L << 16) / 2, 0, 0));   // −2.5 → −3
        Assert.Equal(3, DelayCalculator.OffsetFromMaster(0, -(5L << 16) / 2, 0, 0));   // +2.5 → 3
    }

    [Fact]
    public void P2P_link_delay_uses_the_rate_ratio_on_the_requester_interval()
    {
        Assert.Equal(800, DelayCalculator.P2PMeanLinkDelay(21_700, 20_000, 100L << 16, 1.0));
        // Requester slow by 100 ppm: its 1 ms interval is worth 1.0001 ms of responder time.
        long t41 = 1_000_000;
        long t32 = 1_000_100 - 2_000;
        Assert.Equal(1_000, DelayCalculator.P2PMeanLinkDelay(t41, t32, 0, 1.0001));
    }

    [Fact]
    public void Moving_median_as_linuxptp_mmedian()
    {
        var f = new DelayFilter(median: true, length: 4);
        Assert.Equal(10, f.Sample(10));
        Assert.Equal(15, f.Sample(20));          // even count: mean of the middle two
        Assert.Equal(20, f.Sample(1_000));
        Assert.Equal(20, f.Sample(20));          // {10, 20, 1000, 20} → (20 + 20) / 2
        Assert.Equal(25, f.Sample(30));          // 10 leaves: sorted {20, 20, 30, 1000} → (20 + 30) / 2
    }

    [Fact]
    public void Moving_median_drops_the_oldest_value()
    {
        var f = new DelayFilter(median: true, length: 3);
        f.Sample(100);
        f.Sample(100);
        f.Sample(5);
        Assert.Equal(100, f.Current);
        f.Sample(5);                             // {100, 5, 5}
        Assert.Equal(5, f.Current);
    }

    [Fact]
    public void Moving_average_as_linuxptp_mave()
    {
        var f = new DelayFilter(median: false, length: 3);
        Assert.Equal(10, f.Sample(10));
        Assert.Equal(15, f.Sample(20));
        Assert.Equal(20, f.Sample(30));
        Assert.Equal(30, f.Sample(40));          // 10 leaves
        f.Reset();
        Assert.Equal(0, f.Current);
        Assert.Equal(7, f.Sample(7));
    }

    [Fact]
    public void Sequence_distance_wraps()
    {
        Assert.Equal(1, SequenceId.Distance(0, 65535));
        Assert.Equal(-1, SequenceId.Distance(65535, 0));
        Assert.True(SequenceId.IsNewer(0, 65535));
        Assert.True(SequenceId.IsNewer(5, 65530));
        Assert.False(SequenceId.IsNewer(65530, 5));
        Assert.False(SequenceId.IsNewer(7, 7));
        Assert.Equal(-32768, SequenceId.Distance(32768, 0));
    }
}
