namespace Ptp4Net.Engine;

/// <summary>Per-port counters: messages received and sent per messageType (linuxptp PORT_STATS_NP order: index =
/// messageType 0..15) and receive drops by reason.</summary>
public sealed class PortCounters
{
    public long[] RxByType { get; } = new long[16];
    public long[] TxByType { get; } = new long[16];
    public long[] Drops { get; } = new long[(int)RxDropReason.Count];

    public long RxDrops(RxDropReason reason) => Drops[(int)reason];
    public long AnnounceTimeouts { get; internal set; }
    public long SyncTimeouts { get; internal set; }
    public long FollowUpMismatches { get; internal set; }
    public long LostPdelayResponses { get; internal set; }
}

/// <summary>Why a received message was not used. Every drop is counted under exactly one reason.</summary>
public enum RxDropReason
{
    TooShort,
    BadVersion,
    BadLength,
    UnknownType,
    WrongDomain,
    FromOwnClock,
    NotForThisState,
    NotFromParent,
    UnmatchedSequence,
    Duplicate,
    StaleSequence,
    StepsRemovedTooLarge,
    PathTraceLoop,
    WrongRequestingPort,
    BadTimestamp,
    WrongTransportSpecific,
    Count,
}
