namespace Ptp4Net.Servo;

/// <summary>The servo cores we implement, selected by linuxptp's <c>clock_servo</c> key.</summary>
public enum ServoType
{
    /// <summary><c>clock_servo pi</c> (the default): proportional-integral controller.</summary>
    Pi = 0,

    /// <summary><c>clock_servo linreg</c>: adaptive linear regression.</summary>
    LinReg = 1,

    /// <summary><c>clock_servo nullf</c>: never corrects the frequency, still reports states.</summary>
    Null = 2,
}
