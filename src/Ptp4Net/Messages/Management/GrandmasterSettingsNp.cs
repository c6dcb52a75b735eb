using System.Buffers.Binary;
using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp GRANDMASTER_SETTINGS_NP dataField (struct grandmaster_settings_np), 8 octets: clockQuality (4),
/// utc_offset (2), time_flags (1, the low octet of <see cref="PtpFlags"/>), time_source (1).
/// </summary>
public readonly record struct GrandmasterSettingsNp(ClockQuality ClockQuality, short UtcOffset, PtpFlags TimeFlags, TimeSource TimeSource)
    : IManagementData<GrandmasterSettingsNp>
{
    public const int WireSize = 8;

    public ManagementId Id => ManagementId.GrandmasterSettingsNp;
    public int DataLength => WireSize;
    public static bool Accepts(ManagementId id) => id == ManagementId.GrandmasterSettingsNp;

    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out GrandmasterSettingsNp value)
    {
        value = default;
        if (d.Length < WireSize) return false;
        value = new GrandmasterSettingsNp(ClockQuality.Read(d), BinaryPrimitives.ReadInt16BigEndian(d[4..]), (PtpFlags)d[6], (TimeSource)d[7]);
        return true;
    }

    public void Write(Span<byte> d)
    {
        ClockQuality.Write(d);
        BinaryPrimitives.WriteInt16BigEndian(d[4..], UtcOffset);
        d[6] = (byte)TimeFlags;
        d[7] = (byte)TimeSource;
    }
}
