using System.Buffers.Binary;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// Announce body (IEEE 1588-2019 13.5, Table 43), 30 octets:
/// <code>
///  0 originTimestamp (10)   10 currentUtcOffset (2)   12 reserved   13 grandmasterPriority1
/// 14 grandmasterClockQuality (4)   18 grandmasterPriority2   19 grandmasterIdentity (8)
/// 27 stepsRemoved (2)   29 timeSource
/// </code>
/// </summary>
public readonly record struct AnnounceBody
{
    public const int Length = 30;

    public PtpTimestamp OriginTimestamp { get; init; }
    public short CurrentUtcOffset { get; init; }
    public byte GrandmasterPriority1 { get; init; }
    public ClockQuality GrandmasterClockQuality { get; init; }
    public byte GrandmasterPriority2 { get; init; }
    public ClockIdentity GrandmasterIdentity { get; init; }
    public ushort StepsRemoved { get; init; }
    public TimeSource TimeSource { get; init; }

    /// <summary>Decodes the body after the message reader has checked its length and timestamp.</summary>
    internal static AnnounceBody Read(ReadOnlySpan<byte> b, PtpTimestamp originTimestamp) => new()
    {
        OriginTimestamp = originTimestamp,
        CurrentUtcOffset = BinaryPrimitives.ReadInt16BigEndian(b[10..]),
        GrandmasterPriority1 = b[13],
        GrandmasterClockQuality = ClockQuality.Read(b[14..]),
        GrandmasterPriority2 = b[18],
        GrandmasterIdentity = ClockIdentity.Read(b[19..]),
        StepsRemoved = BinaryPrimitives.ReadUInt16BigEndian(b[27..]),
        TimeSource = (TimeSource)b[29],
    };

    internal void Write(Span<byte> b)
    {
        OriginTimestamp.Write(b);
        BinaryPrimitives.WriteInt16BigEndian(b[10..], CurrentUtcOffset);
        b[12] = 0;
        b[13] = GrandmasterPriority1;
        GrandmasterClockQuality.Write(b[14..]);
        b[18] = GrandmasterPriority2;
        GrandmasterIdentity.Write(b[19..]);
        BinaryPrimitives.WriteUInt16BigEndian(b[27..], StepsRemoved);
        b[29] = (byte)TimeSource;
    }
}
