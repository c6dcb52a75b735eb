using Ptp4Net.StateMachine;

namespace Ptp4Net.Engine;

/// <summary>
/// One output of the engine. A flat struct: which members are meaningful depends on <see cref="Kind"/> (see
/// <see cref="ActionKind"/>). <see cref="Message"/> points into a buffer owned by the engine and is valid only until
/// the next call into the engine: send (or copy) it before delivering the next input.
/// </summary>
public readonly struct EngineAction
{
    public ActionKind Kind { get; init; }
    /// <summary>Port index (0-based; portNumber − 1), or −1 for clock-wide actions (clock adjustments, some logs).</summary>
    public int Port { get; init; }

    /// <summary>Send*/ManagementResponse: the complete PTP message.</summary>
    public ReadOnlyMemory<byte> Message { get; init; }
    /// <summary>Send*: PTP messageType (Table 36), e.g. 0 Sync, 1 Delay_Req, 0xB Announce.</summary>
    public byte MessageType { get; init; }
    public SendDestination Destination { get; init; }
    /// <summary>Unicast / ManagementResponse: the host's address id given with the input that caused this reply.</summary>
    public int Address { get; init; }
    /// <summary>SendEvent: the transmitter must insert the transmission time into originTimestamp (one-step Sync).</summary>
    public bool OneStep { get; init; }
    /// <summary>SendEvent: when valid, report the TX timestamp with <see cref="PtpClockEngine.OnTxTimestamp"/>.</summary>
    public TxToken TxToken { get; init; }

    public TimerKind Timer { get; init; }
    /// <summary>ArmTimer: monotonic nanoseconds until expiry.</summary>
    public long DurationNs { get; init; }

    /// <summary>StepClock / AdjustPhase: nanoseconds to add to the clock.</summary>
    public long StepNs { get; init; }
    /// <summary>SetFrequency: absolute frequency adjustment in ppb (positive runs the clock faster).</summary>
    public double FrequencyPpb { get; init; }

    public PortState OldState { get; init; }
    public PortState NewState { get; init; }
    public PortEvent Event { get; init; }

    public LogEvent Log { get; init; }

    public override string ToString() => Kind switch
    {
        ActionKind.SendEvent or ActionKind.SendGeneral => $"{Kind} port {Port} type 0x{MessageType:x} {Message.Length} B {Destination}{(OneStep ? " one-step" : "")}{(TxToken.IsValid ? " " + TxToken : "")}",
        ActionKind.ArmTimer => $"ArmTimer port {Port} {Timer} {DurationNs} ns",
        ActionKind.CancelTimer => $"CancelTimer port {Port} {Timer}",
        ActionKind.StepClock => $"StepClock {StepNs} ns",
        ActionKind.AdjustPhase => $"AdjustPhase {StepNs} ns",
        ActionKind.SetFrequency => $"SetFrequency {FrequencyPpb} ppb",
        ActionKind.PortStateChanged => $"port {Port}: {PortStateNames.Name(OldState)} to {PortStateNames.Name(NewState)} on {PortStateNames.Name(Event)}",
        ActionKind.Log => $"Log {Log}",
        _ => $"{Kind} port {Port} {Message.Length} B to {Address}",
    };
}
