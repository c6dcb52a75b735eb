using Ptp4Net.Servo;

namespace Ptp4Net.Tests.Servo;

public class ServoSupervisorTests
{
    private const ServoState U = ServoState.Unlocked;
    private const ServoState J = ServoState.Jump;
    private const ServoState L = ServoState.Locked;
    private const ServoState S = ServoState.LockedStable;

    private static ServoState[] Feed(ServoSupervisor sup, params long[] offsets)
    {
        var states = new ServoState[offsets.Length];
        for (int i = 0; i < offsets.Length; i++)
            states[i] = sup.Sample(offsets[i], (i + 1) * 1_000_000_000L).State;
        return states;
    }

    [Fact]
    public void Locked_stable_after_num_offset_values_below_threshold()
    {
        var sup = new ServoSupervisor(new ScriptedServo(L), new ServoOptions { ServoOffsetThreshold = 100, ServoNumOffsetValues = 3 });
        // 99 counts, 100 does not (strictly below); any offset at or above restarts the count.
        Assert.Equal(new[] { L, L, S, S, L, L, L, S }, Feed(sup, 50, -99, 0, 10, 100, 1, 2, 3));
    }

    [Fact]
    public void Unlocked_and_jump_restart_the_stable_count()
    {
        var sup = new ServoSupervisor(new ScriptedServo(L, L, U, L, L, L, J, L, L, L),
            new ServoOptions { ServoOffsetThreshold = 100, ServoNumOffsetValues = 3 });
        Assert.Equal(new[] { L, L, U, L, L, S, J, L, L, S }, Feed(sup, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void No_locked_stable_with_threshold_zero_and_immediate_with_count_zero()
    {
        var off = new ServoSupervisor(new ScriptedServo(L), new ServoOptions());
        Assert.DoesNotContain(S, Feed(off, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        // servo_num_offset_values 0: the count is already exhausted, so every Locked is stable, even one
        // above the threshold (linuxptp check_offset_threshold resets the count to 0 then).
        var now = new ServoSupervisor(new ScriptedServo(L), new ServoOptions { ServoOffsetThreshold = 10, ServoNumOffsetValues = 0 });
        Assert.Equal(new[] { S, S, S }, Feed(now, 5, 10, 5));
    }

    [Fact]
    public void First_update_ends_with_the_first_jump_or_locked()
    {
        var servo = new ScriptedServo(U, U, L);
        var sup = new ServoSupervisor(servo, new ServoOptions());
        Feed(sup, 0, 0);
        Assert.True(servo.Limits.FirstUpdate);
        Feed(sup, 0);
        Assert.False(servo.Limits.FirstUpdate);
        sup.Reset();
        Assert.False(servo.Limits.FirstUpdate); // as ptp4l: a reset does not re-arm first_step_threshold
        Assert.Equal(ServoState.Unlocked, sup.State);
    }

    [Fact]
    public void Jump_steps_by_minus_the_offset_and_opens_the_step_window()
    {
        var servo = new ScriptedServo(J, L);
        var sup = new ServoSupervisor(servo, new ServoOptions { StepWindow = 2 });
        var r = sup.Sample(123_456, 1);
        Assert.Equal(new ServoResult(-123_456, J, -123_456, ServoEvents.None), r);
        Assert.Equal(2, sup.StepWindowRemaining);

        var skipped = sup.Sample(5, 2);
        Assert.Equal(new ServoResult(-123_456, U, 0, ServoEvents.SkippedInStepWindow), skipped);
        Assert.Equal(ServoEvents.SkippedInStepWindow, sup.Sample(5, 3).Events);
        Assert.Equal(1, servo.Calls); // the core saw neither

        var next = sup.Sample(7, 4);
        Assert.Equal(L, next.State);
        Assert.Equal(2, servo.Calls);
        Assert.Equal(0L, next.StepNs);
    }

    [Fact]
    public void Limits_come_from_the_options()
    {
        var servo = new ScriptedServo(L);
        _ = new ServoSupervisor(servo, new ServoOptions { StepThreshold = 0.5, FirstStepThreshold = 0.001 });
        Assert.Equal(500_000_000.0, servo.Limits.StepThresholdNs);
        Assert.Equal(1_000_000.0, servo.Limits.FirstStepThresholdNs);
        Assert.Equal(900_000_000.0, servo.Limits.MaxFrequencyPpb);
    }

    [Theory]
    [InlineData(900_000_000, 0, 900_000_000)]       // no PHC limit known: max_frequency
    [InlineData(900_000_000, 500_000, 500_000)]     // the PHC's limit is lower
    [InlineData(100_000, 500_000, 100_000)]         // max_frequency lowers the PHC's
    [InlineData(0, 500_000, 500_000)]               // 0 = the clock's limit
    [InlineData(0, 0, 900_000_000)]                 // nothing known
    public void Effective_max_frequency(int maxFrequency, int phcMaxAdj, double expected)
    {
        var o = new ServoOptions { MaxFrequency = maxFrequency, PhcMaxAdjPpb = phcMaxAdj };
        Assert.Equal(expected, o.EffectiveMaxFrequencyPpb);
        Assert.Equal(expected, ServoFactory.Create(o).Servo.Limits.MaxFrequencyPpb);
    }

    [Fact]
    public void Sanity_failure_resets_the_servo()
    {
        var servo = new ScriptedServo(L);
        var sup = new ServoSupervisor(servo, new ServoOptions());
        sup.Sample(0, 1);
        Assert.Equal(ServoEvents.None, sup.CheckClockSanity(1_000_000_000, 5_000_000_000));
        var e = sup.CheckClockSanity(3_000_000_000, 6_000_000_000); // 2 s in 1 s
        Assert.Equal(ServoEvents.SanityClockTooFast | ServoEvents.ServoReset, e);
        Assert.Equal(1, servo.Resets);
        Assert.Equal(ServoState.Unlocked, sup.State);
    }

    [Fact]
    public void Sanity_check_off_with_limit_zero()
    {
        var servo = new ScriptedServo(L);
        var sup = new ServoSupervisor(servo, new ServoOptions { SanityFreqLimit = 0 });
        sup.Sample(0, 1);
        sup.CheckClockSanity(1_000_000_000, 5_000_000_000);
        Assert.Equal(ServoEvents.None, sup.CheckClockSanity(9_000_000_000, 6_000_000_000));
        Assert.Equal(0, servo.Resets);
    }

    [Fact]
    public void Factory_builds_the_configured_core()
    {
        Assert.IsType<PiServo>(ServoFactory.Create(new ServoOptions()).Servo);
        Assert.IsType<LinRegServo>(ServoFactory.Create(new ServoOptions { ClockServo = ServoType.LinReg }).Servo);
        Assert.IsType<NullServo>(ServoFactory.Create(new ServoOptions { ClockServo = ServoType.Null }).Servo);
    }

    [Fact]
    public void Sync_interval_reaches_the_core()
    {
        var sup = ServoFactory.Create(new ServoOptions());
        sup.SyncInterval = 0.125;
        Assert.Equal(1.3062461881515304, ((PiServo)sup.Servo).Kp, 1e-9);
    }

    [Theory]
    [InlineData("pi", ServoType.Pi)]
    [InlineData("linreg", ServoType.LinReg)]
    [InlineData("nullf", ServoType.Null)]
    [InlineData(" PI ", ServoType.Pi)]
    public void Clock_servo_names_parse(string text, ServoType expected)
    {
        Assert.True(ServoOptions.TryParseClockServo(text, out var t));
        Assert.Equal(expected, t);
    }

    [Theory]
    [InlineData("ntpshm")]
    [InlineData("refclock_sock")]
    [InlineData("")]
    [InlineData(null)]
    public void Unsupported_clock_servo_names_are_rejected(string? text) =>
        Assert.False(ServoOptions.TryParseClockServo(text, out _));

    public static TheoryData<ServoOptions, string> BadOptions => new()
    {
        { new ServoOptions { StepThreshold = -1 }, "step_threshold" },
        { new ServoOptions { FirstStepThreshold = double.NaN }, "first_step_threshold" },
        { new ServoOptions { PiProportionalNormMax = 1.5 }, "pi_proportional_norm_max" },
        { new ServoOptions { PiIntegralNormMax = 0 }, "pi_integral_norm_max" },
        { new ServoOptions { PiIntegralConst = -0.1 }, "pi_integral_const" },
        { new ServoOptions { MaxFrequency = -1 }, "max_frequency" },
        { new ServoOptions { SanityFreqLimit = -1 }, "sanity_freq_limit" },
        { new ServoOptions { ServoNumOffsetValues = -1 }, "servo_num_offset_values" },
        { new ServoOptions { StepWindow = -1 }, "step_window" },
        { new ServoOptions { ClockServo = (ServoType)9 }, "clock_servo" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Out_of_range_options_name_their_key(ServoOptions options, string key)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ServoFactory.Create(options));
        Assert.Equal(key, ex.ParamName);
    }

    [Fact]
    public void Defaults_are_linuxptps()
    {
        var o = new ServoOptions();
        Assert.Equal(ServoType.Pi, o.ClockServo);
        Assert.Equal((0.0, 0.0, 0.0, -0.3, 0.7, 0.0, 0.4, 0.3),
            (o.PiProportionalConst, o.PiIntegralConst, o.PiProportionalScale, o.PiProportionalExponent,
             o.PiProportionalNormMax, o.PiIntegralScale, o.PiIntegralExponent, o.PiIntegralNormMax));
        Assert.Equal((0.0, 0.00002, 900_000_000, 200_000_000, 0, 10, 0),
            (o.StepThreshold, o.FirstStepThreshold, o.MaxFrequency, o.SanityFreqLimit, o.ServoOffsetThreshold,
             o.ServoNumOffsetValues, o.StepWindow));
    }
}
