using System.Buffers.Binary;
using System.Globalization;

namespace Ptp4Net.Identity;

/// <summary>IEEE 1588-2019 ClockQuality (5.3.7, 7.6.2.5-7): 4 octets on the wire.</summary>
public readonly record struct ClockQuality(byte ClockClass, ClockAccuracy ClockAccuracy, ushort OffsetScaledLogVariance)
{
    public const int WireSize = 4;

    /// <summary>ptp4l's default for an ordinary clock: class 248, accuracy unknown (0xFE), variance 0xFFFF.</summary>
    public static ClockQuality Default => new(248, ClockAccuracy.Unknown, 0xFFFF);

    public static ClockQuality Read(ReadOnlySpan<byte> source) =>
        new(source[0], (ClockAccuracy)source[1], BinaryPrimitives.ReadUInt16BigEndian(source[2..]));

    public void Write(Span<byte> destination)
    {
        destination[0] = ClockClass;
        destination[1] = (byte)ClockAccuracy;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], OffsetScaledLogVariance);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"class {ClockClass} accuracy 0x{(byte)ClockAccuracy:x2} variance 0x{OffsetScaledLogVariance:x4}");
}

/// <summary>clockAccuracy enumeration (IEEE 1588-2019 Table 5). Values outside the names are kept as numbers.</summary>
public enum ClockAccuracy : byte
{
    Within1ps = 0x17,
    Within2_5ps = 0x18,
    Within10ps = 0x19,
    Within25ps = 0x1A,
    Within100ps = 0x1B,
    Within250ps = 0x1C,
    Within1ns = 0x1D,
    Within2_5ns = 0x1E,
    Within10ns = 0x1F,
    Within25ns = 0x20,
    Within100ns = 0x21,
    Within250ns = 0x22,
    Within1us = 0x23,
    Within2_5us = 0x24,
    Within10us = 0x25,
    Within25us = 0x26,
    Within100us = 0x27,
    Within250us = 0x28,
    Within1ms = 0x29,
    Within2_5ms = 0x2A,
    Within10ms = 0x2B,
    Within25ms = 0x2C,
    Within100ms = 0x2D,
    Within250ms = 0x2E,
    Within1s = 0x2F,
    Within10s = 0x30,
    Beyond10s = 0x31,
    Unknown = 0xFE,
}
