using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ptp4Net.Time;

/// <summary>
/// IEEE 1588-2019 TimeInterval (5.3.2): signed nanoseconds multiplied by 2^16, the type of correctionField.
/// 0x7FFFFFFFFFFFFFFF means "too big to represent" (Table 36 note for correctionField), kept as a value.
/// </summary>
public readonly struct TimeInterval : IEquatable<TimeInterval>, IComparable<TimeInterval>
{
    public const int FractionalBits = 16;
    private readonly long _scaled;

    private TimeInterval(long scaled) => _scaled = scaled;

    public long ScaledNanoseconds => _scaled;
    public static TimeInterval Zero => default;
    /// <summary>The "too large" marker of correctionField.</summary>
    public static TimeInterval Overflow => new(long.MaxValue);
    public bool IsOverflow => _scaled == long.MaxValue;

    public static TimeInterval FromScaled(long scaledNanoseconds) => new(scaledNanoseconds);

    public static TimeInterval FromNanoseconds(long ns)
    {
        if (ns > long.MaxValue >> FractionalBits || ns < long.MinValue >> FractionalBits)
            throw new OverflowException("nanoseconds do not fit a TimeInterval");
        return new TimeInterval(ns << FractionalBits);
    }

    public static TimeInterval FromDuration(Duration d) => FromNanoseconds(d.Nanoseconds);

    /// <summary>Whole nanoseconds, rounded toward negative infinity (an arithmetic shift).</summary>
    public long WholeNanoseconds => _scaled >> FractionalBits;

    /// <summary>Whole nanoseconds, rounded to nearest (ties away from zero).</summary>
    public long RoundedNanoseconds =>
        _scaled >= 0 ? (long)(((ulong)_scaled + (1UL << (FractionalBits - 1))) >> FractionalBits)
                     : -(long)(((ulong)(-(Int128)_scaled) + (1UL << (FractionalBits - 1))) >> FractionalBits);

    public double TotalNanoseconds => _scaled / 65536.0;

    public Duration ToDuration() => Duration.FromNanoseconds(RoundedNanoseconds);

    public static TimeInterval operator +(TimeInterval a, TimeInterval b) => new(checked(a._scaled + b._scaled));
    public static TimeInterval operator -(TimeInterval a, TimeInterval b) => new(checked(a._scaled - b._scaled));
    public static TimeInterval operator -(TimeInterval a) => new(checked(-a._scaled));

    public bool Equals(TimeInterval other) => _scaled == other._scaled;
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TimeInterval t && Equals(t);
    public override int GetHashCode() => _scaled.GetHashCode();
    public int CompareTo(TimeInterval other) => _scaled.CompareTo(other._scaled);
    public static bool operator ==(TimeInterval a, TimeInterval b) => a._scaled == b._scaled;
    public static bool operator !=(TimeInterval a, TimeInterval b) => a._scaled != b._scaled;
    public static bool operator <(TimeInterval a, TimeInterval b) => a._scaled < b._scaled;
    public static bool operator >(TimeInterval a, TimeInterval b) => a._scaled > b._scaled;

    public override string ToString() => TotalNanoseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ns";
}
