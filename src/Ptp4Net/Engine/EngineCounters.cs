namespace Ptp4Net.Engine;

/// <summary>Clock-wide counters of the engine's error paths.</summary>
public sealed class EngineCounters
{
    /// <summary>TX timestamps with a token the engine did not issue or that was already used.</summary>
    public long UnknownTxTokens { get; internal set; }
    /// <summary>Tokens forgotten because too many were outstanding (the host never answered them).</summary>
    public long ExpiredTxTokens { get; internal set; }
    /// <summary>Timer expiries for timers the engine had not armed (cancelled races).</summary>
    public long StaleTimers { get; internal set; }
    /// <summary>Inputs naming a port index that does not exist.</summary>
    public long BadPortIndex { get; internal set; }
    /// <summary>Management requests that could not be parsed.</summary>
    public long BadManagement { get; internal set; }
    /// <summary>Offset samples not given to the servo because <see cref="ClockOptions.RejectOffsetOutliers"/> judged them outliers.</summary>
    public long RejectedOffsetOutliers { get; internal set; }
    /// <summary>Sends dropped because the port's message arena was full within one input (a bug if non-zero).</summary>
    public long ArenaExhausted { get; internal set; }
}
