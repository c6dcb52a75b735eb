using System.Globalization;
using System.Net;

namespace Ptp4Net.Capture;

/// <summary>
/// Where the PTP message sits in a frame, as offsets into that frame, so decapsulating allocates nothing.
/// </summary>
public readonly record struct PtpPacket(
    PtpTransport Transport,
    int PayloadOffset,
    int PayloadLength,
    int SourceAddressOffset,
    int SourceAddressLength,
    ushort SourcePort,
    ushort DestinationPort,
    int VlanId,
    bool PayloadTruncated)
{
    /// <summary>No 802.1Q tag.</summary>
    public const int NoVlan = -1;

    /// <summary>The PTP message octets within <paramref name="frame"/>.</summary>
    public ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> frame) => frame.Slice(PayloadOffset, PayloadLength);

    /// <summary>
    /// The source as text: an IPv4 or IPv6 address, or a MAC address ("aa:bb:cc:dd:ee:ff") for PTP over
    /// Ethernet; "?" when the link layer carries no source (a cooked capture of an outgoing frame may not).
    /// </summary>
    public string FormatSource(ReadOnlySpan<byte> frame)
    {
        if (SourceAddressLength == 0) return "?";
        var a = frame.Slice(SourceAddressOffset, SourceAddressLength);
        if (Transport != PtpTransport.Ethernet && (a.Length == 4 || a.Length == 16))
            return new IPAddress(a).ToString();
        var sb = new System.Text.StringBuilder(a.Length * 3);
        for (int i = 0; i < a.Length; i++)
        {
            if (i > 0) sb.Append(':');
            sb.Append(a[i].ToString("x2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
