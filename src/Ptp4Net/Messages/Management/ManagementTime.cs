using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>TIME dataField (IEEE 1588-2019 15.5.3.3.11): currentTime (10, Timestamp).</summary>
public readonly record struct ManagementTime(PtpTimestamp CurrentTime) : IManagementData<ManagementTime>
{
    public const int WireSize = 10;

    public ManagementId Id => ManagementId.Time;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.Time;

    /// <summary>False when the data is short or nanosecondsField is 10^9 or more.</summary>
    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out ManagementTime value)
    {
        value = default;
        if (d.Length < WireSize || !PtpTimestamp.TryRead(d, out var ts)) return false;
        value = new ManagementTime(ts);
        return true;
    }

    public void Write(Span<byte> d) => CurrentTime.Write(d);
}
