using Ptp4Net.Engine;
using Ptp4Net.Simulation;

namespace Ptp4Net.Tests.Simulation;

public class OutlierRejectingServoTests
{
    /// <summary>Records what reaches it; locked from the second sample on.</summary>
    private sealed class Recorder : IClockServo
    {
        public readonly List<long> Seen = new();
        public int Resets;
        public (double FrequencyPpb, ServoState State) Sample(long offsetNs, long localTimeNs, double weight)
        {
            Seen.Add(offsetNs);
            return (Seen.Count, Seen.Count > 1 ? ServoState.Locked : ServoState.Unlocked);
        }
        public void SetSyncInterval(double seconds) { }
        public void Reset() => Resets++;
    }

    [Fact]
    public void Passes_everything_until_locked_with_a_full_window_then_rejects_outliers()
    {
        var inner = new Recorder();
        var s = new OutlierRejectingServo(inner, window: 8, threshold: 4);
        var r = new SimRandom(1);
        for (int i = 0; i < 9; i++) s.Sample((long)(100 * r.NextGaussian()), i, 1);
        Assert.Equal(9, inner.Seen.Count);
        var before = s.Sample(5000, 10, 1); // 50 σ: rejected, the servo keeps its last answer
        Assert.Equal(9, inner.Seen.Count);
        Assert.Equal((9.0, ServoState.Locked), before);
        Assert.Equal(1, s.Rejected);
        s.Sample(80, 11, 1); // ordinary: passes
        Assert.Equal(10, inner.Seen.Count);
    }

    [Fact]
    public void A_persistent_change_is_accepted_after_the_allowed_run_of_rejections()
    {
        var inner = new Recorder();
        var s = new OutlierRejectingServo(inner, window: 8, threshold: 4, maxConsecutiveRejections: 3);
        for (int i = 0; i < 9; i++) s.Sample(i % 2 == 0 ? 100 : -100, i, 1);
        for (int i = 0; i < 3; i++) s.Sample(10_000, 20 + i, 1);
        Assert.Equal(9, inner.Seen.Count);
        s.Sample(10_000, 30, 1); // the fourth in a row is a real change
        Assert.Equal(10, inner.Seen.Count);
        Assert.Equal(10_000, inner.Seen[^1]);
        s.Sample(10_000, 31, 1); // and the spread is relearnt, not measured against the old level
        Assert.Equal(11, inner.Seen.Count);
    }

    [Fact]
    public void Reset_forgets_the_spread_and_resets_the_servo()
    {
        var inner = new Recorder();
        var s = new OutlierRejectingServo(inner, window: 4);
        for (int i = 0; i < 6; i++) s.Sample(10, i, 1);
        s.Reset();
        Assert.Equal(1, inner.Resets);
        s.Sample(1_000_000, 7, 1);
        Assert.Equal(1_000_000, inner.Seen[^1]);
    }
}
