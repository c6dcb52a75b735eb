namespace Ptp4Net.Engine;

/// <summary>What an <see cref="EngineAction"/> asks the host to do (or tells it).</summary>
public enum ActionKind : byte
{
    /// <summary>Send <see cref="EngineAction.Message"/> on the event port (319 / event socket). If
    /// <see cref="EngineAction.TxToken"/> is valid, report the TX timestamp with it. If <see cref="EngineAction.OneStep"/>
    /// is set, the sender must write the transmission time into originTimestamp on the fly.</summary>
    SendEvent,
    /// <summary>Send <see cref="EngineAction.Message"/> on the general port (320). No timestamp needed.</summary>
    SendGeneral,
    /// <summary>(Re)start timer (<see cref="EngineAction.Port"/>, <see cref="EngineAction.Timer"/>) to expire after
    /// <see cref="EngineAction.DurationNs"/> of monotonic time.</summary>
    ArmTimer,
    /// <summary>Stop timer (<see cref="EngineAction.Port"/>, <see cref="EngineAction.Timer"/>).</summary>
    CancelTimer,
    /// <summary>Step the local PTP clock: add <see cref="EngineAction.StepNs"/> to its time (ptp4l clockadj_step with
    /// −offset). Apply before delivering the next input: subsequent timestamps must be taken on the stepped clock.</summary>
    StepClock,
    /// <summary>Set the clock's frequency adjustment to <see cref="EngineAction.FrequencyPpb"/> (absolute, positive =
    /// faster; ptp4l clockadj_set_freq with −servo output).</summary>
    SetFrequency,
    /// <summary>Slew the phase by <see cref="EngineAction.StepNs"/> (ADJ_OFFSET); not emitted by the default engine
    /// configuration, reserved for servos that ask for it.</summary>
    AdjustPhase,
    /// <summary>A port changed state: <see cref="EngineAction.OldState"/> → <see cref="EngineAction.NewState"/> on
    /// <see cref="EngineAction.Event"/>. Format with <see cref="LogText.Format"/>.</summary>
    PortStateChanged,
    /// <summary>A log-worthy event described by <see cref="EngineAction.Log"/>.</summary>
    Log,
    /// <summary>A management reply. <see cref="EngineAction.Port"/> −1: the request came through
    /// <see cref="PtpClockEngine.OnManagement"/>; send <see cref="EngineAction.Message"/> to the reply target
    /// <see cref="EngineAction.Address"/> (e.g. the pmc UDS client). <see cref="EngineAction.Port"/> ≥ 0: the request came
    /// from the network on that port; send the reply there as a general message (ptp4l answers to the primary
    /// multicast address; <see cref="EngineAction.Address"/> is the requester's source address id).</summary>
    ManagementResponse,
}
