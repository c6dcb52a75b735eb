using System.Buffers.Binary;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Engine.Wire;

/// <summary>
/// The engine's own minimal reader/writer of the fields it needs. It exists because the full codec (branch codec,
/// src/Ptp4Net/Messages) was not available when the engine was written; it covers only the common header
/// (IEEE 1588-2019 13.3, Table 35) and the fixed bodies of the messages the engine exchanges (13.5-13.11).
///
/// Common header (34 octets):
/// <code>
///  0  majorSdoId(4) | messageType(4)      1  minorVersionPTP(4) | versionPTP(4)
///  2  messageLength (2)                   4  domainNumber        5  minorSdoId
///  6  flagField (2)                       8  correctionField (8)
/// 16  messageTypeSpecific (4)            20  sourcePortIdentity (10)
/// 30  sequenceId (2)                     32  controlField        33  logMessageInterval
/// </code>
/// </summary>
internal static class PtpWire
{
    public const int HeaderLength = 34;
    public const int OffMessageType = 0;
    public const int OffVersion = 1;
    public const int OffMessageLength = 2;
    public const int OffDomain = 4;
    public const int OffMinorSdoId = 5;
    public const int OffFlags = 6;
    public const int OffCorrection = 8;
    public const int OffSourcePortIdentity = 20;
    public const int OffSequenceId = 30;
    public const int OffControl = 32;
    public const int OffLogMessageInterval = 33;
    /// <summary>First body field: originTimestamp / preciseOriginTimestamp / receiveTimestamp / requestReceiptTimestamp.</summary>
    public const int OffBodyTimestamp = 34;
    /// <summary>requestingPortIdentity of Delay_Resp, Pdelay_Resp, Pdelay_Resp_Follow_Up (after the timestamp).</summary>
    public const int OffRequestingPortIdentity = 44;

    // Message types (Table 36).
    public const byte Sync = 0x0, DelayReq = 0x1, PdelayReq = 0x2, PdelayResp = 0x3, FollowUp = 0x8, DelayResp = 0x9,
        PdelayRespFollowUp = 0xA, Announce = 0xB, Signaling = 0xC, Management = 0xD;

    // Flag field, first octet (Table 37).
    public const byte FlagAlternateMaster = 0x01, FlagTwoStep = 0x02, FlagUnicast = 0x04;

    // Message lengths (Tables 44-52).
    public const int SyncLength = 44, DelayReqLength = 44, FollowUpLength = 44, DelayRespLength = 54,
        PdelayReqLength = 54, PdelayRespLength = 54, PdelayRespFollowUpLength = 54, AnnounceLength = 64;

    // Announce body (Table 43).
    public const int OffCurrentUtcOffset = 44, OffGmPriority1 = 47, OffGmClockQuality = 48, OffGmPriority2 = 52,
        OffGmIdentity = 53, OffStepsRemoved = 61, OffTimeSource = 63;

    // TLVs (Table 52).
    public const ushort TlvPathTrace = 0x0008;

    public static byte MessageType(ReadOnlySpan<byte> m) => (byte)(m[OffMessageType] & 0x0F);
    public static byte MajorSdoId(ReadOnlySpan<byte> m) => (byte)(m[OffMessageType] >> 4);
    public static byte VersionPtp(ReadOnlySpan<byte> m) => (byte)(m[OffVersion] & 0x0F);
    public static ushort MessageLength(ReadOnlySpan<byte> m) => BinaryPrimitives.ReadUInt16BigEndian(m[OffMessageLength..]);
    public static byte Domain(ReadOnlySpan<byte> m) => m[OffDomain];
    public static byte Flags0(ReadOnlySpan<byte> m) => m[OffFlags];
    public static byte Flags1(ReadOnlySpan<byte> m) => m[OffFlags + 1];
    public static TimeInterval Correction(ReadOnlySpan<byte> m) =>
        TimeInterval.FromScaled(BinaryPrimitives.ReadInt64BigEndian(m[OffCorrection..]));
    public static PortIdentity SourcePortIdentity(ReadOnlySpan<byte> m) => PortIdentity.Read(m[OffSourcePortIdentity..]);
    public static ushort SequenceId(ReadOnlySpan<byte> m) => BinaryPrimitives.ReadUInt16BigEndian(m[OffSequenceId..]);
    public static sbyte LogMessageInterval(ReadOnlySpan<byte> m) => (sbyte)m[OffLogMessageInterval];
    public static PtpTimestamp BodyTimestamp(ReadOnlySpan<byte> m) => PtpTimestamp.Read(m[OffBodyTimestamp..]);
    public static PortIdentity RequestingPortIdentity(ReadOnlySpan<byte> m) => PortIdentity.Read(m[OffRequestingPortIdentity..]);

    /// <summary>Minimum length of each message type's fixed part; 0 for types the engine does not know.</summary>
    public static int MinimumLength(byte type) => type switch
    {
        Sync or DelayReq or FollowUp => 44,
        DelayResp or PdelayReq or PdelayResp or PdelayRespFollowUp => 54,
        Announce => 64,
        Signaling => 44,
        Management => 48,
        _ => 0,
    };

    /// <summary>controlField (Table 42) for version 1 compatibility.</summary>
    public static byte ControlField(byte type) => type switch
    {
        Sync => 0,
        DelayReq => 1,
        FollowUp => 2,
        DelayResp => 3,
        Management => 4,
        _ => 5,
    };

    /// <summary>Writes the common header. messageLength is <paramref name="length"/>.</summary>
    public static void WriteHeader(Span<byte> m, byte type, byte transportSpecific, int length, byte domain, byte flags0,
        byte flags1, TimeInterval correction, PortIdentity source, ushort sequenceId, sbyte logMessageInterval)
    {
        m[..HeaderLength].Clear();
        m[OffMessageType] = (byte)((transportSpecific << 4) | type);
        m[OffVersion] = 0x12; // minorVersionPTP 1, versionPTP 2 (IEEE 1588-2019), as linuxptp 4.x.
        BinaryPrimitives.WriteUInt16BigEndian(m[OffMessageLength..], (ushort)length);
        m[OffDomain] = domain;
        m[OffFlags] = flags0;
        m[OffFlags + 1] = flags1;
        BinaryPrimitives.WriteInt64BigEndian(m[OffCorrection..], correction.ScaledNanoseconds);
        source.Write(m[OffSourcePortIdentity..]);
        BinaryPrimitives.WriteUInt16BigEndian(m[OffSequenceId..], sequenceId);
        m[OffControl] = ControlField(type);
        m[OffLogMessageInterval] = (byte)logMessageInterval;
    }

    public static void WriteCorrection(Span<byte> m, TimeInterval correction) =>
        BinaryPrimitives.WriteInt64BigEndian(m[OffCorrection..], correction.ScaledNanoseconds);
}
