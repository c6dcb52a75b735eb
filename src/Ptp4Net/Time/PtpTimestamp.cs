using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ptp4Net.Time;

/// <summary>
/// IEEE 1588-2019 Timestamp (5.3.3): 48-bit unsigned seconds and 32-bit nanoseconds below 10^9.
/// Arithmetic is exact (integers only). Ordering is chronological.
/// </summary>
public readonly struct PtpTimestamp : IEquatable<PtpTimestamp>, IComparable<PtpTimestamp>
{
    /// <summary>Largest value of the 48-bit secondsField.</summary>
    public const ulong MaxSeconds = (1UL << 48) - 1;
    public const uint NanosecondsPerSecond = 1_000_000_000;
    /// <summary>Bytes on the wire (secondsField 6 + nanosecondsField 4).</summary>
    public const int WireSize = 10;

    private readonly ulong _seconds;
    private readonly uint _nanoseconds;

    public PtpTimestamp(ulong seconds, uint nanoseconds)
    {
        if (seconds > MaxSeconds)
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "secondsField is 48 bits");
        if (nanoseconds >= NanosecondsPerSecond)
            throw new ArgumentOutOfRangeException(nameof(nanoseconds), nanoseconds, "nanosecondsField must be below 10^9");
        _seconds = seconds;
        _nanoseconds = nanoseconds;
    }

    private PtpTimestamp(ulong seconds, uint nanoseconds, bool _)
    {
        _seconds = seconds;
        _nanoseconds = nanoseconds;
    }

    public ulong Seconds => _seconds;
    public uint Nanoseconds => _nanoseconds;
    public static PtpTimestamp Zero => default;
    public static PtpTimestamp MaxValue => new(MaxSeconds, NanosecondsPerSecond - 1, true);

    public bool IsZero => _seconds == 0 && _nanoseconds == 0;

    /// <summary>Nanoseconds since the epoch of the timescale, exact.</summary>
    public Int128 TotalNanoseconds => (Int128)_seconds * NanosecondsPerSecond + _nanoseconds;

    public static bool TryCreate(ulong seconds, uint nanoseconds, out PtpTimestamp value)
    {
        if (seconds > MaxSeconds || nanoseconds >= NanosecondsPerSecond)
        {
            value = default;
            return false;
        }
        value = new PtpTimestamp(seconds, nanoseconds, true);
        return true;
    }

    /// <summary>Creates a timestamp from nanoseconds since the epoch; fails outside [0, 2^48 s).</summary>
    public static bool TryFromNanoseconds(Int128 totalNanoseconds, out PtpTimestamp value)
    {
        if (totalNanoseconds < 0 || totalNanoseconds > MaxValue.TotalNanoseconds)
        {
            value = default;
            return false;
        }
        var sec = (ulong)(totalNanoseconds / NanosecondsPerSecond);
        var ns = (uint)(totalNanoseconds % NanosecondsPerSecond);
        value = new PtpTimestamp(sec, ns, true);
        return true;
    }

    public static PtpTimestamp FromNanoseconds(Int128 totalNanoseconds) =>
        TryFromNanoseconds(totalNanoseconds, out var v)
            ? v
            : throw new ArgumentOutOfRangeException(nameof(totalNanoseconds), "outside the PTP timestamp range");

    public static PtpTimestamp FromNanoseconds(long totalNanoseconds) => FromNanoseconds((Int128)totalNanoseconds);

    /// <summary>Nanoseconds as a long; valid until the year 2262, which covers every real clock.</summary>
    public long ToNanosecondsInt64() => checked((long)TotalNanoseconds);

    /// <summary>Reads the 10-byte wire form. The caller guarantees the length.</summary>
    public static PtpTimestamp Read(ReadOnlySpan<byte> source)
    {
        ulong sec = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(source) << 32) | BinaryPrimitives.ReadUInt32BigEndian(source[2..]);
        uint ns = BinaryPrimitives.ReadUInt32BigEndian(source[6..]);
        return new PtpTimestamp(sec, ns, true);
    }

    /// <summary>Reads the wire form; false when nanosecondsField is 10^9 or more.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out PtpTimestamp value)
    {
        value = Read(source);
        return value._nanoseconds < NanosecondsPerSecond;
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(_seconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)_seconds);
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], _nanoseconds);
    }

    public static Duration operator -(PtpTimestamp a, PtpTimestamp b) =>
        Duration.FromNanoseconds(checked((long)(a.TotalNanoseconds - b.TotalNanoseconds)));

    public static PtpTimestamp operator +(PtpTimestamp a, Duration d) => FromNanoseconds(a.TotalNanoseconds + d.Nanoseconds);
    public static PtpTimestamp operator -(PtpTimestamp a, Duration d) => FromNanoseconds(a.TotalNanoseconds - d.Nanoseconds);

    public bool Equals(PtpTimestamp other) => _seconds == other._seconds && _nanoseconds == other._nanoseconds;
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PtpTimestamp t && Equals(t);
    public override int GetHashCode() => HashCode.Combine(_seconds, _nanoseconds);
    public int CompareTo(PtpTimestamp other) =>
        _seconds != other._seconds ? _seconds.CompareTo(other._seconds) : _nanoseconds.CompareTo(other._nanoseconds);

    public static bool operator ==(PtpTimestamp a, PtpTimestamp b) => a.Equals(b);
    public static bool operator !=(PtpTimestamp a, PtpTimestamp b) => !a.Equals(b);
    public static bool operator <(PtpTimestamp a, PtpTimestamp b) => a.CompareTo(b) < 0;
    public static bool operator >(PtpTimestamp a, PtpTimestamp b) => a.CompareTo(b) > 0;
    public static bool operator <=(PtpTimestamp a, PtpTimestamp b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PtpTimestamp a, PtpTimestamp b) => a.CompareTo(b) >= 0;

    /// <summary>"seconds.nanoseconds" with nine digits, as tshark and ptp4l print timestamps.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{_seconds}.{_nanoseconds:D9}");
}
