namespace Ptp4Net.DataSets;

/// <summary>timePropertiesDS (IEEE 1588-2019 8.2.4). The flags are kept as the second octet of the header's
/// flagField (Table 37) because that is how Announce carries them.</summary>
public sealed class TimePropertiesDataSet
{
    public const byte Leap61 = 0x01;
    public const byte Leap59 = 0x02;
    public const byte CurrentUtcOffsetValidFlag = 0x04;
    public const byte PtpTimescaleFlag = 0x08;
    public const byte TimeTraceableFlag = 0x10;
    public const byte FrequencyTraceableFlag = 0x20;

    public short CurrentUtcOffset { get; set; } = 37;
    public byte Flags { get; set; } = PtpTimescaleFlag;
    /// <summary>timeSource (Table 6); 0xA0 INTERNAL_OSCILLATOR is ptp4l's default.</summary>
    public byte TimeSource { get; set; } = 0xA0;

    public bool CurrentUtcOffsetValid => (Flags & CurrentUtcOffsetValidFlag) != 0;
    public bool PtpTimescale => (Flags & PtpTimescaleFlag) != 0;
    public bool TimeTraceable => (Flags & TimeTraceableFlag) != 0;
    public bool FrequencyTraceable => (Flags & FrequencyTraceableFlag) != 0;
}
