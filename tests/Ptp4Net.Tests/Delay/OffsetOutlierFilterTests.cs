using Ptp4Net.Delay;

namespace Ptp4Net.Tests.Delay;

public class OffsetOutlierFilterTests
{
    /// <summary>Feeds an accepted offset and reports the servo locked, as the engine does.</summary>
    private static bool Feed(OffsetOutlierFilter f, long offset, bool locked = true)
    {
        if (!f.Accept(offset, locked)) return false;
        f.Learn(offset, locked);
        return true;
    }

    [Fact]
    public void Nothing_is_rejected_until_the_window_of_locked_samples_is_full()
    {
        var f = new OffsetOutlierFilter(window: 8);
        for (int i = 0; i < 7; i++) Assert.True(Feed(f, i % 2 == 0 ? 100 : -100));
        Assert.True(f.Accept(1_000_000, servoLocked: true)); // seven locked samples: not yet judged
        Assert.True(Feed(f, 100));
        Assert.False(f.Accept(1_000_000, servoLocked: true));
        Assert.True(f.Accept(1_000_000, servoLocked: false)); // an unlocked servo is never filtered
    }

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
            if (!Feed(f, (long)(g * 1_000))) rejected++;
        }
        Assert.InRange(rejected, 0, 10); // beyond 4 σ: about 1 in 16 000 for a perfect σ; the window's σ is noisy
        Assert.False(Feed(f, 200_000));
        Assert.True(Feed(f, 100));
        Assert.Equal(rejected + 1, f.Rejected);
    }

    [Fact]
    public void A_persistent_change_is_accepted_after_the_allowed_run_of_rejections()
    {
        var f = new OffsetOutlierFilter(window: 8, maxConsecutiveRejections: 4);
        for (int i = 0; i < 8; i++) Assert.True(Feed(f, i % 2 == 0 ? 100 : -100));
        for (int i = 0; i < 4; i++) Assert.False(Feed(f, 10_000));
        Assert.True(Feed(f, 10_000)); // the fifth in a row is a real change
        Assert.True(Feed(f, 10_000)); // and the spread is learnt again, not measured against the old level
        Assert.Equal(4, f.Rejected);
    }

    [Fact]
    public void An_unlocked_servo_or_a_reset_empties_the_window()
    {
        var f = new OffsetOutlierFilter(window: 4);
        for (int i = 0; i < 4; i++) Feed(f, 10);
        Assert.False(f.Accept(1_000, servoLocked: true));
        f.Learn(50, servoLocked: false);
        Assert.True(f.Accept(1_000, servoLocked: true));
        for (int i = 0; i < 4; i++) Feed(f, 10);
        f.Reset();
        Assert.True(f.Accept(1_000, servoLocked: true));
    }
}
