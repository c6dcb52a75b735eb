namespace Ptp4Net.Engine;

/// <summary>linuxptp `time_stamping` with the numbering PORT_PROPERTIES_NP reports (linuxptp enum timestamp_type).</summary>
public enum TimeStampingMode : byte
{
    Software = 0,
    Hardware = 1,
    LegacyHardware = 2,
    OneStep = 3,
    P2P1Step = 4,
}
