namespace Ptp4Net.Messages;

/// <summary>tlvType (IEEE 1588-2019 Table 52), with the values linuxptp defines (tlv.h). Others are kept as numbers.</summary>
public enum TlvType : ushort
{
    Management = 0x0001,
    ManagementErrorStatus = 0x0002,
    OrganizationExtension = 0x0003,
    RequestUnicastTransmission = 0x0004,
    GrantUnicastTransmission = 0x0005,
    CancelUnicastTransmission = 0x0006,
    AcknowledgeCancelUnicastTransmission = 0x0007,
    PathTrace = 0x0008,
    AlternateTimeOffsetIndicator = 0x0009,
    /// <summary>The experimental 1588-2008 Annex K authentication TLV.</summary>
    Authentication2008 = 0x2000,
    AuthenticationChallenge = 0x2001,
    SecurityAssociationUpdate = 0x2002,
    CumFreqScaleFactorOffset = 0x2003,
    PtpMonReq = 0x21FE,
    PtpMonResp = 0x21FF,
    OrganizationExtensionPropagate = 0x4000,
    EnhancedAccuracyMetrics = 0x4001,
    SlaveDelayTimingDataNp = 0x7F00,
    OrganizationExtensionDoNotPropagate = 0x8000,
    L1Sync = 0x8001,
    PortCommunicationAvailability = 0x8002,
    ProtocolAddress = 0x8003,
    SlaveRxSyncTimingData = 0x8004,
    SlaveRxSyncComputedData = 0x8005,
    SlaveTxEventTimestamps = 0x8006,
    CumulativeRateRatio = 0x8007,
    Pad = 0x8008,
    /// <summary>The 1588-2019 AUTHENTICATION TLV (16.14).</summary>
    Authentication = 0x8009,
}
