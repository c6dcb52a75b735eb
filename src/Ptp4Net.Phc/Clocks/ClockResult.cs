using Ptp4Net.Time;

namespace Ptp4Net.Phc.Clocks;

/// <summary>The outcome of a steering call; no exception on the servo path.</summary>
public readonly record struct ClockResult(ClockStatus Status, Errno Errno)
{
    public static ClockResult Ok => default;
    public bool IsOk => Status == ClockStatus.Ok;

    public string Describe(IPtpClock clock) => Status switch
    {
        ClockStatus.Ok => "ok",
        ClockStatus.NotSteerable => $"{clock.Name} cannot be steered: {clock.ReadOnlyReason}",
        ClockStatus.OutOfRange => $"{clock.Name}: adjustment out of range (max {clock.MaxFrequencyPpb} ppb)",
        ClockStatus.NotSupported => $"{clock.Name}: not supported by this clock ({Interop.Describe(Errno)})",
        _ => $"{clock.Name}: {Interop.Describe(Errno)}",
    };
}
