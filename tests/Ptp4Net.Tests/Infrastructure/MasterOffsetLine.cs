namespace Ptp4Net.Tests.Infrastructure;

/// <summary>One "master offset" line.</summary>
public readonly record struct MasterOffsetLine(long OffsetNs, int ServoState, double FrequencyPpb, long PathDelayNs);
