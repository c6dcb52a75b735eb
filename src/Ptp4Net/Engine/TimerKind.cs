namespace Ptp4Net.Engine;

/// <summary>
/// The per-port one-shot timers the engine asks the host to run (linuxptp port.c's timerfds). Each (port, kind) is
/// one timer: <see cref="ActionKind.ArmTimer"/> (re)starts it, replacing a pending expiry;
/// <see cref="ActionKind.CancelTimer"/> stops it. On expiry the host calls <see cref="PtpClockEngine.OnTimer"/>.
/// An expiry of a timer the engine no longer has armed is ignored (and counted), so races are harmless.
/// </summary>
public enum TimerKind : byte
{
    /// <summary>announceReceiptTimeout (9.2.6.12), randomised as ptp4l does; also used by LISTENING ports.</summary>
    AnnounceReceipt,
    /// <summary>syncReceiptTimeout (linuxptp `syncReceiptTimeout`), armed only when that option is non-zero.</summary>
    SyncReceipt,
    /// <summary>Next Delay_Req (E2E) or Pdelay_Req (P2P) transmission.</summary>
    DelayRequest,
    /// <summary>PRE_MASTER qualification timeout (9.2.6.11).</summary>
    Qualification,
    /// <summary>Next Announce transmission (MASTER).</summary>
    AnnounceTransmit,
    /// <summary>Next Sync transmission (MASTER).</summary>
    SyncTransmit,
    /// <summary>`fault_reset_interval`: leaving FAULTY.</summary>
    FaultReset,
}
