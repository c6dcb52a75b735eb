using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ptp4Net.Identity;

/// <summary>IEEE 1588-2019 PortIdentity (5.3.5): clockIdentity then portNumber; 10 octets on the wire.</summary>
public readonly struct PortIdentity : IEquatable<PortIdentity>, IComparable<PortIdentity>
{
    public const int WireSize = 10;
    /// <summary>portNumber 0xFFFF addresses all ports (Table 41 wildcard).</summary>
    public const ushort AllPorts = 0xFFFF;

    public PortIdentity(ClockIdentity clockIdentity, ushort portNumber)
    {
        ClockIdentity = clockIdentity;
        PortNumber = portNumber;
    }

    public ClockIdentity ClockIdentity { get; }
    public ushort PortNumber { get; }

    public static PortIdentity Zero => default;
    /// <summary>The all-ones wildcard used as targetPortIdentity in management messages.</summary>
    public static PortIdentity Wildcard => new(ClockIdentity.All, AllPorts);

    public bool IsWildcardOf(PortIdentity concrete) =>
        (ClockIdentity == ClockIdentity.All || ClockIdentity == concrete.ClockIdentity) &&
        (PortNumber == AllPorts || PortNumber == concrete.PortNumber);

    public static PortIdentity Read(ReadOnlySpan<byte> source) =>
        new(ClockIdentity.Read(source), BinaryPrimitives.ReadUInt16BigEndian(source[8..]));

    public void Write(Span<byte> destination)
    {
        ClockIdentity.Write(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], PortNumber);
    }

    /// <summary>Parses linuxptp's "001122.fffe.334455-1".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PortIdentity value)
    {
        value = default;
        int dash = text.LastIndexOf('-');
        if (dash < 0) return false;
        if (!ClockIdentity.TryParse(text[..dash], out var c)) return false;
        if (!ushort.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return false;
        value = new PortIdentity(c, port);
        return true;
    }

    public bool Equals(PortIdentity other) => ClockIdentity == other.ClockIdentity && PortNumber == other.PortNumber;
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PortIdentity p && Equals(p);
    public override int GetHashCode() => HashCode.Combine(ClockIdentity, PortNumber);

    public int CompareTo(PortIdentity other)
    {
        int c = ClockIdentity.CompareTo(other.ClockIdentity);
        return c != 0 ? c : PortNumber.CompareTo(other.PortNumber);
    }

    public static bool operator ==(PortIdentity a, PortIdentity b) => a.Equals(b);
    public static bool operator !=(PortIdentity a, PortIdentity b) => !a.Equals(b);

    /// <summary>linuxptp's form: "001122.fffe.334455-1".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ClockIdentity}-{PortNumber}");
}
