using Ptp4Net.Delay;

namespace Ptp4Net.Tests.Delay;

public class OffsetOutlierFilterTests
{
    [Fact]
    public void Gaussian_noise_passes_and_a_lone_spike_is_rejected()
    {
        var f = new OffsetOutlierFilter();
        var rng = new Random(5);
        int rejected = 0;
        for (int i = 0; i < 2_000; i++)
        {
            // Box-Muller, σ = 1000 ns.
            double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            if (!f.Accept((long)(g * 1_000))) rejected++;
        }
        Assert.InRange(rejected, 0, 10); // under 0.5 %: a 15-sample MAD is itself noisy, a lost sample costs little
        Assert.False(f.Accept(200_000));
        Assert.True(f.Accept(100));
    }

    [Fact]
    public void A_real_change_of_offset_gets_through_after_three_rejections()
    {
        var f = new OffsetOutlierFilter();
        for (int i = 0; i < 15; i++) Assert.True(f.Accept(i % 2 == 0 ? 10 : -10));
        Assert.False(f.Accept(50_000));
        Assert.False(f.Accept(50_010));
        Assert.False(f.Accept(49_990));
        Assert.True(f.Accept(50_000));
        Assert.Equal(3, f.Rejected);
    }

    [Fact]
    public void Nothing_is_rejected_before_the_window_has_enough_samples()
    {
        var f = new OffsetOutlierFilter();
        for (int i = 0; i < OffsetOutlierFilter.MinimumSamples; i++) Assert.True(f.Accept(i == 5 ? 1_000_000 : 0));
    }
}
