using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

public class NullServoTests
{
    [Fact]
    public void Zero_offset_is_locked_without_correction()
    {
        var n = new NullServo();
        var r = n.Sample(0, 1, 1.0);
        Assert.Equal(new ServoOutput(0.0, ServoState.Locked, false), r);
    }

    [Theory]
    [InlineData(true, 0.0, 20_001, ServoState.Jump)]
    [InlineData(true, 0.0, 20_000, ServoState.Unlocked)]
    [InlineData(false, 0.0, 1_000_000, ServoState.Unlocked)]
    [InlineData(false, 1000.0, 1001, ServoState.Jump)]
    [InlineData(false, 1000.0, -1000, ServoState.Unlocked)]
    public void Reports_states_by_the_step_rule(bool firstUpdate, double stepThresholdNs, long offset, ServoState expected)
    {
        var n = new NullServo();
        n.Limits.FirstUpdate = firstUpdate;
        n.Limits.StepThresholdNs = stepThresholdNs;
        var r = n.Sample(offset, 1, 1.0);
        Assert.Equal(expected, r.State);
        Assert.Equal(0.0, r.FrequencyPpb);
        Assert.Equal(0.0, n.FrequencyPpb);
    }
}
