namespace Ptp4Net.Messages;

/// <summary>
/// Why a received PTP message (or a TLV inside it) was rejected. The receive checks run in one fixed order,
/// as linuxptp's msg_post_recv does: header length, version, message type and body length, body fields,
/// TLV walk, total length. The first failing check gives the reason.
/// </summary>
public enum ParseError : byte
{
    /// <summary>Accepted.</summary>
    None = 0,
    /// <summary>Fewer than 34 octets, the common header (Table 35).</summary>
    HeaderTooShort,
    /// <summary>versionPTP is not 2 (7.5.2.4 / 13.3.2.4).</summary>
    UnsupportedVersion,
    /// <summary>messageType is one of the reserved values (Table 36).</summary>
    UnknownMessageType,
    /// <summary>The buffer ends inside the fixed body of the message type (clause 13).</summary>
    BodyTooShort,
    /// <summary>A Timestamp in the body has nanosecondsField of 10^9 or more (5.3.3).</summary>
    InvalidTimestamp,
    /// <summary>A management message's actionField is a reserved value (Table 57).</summary>
    InvalidManagementAction,
    /// <summary>One to three octets remain where a TLV's tlvType and lengthField (4 octets) should be.</summary>
    TlvHeaderTruncated,
    /// <summary>A TLV lengthField is odd (14.1.2: TLVs have an even number of octets).</summary>
    TlvLengthOdd,
    /// <summary>A TLV lengthField runs past the end of the message.</summary>
    TlvOverrun,
    /// <summary>A known TLV type whose value is shorter than (or not the size of) its fixed layout.</summary>
    TlvLengthInvalid,
    /// <summary>A management TLV whose dataField length does not match the managementId's layout.</summary>
    ManagementDataLengthInvalid,
    /// <summary>A management message without a TLV (15.3: exactly one management TLV follows the body).</summary>
    ManagementTlvMissing,
    /// <summary>messageLength is smaller than header plus body of the message type.</summary>
    MessageLengthTooShort,
    /// <summary>The buffer is shorter than messageLength (truncated datagram or frame).</summary>
    MessageTruncated,
    /// <summary>A typed TLV read found a field it cannot accept (bad PTPText length, wrong OUI/subtype,
    /// a timestamp with nanoseconds of 10^9 or more, ...). Only reported by the typed TLV readers.</summary>
    TlvValueInvalid,
    /// <summary>A typed TLV reader was handed a TLV of another tlvType or managementId.</summary>
    TlvTypeMismatch,
}
