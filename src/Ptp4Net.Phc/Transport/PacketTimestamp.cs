using System.Globalization;
using Ptp4Net.Time;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// A kernel packet time stamp: nanoseconds since the epoch of its clock (CLOCK_REALTIME for software stamps,
/// the PHC's timescale for hardware ones). default means "no stamp".
/// </summary>
public readonly struct PacketTimestamp : IEquatable<PacketTimestamp>
{
    public PacketTimestamp(long nanoseconds, TimestampSource source)
    {
        Nanoseconds = nanoseconds;
        Source = source;
    }

    public long Nanoseconds { get; }
    public TimestampSource Source { get; }
    public bool IsPresent => Source != TimestampSource.None;

    /// <summary>As a PTP timestamp; false for an absent stamp or a negative time.</summary>
    public bool TryToPtpTimestamp(out PtpTimestamp value)
    {
        if (!IsPresent)
        {
            value = default;
            return false;
        }
        return PtpTimestamp.TryFromNanoseconds(Nanoseconds, out value);
    }

    public bool Equals(PacketTimestamp other) => Nanoseconds == other.Nanoseconds && Source == other.Source;
    public override bool Equals(object? obj) => obj is PacketTimestamp t && Equals(t);
    public override int GetHashCode() => HashCode.Combine(Nanoseconds, Source);
    public static bool operator ==(PacketTimestamp a, PacketTimestamp b) => a.Equals(b);
    public static bool operator !=(PacketTimestamp a, PacketTimestamp b) => !a.Equals(b);

    public override string ToString() => IsPresent
        ? string.Create(CultureInfo.InvariantCulture, $"{Nanoseconds / 1_000_000_000}.{Nanoseconds % 1_000_000_000:D9} ({Source})")
        : "none";
}
