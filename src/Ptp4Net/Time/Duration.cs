using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ptp4Net.Time;

/// <summary>A signed span of time in whole nanoseconds (range ±292 years). default is zero.</summary>
public readonly struct Duration : IEquatable<Duration>, IComparable<Duration>
{
    private readonly long _ns;

    private Duration(long ns) => _ns = ns;

    public long Nanoseconds => _ns;
    public static Duration Zero => default;
    public static Duration MaxValue => new(long.MaxValue);
    public static Duration MinValue => new(long.MinValue);

    public static Duration FromNanoseconds(long ns) => new(ns);
    public static Duration FromMicroseconds(long us) => new(checked(us * 1_000));
    public static Duration FromMilliseconds(long ms) => new(checked(ms * 1_000_000));
    public static Duration FromSeconds(long s) => new(checked(s * 1_000_000_000));

    /// <summary>2^log2 seconds, the unit of the logMessageInterval fields; log2 in [-30, 30].</summary>
    public static Duration FromLog2Seconds(int log2)
    {
        if (log2 < -30 || log2 > 30)
            throw new ArgumentOutOfRangeException(nameof(log2), log2, "log interval outside [-30, 30]");
        return log2 >= 0 ? new Duration(1_000_000_000L << log2) : new Duration(1_000_000_000L >> -log2);
    }

    public double TotalSeconds => _ns / 1e9;
    public Duration Abs() => new(Math.Abs(_ns));

    public static Duration operator +(Duration a, Duration b) => new(checked(a._ns + b._ns));
    public static Duration operator -(Duration a, Duration b) => new(checked(a._ns - b._ns));
    public static Duration operator -(Duration a) => new(checked(-a._ns));
    public static Duration operator *(Duration a, long k) => new(checked(a._ns * k));
    public static Duration operator /(Duration a, long k) => new(a._ns / k);

    public bool Equals(Duration other) => _ns == other._ns;
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Duration d && Equals(d);
    public override int GetHashCode() => _ns.GetHashCode();
    public int CompareTo(Duration other) => _ns.CompareTo(other._ns);
    public static bool operator ==(Duration a, Duration b) => a._ns == b._ns;
    public static bool operator !=(Duration a, Duration b) => a._ns != b._ns;
    public static bool operator <(Duration a, Duration b) => a._ns < b._ns;
    public static bool operator >(Duration a, Duration b) => a._ns > b._ns;
    public static bool operator <=(Duration a, Duration b) => a._ns <= b._ns;
    public static bool operator >=(Duration a, Duration b) => a._ns >= b._ns;

    public override string ToString() => _ns.ToString(CultureInfo.InvariantCulture) + " ns";
}
