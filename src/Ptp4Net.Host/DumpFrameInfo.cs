using System.Globalization;
using Ptp4Net.Capture;

namespace Ptp4Net.Host;

/// <summary>Where and when a PTP message was captured.</summary>
internal readonly record struct DumpFrameInfo(long Number, long TimestampNanoseconds, string Source,
    PtpTransport Transport, int VlanId)
{
    /// <summary>Capture time as ISO 8601 UTC with nanoseconds: "2026-11-22T00:38:17.798055506Z".</summary>
    public string FormatTime()
    {
        long seconds = Math.DivRem(TimestampNanoseconds, 1_000_000_000, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000;
        }
        var t = DateTime.UnixEpoch.AddSeconds(seconds);
        return t.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + "." +
            fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    public string TransportName => Transport switch
    {
        PtpTransport.UdpIPv4 => "UDPv4",
        PtpTransport.UdpIPv6 => "UDPv6",
        _ => "L2",
    };
}
