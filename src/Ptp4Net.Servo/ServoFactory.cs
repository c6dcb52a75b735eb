namespace Ptp4Net.Servo;

/// <summary>Builds servos from <see cref="ServoOptions"/> (linuxptp servo_create).</summary>
public static class ServoFactory
{
    /// <summary>Builds the core chosen by <c>clock_servo</c> wrapped in a <see cref="ServoSupervisor"/>.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for options outside linuxptp's ranges.</summary>
    public static ServoSupervisor Create(ServoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ServoSupervisor(CreateServo(options), options);
    }

    /// <summary>Builds only the core (limits at their defaults until a supervisor sets them).</summary>
    public static IServo CreateServo(ServoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.ClockServo switch
        {
            ServoType.Pi => new PiServo(options),
            ServoType.LinReg => new LinRegServo(options),
            ServoType.Null => new NullServo(),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.ClockServo, "clock_servo"),
        };
    }
}
