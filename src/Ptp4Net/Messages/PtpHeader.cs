using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Messages;

/// <summary>
/// The common message header (IEEE 1588-2019 13.3, Table 35), 34 octets:
/// <code>
///  0  majorSdoId(4) | messageType(4)      1  minorVersionPTP(4) | versionPTP(4)
///  2  messageLength (2)                   4  domainNumber         5  minorSdoId
///  6  flagField (2)                       8  correctionField (8, TimeInterval)
/// 16  messageTypeSpecific (4)            20  sourcePortIdentity (10)
/// 30  sequenceId (2)                     32  controlField         33  logMessageInterval
/// </code>
/// majorSdoId was transportSpecific in 1588-2008 (802.1AS sets it to 1).
/// </summary>
public readonly record struct PtpHeader
{
    public const int Length = 34;
    public const byte Version = 2;

    internal const int OffsetMessageType = 0;
    internal const int OffsetVersion = 1;
    internal const int OffsetMessageLength = 2;
    internal const int OffsetDomainNumber = 4;
    internal const int OffsetMinorSdoId = 5;
    internal const int OffsetFlags = 6;
    /// <summary>correctionField: patched in place by one-step and transparent clocks.</summary>
    public const int OffsetCorrectionField = 8;
    internal const int OffsetMessageTypeSpecific = 16;
    internal const int OffsetSourcePortIdentity = 20;
    public const int OffsetSequenceId = 30;
    internal const int OffsetControlField = 32;
    internal const int OffsetLogMessageInterval = 33;

    public MessageType MessageType { get; init; }
    /// <summary>majorSdoId, 4 bits (transportSpecific in 1588-2008).</summary>
    public byte MajorSdoId { get; init; }
    /// <summary>versionPTP, 4 bits. Always 2 on a parsed message; the writer always writes 2.</summary>
    public byte VersionPtp { get; init; }
    /// <summary>minorVersionPTP, 4 bits: 0 (1588-2008) or 1 (1588-2019).</summary>
    public byte MinorVersionPtp { get; init; }
    /// <summary>messageLength as received. The writer computes it and ignores this value.</summary>
    public ushort MessageLength { get; init; }
    public byte DomainNumber { get; init; }
    public byte MinorSdoId { get; init; }
    public PtpFlags Flags { get; init; }
    public TimeInterval CorrectionField { get; init; }
    public uint MessageTypeSpecific { get; init; }
    public PortIdentity SourcePortIdentity { get; init; }
    public ushort SequenceId { get; init; }
    public byte ControlField { get; init; }
    public sbyte LogMessageInterval { get; init; }

    public bool TwoStep => (Flags & PtpFlags.TwoStep) != 0;
    public bool Unicast => (Flags & PtpFlags.Unicast) != 0;

    /// <summary>transportSpecific, the 1588-2008 name of majorSdoId.</summary>
    public byte TransportSpecific => MajorSdoId;

    /// <summary>
    /// The controlField value 1588-2008 assigned per type (Table 23), which 1588-2019 keeps for compatibility:
    /// Sync 0, Delay_Req 1, Follow_Up 2, Delay_Resp 3, Management 4, all others 5.
    /// </summary>
    public static byte ControlFieldFor(MessageType type) => type switch
    {
        MessageType.Sync => 0,
        MessageType.DelayReq => 1,
        MessageType.FollowUp => 2,
        MessageType.DelayResp => 3,
        MessageType.Management => 4,
        _ => 5,
    };

    /// <summary>Whether messageType is a value of Table 36 (not reserved).</summary>
    public static bool IsKnownMessageType(int type) => type is <= 3 or (>= 8 and <= 0xD);

    /// <summary>
    /// Reads the 34-octet header. Checks only the length and versionPTP; message type and lengths are checked by
    /// <see cref="PtpMessage.TryRead"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out PtpHeader header, out ParseError error)
    {
        if (source.Length < Length)
        {
            header = default;
            error = ParseError.HeaderTooShort;
            return false;
        }
        if ((source[OffsetVersion] & 0x0F) != Version)
        {
            header = default;
            error = ParseError.UnsupportedVersion;
            return false;
        }
        header = ReadUnchecked(source);
        error = ParseError.None;
        return true;
    }

    /// <summary>Decodes the 34 octets; the caller has checked the length. Unaligned big-endian loads without
    /// per-field slicing: this is the per-message hot path.</summary>
    internal static PtpHeader ReadUnchecked(ReadOnlySpan<byte> s)
    {
        Debug.Assert(s.Length >= Length);
        ref byte r = ref MemoryMarshal.GetReference(s);
        byte b0 = r;
        byte b1 = Unsafe.Add(ref r, OffsetVersion);
        return new PtpHeader
        {
            MajorSdoId = (byte)(b0 >> 4),
            MessageType = (MessageType)(b0 & 0x0F),
            MinorVersionPtp = (byte)(b1 >> 4),
            VersionPtp = (byte)(b1 & 0x0F),
            MessageLength = Be16(ref r, OffsetMessageLength),
            DomainNumber = Unsafe.Add(ref r, OffsetDomainNumber),
            MinorSdoId = Unsafe.Add(ref r, OffsetMinorSdoId),
            Flags = (PtpFlags)Be16(ref r, OffsetFlags),
            CorrectionField = TimeInterval.FromScaled((long)Be64(ref r, OffsetCorrectionField)),
            MessageTypeSpecific = Be32(ref r, OffsetMessageTypeSpecific),
            SourcePortIdentity = new PortIdentity(new ClockIdentity(Be64(ref r, OffsetSourcePortIdentity)), Be16(ref r, OffsetSourcePortIdentity + 8)),
            SequenceId = Be16(ref r, OffsetSequenceId),
            ControlField = Unsafe.Add(ref r, OffsetControlField),
            LogMessageInterval = (sbyte)Unsafe.Add(ref r, OffsetLogMessageInterval),
        };
    }

    // BitConverter.IsLittleEndian is a JIT-time constant, so each helper compiles to one load (+ bswap).
    internal static ushort Be16(ref byte r, int offset)
    {
        ushort v = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref r, offset));
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
    }

    internal static uint Be32(ref byte r, int offset)
    {
        uint v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref r, offset));
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
    }

    internal static ulong Be64(ref byte r, int offset)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, offset));
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
    }

    /// <summary>Writes the header with the given type and length (the header's own are not used); versionPTP is 2.</summary>
    internal void Write(Span<byte> d, MessageType type, int messageLength)
    {
        d[OffsetMessageType] = (byte)((MajorSdoId << 4) | ((byte)type & 0x0F));
        d[OffsetVersion] = (byte)((MinorVersionPtp << 4) | Version);
        BinaryPrimitives.WriteUInt16BigEndian(d[OffsetMessageLength..], (ushort)messageLength);
        d[OffsetDomainNumber] = DomainNumber;
        d[OffsetMinorSdoId] = MinorSdoId;
        BinaryPrimitives.WriteUInt16BigEndian(d[OffsetFlags..], (ushort)Flags);
        BinaryPrimitives.WriteInt64BigEndian(d[OffsetCorrectionField..], CorrectionField.ScaledNanoseconds);
        BinaryPrimitives.WriteUInt32BigEndian(d[OffsetMessageTypeSpecific..], MessageTypeSpecific);
        SourcePortIdentity.Write(d[OffsetSourcePortIdentity..]);
        BinaryPrimitives.WriteUInt16BigEndian(d[OffsetSequenceId..], SequenceId);
        d[OffsetControlField] = ControlField;
        d[OffsetLogMessageInterval] = (byte)LogMessageInterval;
    }
}
