using System.Globalization;
using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// Wraps hand-assembled TLV octets in a hand-assembled Signaling or Management message (Table 35 header, Table 51
/// / 56 body); only messageLength is computed, by counting octets.
/// </summary>
internal static class TlvVectors
{
    public static readonly PtpHeader SignalingHeader = new()
    {
        SourcePortIdentity = new PortIdentity(new ClockIdentity(0x001B21FFFE010203), 1),
        SequenceId = 9, ControlField = 5, LogMessageInterval = 0x7F,
    };

    public static byte[] Signaling(params string[] tlv)
    {
        var t = Wire.Hex(tlv);
        return Wire.Hex(
            "0C", "02", Len(44 + t.Length), // Signaling, v2, messageLength
            "00", "00", "0000",              // domain, minorSdoId, flags
            "0000000000000000", "00000000",  // correctionField, messageTypeSpecific
            "001B21FFFE010203", "0001",      // sourcePortIdentity
            "0009", "05", "7F",              // sequenceId 9, controlField 5, logMessageInterval 0x7F
            "FFFFFFFFFFFFFFFF", "FFFF")      // targetPortIdentity wildcard
            .Concat(t).ToArray();
    }

    public static readonly PtpHeader ManagementHeader = SignalingHeader with { SequenceId = 2, ControlField = 4 };

    /// <summary>A RESPONSE (actionField 2) from port 001b21.fffe.010203-1 carrying the given TLV(s).</summary>
    public static byte[] ManagementResponse(params string[] tlv)
    {
        var t = Wire.Hex(tlv);
        return Wire.Hex(
            "0D", "02", Len(48 + t.Length), // Management, v2, messageLength
            "00", "00", "0000", "0000000000000000", "00000000",
            "001B21FFFE010203", "0001",
            "0002", "04", "7F",              // sequenceId 2, controlField 4, logMessageInterval 0x7F
            "FFFFFFFFFFFFFFFF", "FFFF",      // targetPortIdentity
            "01", "00",                      // startingBoundaryHops 1, boundaryHops 0
            "02", "00")                      // actionField RESPONSE, reserved
            .Concat(t).ToArray();
    }

    public static readonly ManagementBody ResponseBody = new(PortIdentity.Wildcard, 1, 0, ManagementAction.Response);

    public static string Len(int n) => n.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>Parses <paramref name="message"/> and returns its first TLV's raw octets' offset (asserts success).</summary>
    public static PtpMessage Parse(byte[] message)
    {
        Assert.True(PtpMessage.TryRead(message, out var m, out var e), e.ToString());
        return m;
    }
}
