namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>Outcome of one runner update.</summary>
public enum Phc2SysStepStatus
{
    /// <summary>Measured and applied (or measured only, in measure-only mode).</summary>
    Ok,
    /// <summary>The source could not be read (errno in <see cref="Phc2SysStep.Errno"/>); nothing applied.</summary>
    SourceFailed,
    /// <summary>The target could not be read at the reading's instant.</summary>
    TargetReadFailed,
    /// <summary>No UTC information yet where it is required (-w before the daemon answered).</summary>
    NoUtcInfo,
    /// <summary>Leap second window: the update was skipped on purpose.</summary>
    Suspended,
    /// <summary>Applying the adjustment failed (the servo was reset).</summary>
    ApplyFailed,
}

/// <summary>One runner update: the engine's answer plus how applying it went.</summary>
public readonly record struct Phc2SysStep(Phc2SysStepStatus Status, Phc2SysUpdate Update, Errno Errno, string? Error);
